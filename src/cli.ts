// The `aimslint` command (bundled to dist/cli-main.cjs, started by the loader dist/cli.cjs: cli-loader.ts).
import { main } from "./cli/main.js";

main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
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
