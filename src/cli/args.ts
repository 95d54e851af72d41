// Command-line parsing. Usage errors throw UsageError, which the CLI turns into exit code 2.
import { parseArgs } from "node:util";

export class UsageError extends Error {}

export const FORMATS = ["stylish", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  command: "lint" | "help" | "version";
  paths: string[];
  format: Format;
  quiet: boolean;
  maxWarnings: number | undefined;
  color: boolean | undefined;
  maxFileBytes: number | undefined;
}

export const HELP = `aimslint — lint ISO/IEC 42001 AI governance artefacts (model cards, impact assessments,
risk registers, AI system records, Statement of Applicability, AI policy, data cards, suppliers).

Usage:
  aimslint [options] [paths...]     Scan folders, globs or files (default: the current folder)

Options:
  -f, --format <name>      Output format: stylish (default), json, github
  -q, --quiet              Report errors only
      --max-warnings <n>   Exit 1 when there are more than n warnings
      --max-file-size <n>  Largest file to read, in bytes (default 4194304)
      --color, --no-color  Force or disable colours (NO_COLOR is honoured)
  -v, --version            Print the version
  -h, --help               Print this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or internal error.

Examples:
  aimslint                                   scan the repository you are in
  aimslint governance/ models/**/README.md   scan a folder and a glob
  aimslint --format json > findings.json     machine-readable output
  aimslint -f github                         annotations in a GitHub Actions log
`;

export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        quiet: { type: "boolean", short: "q" },
        "max-warnings": { type: "string" },
        "max-file-size": { type: "string" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        version: { type: "boolean", short: "v" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, "."));
  }
  const { values, positionals } = parsed;
  const format = values.format ?? "stylish";
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"; expected one of ${FORMATS.join(", ")}.`);
  return {
    command: values.help ? "help" : values.version ? "version" : "lint",
    paths: positionals,
    format: format as Format,
    quiet: values.quiet ?? false,
    maxWarnings: wholeNumber(values["max-warnings"], "--max-warnings"),
    maxFileBytes: wholeNumber(values["max-file-size"], "--max-file-size"),
    color: values["no-color"] ? false : values.color ? true : undefined,
  };
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, got "${value}".`);
  return Number(value);
}
