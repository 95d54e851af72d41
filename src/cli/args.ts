// Command-line parsing. Usage errors throw UsageError, which the CLI turns into exit code 2.
import { parseArgs } from "node:util";

export class UsageError extends Error {}

import { FORMATS, type Format, INVENTORY_FORMATS, type InventoryFormat, REPORT_FRAMEWORKS, type ReportFramework } from "../reporters/formats.js";

export { FORMATS, type Format };

export interface CliOptions {
  command: "lint" | "help" | "version" | "rules" | "explain" | "init" | "inventory" | "baseline";
  paths: string[];
  /** A findings format, or for `inventory` one of INVENTORY_FORMATS. */
  format: Format | InventoryFormat;
  quiet: boolean;
  maxWarnings: number | undefined;
  color: boolean | undefined;
  maxFileBytes: number | undefined;
  maxFindingsPerFile: number | undefined;
  config: string | undefined;
  today: string | undefined;
  noInlineConfig: boolean;
  /** Keep the index of files not reported on between runs (index-cache.ts). */
  cache: boolean;
  /** The baseline file to honour or write (default aimslint-baseline.json at the project root); false: none. */
  baseline: string | false | undefined;
  /** `baseline --prune`: drop what no longer occurs. */
  prune: boolean;
  /** Report only files changed since this git ref (merge base), committed or not. */
  changedSince: string | undefined;
  /** Stylish output grouped by this framework's references. */
  framework?: ReportFramework | undefined;
}

export const HELP = `aimslint — policy as code for ISO/IEC 42001 AI governance artefacts: model cards, impact
assessments, risk registers, AI system records, Statement of Applicability, AI policy, data cards, suppliers.

Usage:
  aimslint [options] [paths...]     Check folders, globs or files (default: the project folder)
  aimslint rules                    List the rules with their ISO/IEC 42001 references
  aimslint explain <rule-id>        Print a rule's documentation
  aimslint init [dir]               Scaffold a governance folder (never overwrites existing files)
  aimslint baseline [--prune]       Accept today's findings (aimslint-baseline.json); later runs report new ones
  aimslint inventory [paths...]     List the repository's AI use by AI system record
                                    (--format table (default), json or cyclonedx)

Options:
  -f, --format <name>      Output format: ${FORMATS.join(", ").replace("stylish", "stylish (default)")}
  -c, --config <file>      Use this configuration instead of the nearest aimslint.config.yaml
  -q, --quiet              Report errors only
      --max-warnings <n>   Exit 1 when there are more than n warnings
      --today <date>       Date that date rules compare with (YYYY-MM-DD; default today)
      --no-inline-config   Ignore aimslint-disable comments (CI can refuse local exceptions)
      --max-file-size <n>  Largest file to read, in bytes (default 4194304)
      --max-findings-per-file <n>
                           Findings listed per file; one more counts the rest (default 1000)
      --baseline <file>    Honour this baseline instead of aimslint-baseline.json at the project root
      --no-baseline        Report every finding, baselined or not
      --changed-since <ref>
                           Report only files changed since the merge base with <ref> (a branch's new findings)
      --no-cache           Read every file of the project, not the index kept from earlier runs
                           (in $AIMSLINT_CACHE_DIR, else the user cache folder, e.g. ~/.cache/aimslint)
      --color, --no-color  Force or disable colours (NO_COLOR is honoured)
      --framework <name>   Group the findings by the references of a framework: ${REPORT_FRAMEWORKS.slice(0, 3).join(", ")},
                           ${REPORT_FRAMEWORKS.slice(3).join(", ")} (stylish output; JSON and SARIF carry them all)
  -v, --version            Print the version
  -h, --help               Print this help

Files named on the command line are reported on; cross-document rules still see the whole project
(the folder of aimslint.config.yaml, else the git work tree, else the scanned folder).

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, configuration or internal error.

Examples:
  aimslint                                   check the project you are in
  aimslint governance/ 'models/**/README.md' check a folder and a glob
  aimslint --format json > findings.json     machine-readable output
  aimslint explain risk/treatment-complete   why a rule exists and how to fix its findings
`;

