// The `aimslint` command (bundled to dist/cli-main.cjs, started by the loader dist/cli.cjs: cli-loader.ts).
import { main } from "./cli/main.js";

// `aimslint . | head` closes the pipe before the report is written: the reader wanted no more, so the rest is
// dropped and the exit code still says what the run found, instead of Node's unhandled EPIPE and a stack trace.
const closed = new WeakSet<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed.add(stream);
  });
}
const writer = (stream: NodeJS.WriteStream) => (text: string) => void (closed.has(stream) || stream.write(text));

main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  isTTY: Boolean(process.stdout.isTTY),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`aimslint: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
