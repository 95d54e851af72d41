// The Action's inputs, read from INPUT_* variables. A missing or empty variable takes the default that
// action.yml declares (test/action.test.ts checks that both say the same thing).
export type FailOn = "error" | "warning" | "never";
/**
 * How findings reach the diff. `commands`: workflow commands, at most 10 per level; `checks`: a check run through
 * the Checks API, every finding; `auto`: commands when every finding fits, else a check run; `off`: none. When a
 * check run cannot be created (no token, or one without `checks: write`, as for a fork), commands are used.
 */
export type AnnotationMode = "auto" | "checks" | "commands" | "off";

export interface ActionInputs {
  /** Folders, globs or files, one per line; empty means the whole repository. */
  paths: string[];
  config: string | undefined;
  failOn: FailOn;
  annotations: AnnotationMode;
  onlyChanged: boolean;
  /** Where to write SARIF, relative to the workspace; undefined means no SARIF. */
  sarifFile: string | undefined;
  /** Where to write the HTML report, relative to the workspace; undefined means none. */
  reportFile: string | undefined;
  summary: boolean;
  token: string | undefined;
  today: string | undefined;
}

/** The defaults of action.yml, as strings. `token` defaults to `${{ github.token }}` there; here, to GITHUB_TOKEN. */
export const INPUT_DEFAULTS = {
  paths: "",
  config: "",
  "fail-on": "error",
  annotations: "auto",
  "only-changed": "false",
  "sarif-file": "",
  "report-file": "",
  summary: "true",
  token: "${{ github.token }}",
  today: "",
} as const;

export class InputError extends Error {}

const TRUE = ["true", "on", "yes", "1"];
const FALSE = ["false", "off", "no", "0"];

export function readInputs(getInput: (name: string) => string, env: NodeJS.ProcessEnv): ActionInputs {
  const get = (name: keyof typeof INPUT_DEFAULTS): string => getInput(name).trim() || INPUT_DEFAULTS[name];
  const failOn = get("fail-on").toLowerCase();
  if (failOn !== "error" && failOn !== "warning" && failOn !== "never") throw new InputError(`Input "fail-on" must be error, warning or never, got "${failOn}".`);
  const annotations = get("annotations").toLowerCase();
  if (annotations !== "auto" && annotations !== "checks" && annotations !== "commands" && annotations !== "off") {
    throw new InputError(`Input "annotations" must be auto, checks, commands or off, got "${annotations}".`);
  }
  const today = get("today");
  if (today && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new InputError(`Input "today" takes a date written YYYY-MM-DD, got "${today}".`);
  const token = getInput("token").trim() || env["GITHUB_TOKEN"] || undefined;
  return {
    paths: get("paths")
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0 && !p.startsWith("#")),
    config: get("config") || undefined,
    failOn,
    annotations,
    onlyChanged: flag(get("only-changed"), "only-changed"),
    sarifFile: get("sarif-file") || undefined,
    reportFile: get("report-file") || undefined,
    summary: flag(get("summary"), "summary"),
    token,
    today: today || undefined,
  };
}

function flag(value: string, name: string): boolean {
  const v = value.toLowerCase();
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new InputError(`Input "${name}" must be true or false, got "${value}".`);
}