const OPTIONS = {
  format: { type: "string", short: "f" },
  config: { type: "string", short: "c" },
  quiet: { type: "boolean", short: "q" },
  "max-warnings": { type: "string" },
  "max-file-size": { type: "string" },
  "max-findings-per-file": { type: "string" },
  today: { type: "string" },
  "no-inline-config": { type: "boolean" },
  "no-cache": { type: "boolean" },
  baseline: { type: "string" },
  "no-baseline": { type: "boolean" },
  prune: { type: "boolean" },
  "changed-since": { type: "string" },
  color: { type: "boolean" },
  framework: { type: "string" },
  "no-color": { type: "boolean" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

/** Node's own parser, with its complaint turned into a usage error. */
function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, "."));
  }
}

export function parseCli(argv: readonly string[]): CliOptions {
  const parsed = parse(argv);
  const { values } = parsed;
  let positionals = parsed.positionals;
  let command: CliOptions["command"] = values.help ? "help" : values.version ? "version" : "lint";
  if (command === "lint" && (positionals[0] === "rules" || positionals[0] === "explain" || positionals[0] === "init" || positionals[0] === "inventory" || positionals[0] === "baseline")) {
    command = positionals[0];
    positionals = positionals.slice(1);
    if (command === "explain" && positionals.length !== 1) throw new UsageError('"explain" takes one rule id, e.g. aimslint explain risk/treatment-complete.');
    if (command === "baseline" && positionals.length > 0) throw new UsageError('"baseline" takes no paths: it accepts the findings of the whole project.');
    if (command === "init" && positionals.length > 1) throw new UsageError('"init" takes at most one folder, e.g. aimslint init or aimslint init compliance/.');
  }
  if (values.prune && command !== "baseline") throw new UsageError('--prune belongs to "aimslint baseline --prune".');
  if (values["changed-since"] !== undefined && (values["changed-since"] === "" || values["changed-since"].startsWith("-")))
    throw new UsageError(`--changed-since takes a git ref, got "${values["changed-since"]}".`);
  const formats: readonly string[] = command === "inventory" ? INVENTORY_FORMATS : FORMATS;
  const format = values.format ?? formats[0]!;
  if (!formats.includes(format)) throw new UsageError(`Unknown format "${format}"${command === "inventory" ? " for inventory" : ""}; expected one of ${formats.join(", ")}.`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError(`--today takes a date written YYYY-MM-DD, got "${values.today}".`);
  const framework = values.framework;
  if (framework !== undefined) {
    if (!(REPORT_FRAMEWORKS as readonly string[]).includes(framework)) throw new UsageError(`Unknown framework "${framework}"; expected one of ${REPORT_FRAMEWORKS.join(", ")}.`);
    if (command !== "lint" || format !== "stylish") throw new UsageError("--framework groups the stylish output of a check; JSON and SARIF carry every framework's references.");
  }
  return {
    command,
    paths: positionals,
    format: format as Format | InventoryFormat,
    quiet: values.quiet ?? false,
    maxWarnings: wholeNumber(values["max-warnings"], "--max-warnings"),
    maxFileBytes: wholeNumber(values["max-file-size"], "--max-file-size"),
    maxFindingsPerFile: wholeNumber(values["max-findings-per-file"], "--max-findings-per-file", 1),
    color: values["no-color"] ? false : values.color ? true : undefined,
    config: values.config,
    today: values.today,
    noInlineConfig: values["no-inline-config"] ?? false,
    cache: !(values["no-cache"] ?? false),
    baseline: values["no-baseline"] ? false : values.baseline,
    prune: values.prune ?? false,
    changedSince: values["changed-since"],
    ...(framework !== undefined ? { framework: framework as ReportFramework } : {}),
  };
}

function wholeNumber(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} takes a whole number${min > 0 ? ` of at least ${min}` : ""}, got "${value}".`);
  return Number(value);
}
