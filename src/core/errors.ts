// Errors that end a run with exit code 2 and one message a person can act on (cli/main.ts, action/main.ts).

/** A configuration, rule or schema file that cannot be used: its message says which file, where and why. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
