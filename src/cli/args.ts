// Command-line parsing. Usage errors throw UsageError, which the CLI turns into exit code 2. The loader
// (cli-loader.ts) parses the command line with this file too, before the CLI is compiled: keep it small.
import { parseArgs } from "node:util";

export class UsageError extends Error {}

import { FORMATS, type Format, INVENTORY_FORMATS, type InventoryFormat, REPORT_FRAMEWORKS, type ReportFramework, RULES_FORMATS, type RulesFormat } from "../reporters/formats.js";

export { FORMATS, type Format };

export interface CliOptions {
  command: "lint" | "help" | "version" | "rules" | "explain" | "init" | "inventory" | "baseline" | "print-config" | "report";
  paths: string[];
  /** A findings format, for `inventory` one of INVENTORY_FORMATS, for `rules` one of RULES_FORMATS. */
  format: Format | InventoryFormat | RulesFormat;
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
  /** -o: where the report goes instead of standard output. */
  outputFile: string | undefined;
  /** --print-config: the file whose configuration is printed. */
  printConfig: string | undefined;
  /** --ignore-pattern, in order: globs relative to the working directory. */
  ignorePatterns: string[];
  /** False with --no-error-on-unmatched-pattern: a path or glob that matches nothing is left out, not an error. */
  errorOnUnmatched: boolean;
  /** --stdin --stdin-filename: lint standard input as if it were this file. */
  stdinFilename: string | undefined;
  /** --rule values as written (cli/rule-option.ts reads them). */
  rules: string[];
  /** --debug: timings of the pipeline's stages to standard error. */
  debug: boolean;
  /** Stylish output and the HTML report grouped by this framework's references. */
  framework?: ReportFramework | undefined;
  /** The HTML report: an earlier `--format json` result to show the change since. */
  compare?: string | undefined;
}

export const HELP = `aimslint — policy as code for ISO/IEC 42001 AI governance artefacts: model cards, impact
assessments, risk registers, AI system records, Statement of Applicability, AI policy, data cards, suppliers.

Usage:
  aimslint [options] [paths...]     Check folders, globs or files (default: the project folder)
  aimslint rules                    List the rules with their ISO/IEC 42001 references
                                    (--format table (default) or json)
  aimslint explain <rule-id>        Print a rule's documentation
  aimslint init [dir]               Scaffold a governance folder (never overwrites existing files)
  aimslint baseline [--prune]       Accept today's findings (aimslint-baseline.json); later runs report new ones
  aimslint inventory [paths...]     List the repository's AI use by AI system record
                                    (--format table (default), json or cyclonedx)
  aimslint report [paths...] -o <file>
                                    Write the audit-readiness report: one self-contained HTML file
                                    (the same as --format html)
  aimslint help                     Print this help

Options:
  -f, --format <name>      Output format: ${FORMATS.join(", ").replace("stylish", "stylish (default)")}
  -o, --output-file <path> Write the report to this file instead of standard output
  -c, --config <file>      Use this configuration instead of the nearest aimslint.config.yaml
      --print-config <file>
                           Print the rules, severities and options that apply to the file, as JSON
      --rule <setting>     Set a rule for this run, over the configuration: 'risk/review-current: error',
                           'doc/metadata: off', '{"risk/review-current": {"severity": "warning"}}' (repeatable)
      --ignore-pattern <glob>
                           Skip files matching the glob (relative to this folder; repeatable)
      --no-error-on-unmatched-pattern
                           A path or glob that matches no file is left out instead of exiting 2
      --stdin              Check the text on standard input, as the file --stdin-filename names
      --stdin-filename <path>
                           Where that text belongs: its kind, its rules and the project around it
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
      --color, --no-color  Force or disable colours (FORCE_COLOR and NO_COLOR are honoured)
      --debug              Print how long each stage of the run took to standard error
      --framework <name>   Group the findings by the references of a framework: ${REPORT_FRAMEWORKS.slice(0, 3).join(", ")},
                           ${REPORT_FRAMEWORKS.slice(3).join(", ")} (stylish and html; JSON and SARIF carry them all)
      --compare <file>     HTML report: show what changed since an earlier --format json result
  -v, --version            Print the version
  -h, --help               Print this help

Files named on the command line are reported on; cross-document rules still see the whole project
(the folder of aimslint.config.yaml, else the git work tree, else the scanned folder).

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, configuration or internal error.

Examples:
  aimslint                                   check the project you are in
  aimslint governance/ 'models/**/README.md' check a folder and a glob
  aimslint --format json -o findings.json    machine-readable output, to a file
  aimslint --format junit -o aimslint.xml    a JUnit report for CI test views
  aimslint report -o report.html --compare last.json
                                             the readiness report, with the change since last.json
  aimslint --print-config risks/RISK-7.yaml  what applies to one file
  cat card.md | aimslint --stdin --stdin-filename models/bot/README.md
  aimslint explain risk/treatment-complete   why a rule exists and how to fix its findings
`;

