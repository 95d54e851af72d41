/** What a CLI command may touch of the world: passed in, so that tests run commands in-process. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** All of standard input (`--stdin`); absent where there is none to read. */
  readStdin?: () => Promise<Buffer>;
}