const OPTIONS = {
  format: { type: "string", short: "f" },
  "output-file": { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  "print-config": { type: "string" },
  rule: { type: "string", multiple: true },
  "ignore-pattern": { type: "string", multiple: true },
  "no-error-on-unmatched-pattern": { type: "boolean" },
  stdin: { type: "boolean" },
  "stdin-filename": { type: "string" },
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
  compare: { type: "string" },
  "no-color": { type: "boolean" },
  debug: { type: "boolean" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

const COMMANDS = ["rules", "explain", "init", "inventory", "baseline", "report", "help"] as const;

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
  if (command === "lint" && (COMMANDS as readonly string[]).includes(positionals[0] ?? "")) {
    command = positionals[0] as (typeof COMMANDS)[number];
    positionals = positionals.slice(1);
    if (command === "explain" && positionals.length !== 1) throw new UsageError('"explain" takes one rule id, e.g. aimslint explain risk/treatment-complete.');
    if (command === "baseline" && positionals.length > 0) throw new UsageError('"baseline" takes no paths: it accepts the findings of the whole project.');
    if (command === "init" && positionals.length > 1) throw new UsageError('"init" takes at most one folder, e.g. aimslint init or aimslint init compliance/.');
  }
  if (values.prune && command !== "baseline") throw new UsageError('--prune belongs to "aimslint baseline --prune".');
  if (values["changed-since"] !== undefined && (values["changed-since"] === "" || values["changed-since"].startsWith("-")))
    throw new UsageError(`--changed-since takes a git ref, got "${values["changed-since"]}".`);
  if (values["print-config"] !== undefined && command === "lint") {
    if (positionals.length > 0) throw new UsageError(`--print-config takes one file and no other paths, e.g. aimslint --print-config risks/RISK-7.yaml.`);
    command = "print-config";
  }
  if (Boolean(values.stdin) !== (values["stdin-filename"] !== undefined)) {
    throw new UsageError(values.stdin ? "--stdin needs --stdin-filename <path>: the file the text stands for (its kind and its rules depend on it)." : "--stdin-filename goes with --stdin.");
  }
  if (values.stdin && (command !== "lint" || positionals.length > 0)) throw new UsageError("--stdin checks standard input only: name no paths and no command with it.");
  if (values["output-file"] !== undefined && command === "init") throw new UsageError('"init" writes its own files; -o is for reports.');
  const formats: readonly string[] = command === "inventory" ? INVENTORY_FORMATS : command === "rules" ? RULES_FORMATS : FORMATS;
  if (command === "report" && values.format !== undefined && values.format !== "html") throw new UsageError('"report" writes HTML; for other formats run aimslint --format <name>.');
  const format = command === "report" ? "html" : (values.format ?? formats[0]!);
  if (!formats.includes(format)) throw new UsageError(`Unknown format "${format}"${command === "inventory" || command === "rules" ? ` for ${command}` : ""}; expected one of ${formats.join(", ")}.`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError(`--today takes a date written YYYY-MM-DD, got "${values.today}".`);
  const framework = values.framework;
  if (framework !== undefined) {
    if (!(REPORT_FRAMEWORKS as readonly string[]).includes(framework)) throw new UsageError(`Unknown framework "${framework}"; expected one of ${REPORT_FRAMEWORKS.join(", ")}.`);
    if (!((command === "lint" || command === "report") && (format === "stylish" || format === "html")))
      throw new UsageError("--framework groups the stylish output of a check and the HTML report; JSON and SARIF carry every framework's references.");
  }
  if (values.compare !== undefined && format !== "html") throw new UsageError("--compare belongs to the HTML report: aimslint report -o report.html --compare earlier.json.");
  return {
    command,
    paths: positionals,
    format: format as Format | InventoryFormat | RulesFormat,
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
    outputFile: nonEmpty(values["output-file"], "-o, --output-file"),
    printConfig: nonEmpty(values["print-config"], "--print-config"),
    ignorePatterns: (values["ignore-pattern"] ?? []).map((glob) => nonEmpty(glob, "--ignore-pattern")!),
    errorOnUnmatched: !(values["no-error-on-unmatched-pattern"] ?? false),
    stdinFilename: nonEmpty(values["stdin-filename"], "--stdin-filename"),
    rules: values.rule ?? [],
    debug: values.debug ?? false,
    ...(framework !== undefined ? { framework: framework as ReportFramework } : {}),
    ...(values.compare !== undefined ? { compare: nonEmpty(values.compare, "--compare") } : {}),
  };
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === "") throw new UsageError(`${flag} takes a ${flag === "--ignore-pattern" ? "glob" : "path"}, got nothing.`);
  return value;
}

function wholeNumber(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} takes a whole number${min > 0 ? ` of at least ${min}` : ""}, got "${value}".`);
  return Number(value);
}
