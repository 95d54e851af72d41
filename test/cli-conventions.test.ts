// What users of ESLint, markdownlint-cli2 and Spectral reach for (issue 17), end to end through the built bundle:
// -o, --print-config, --rule, --ignore-pattern, --no-error-on-unmatched-pattern, --stdin, --debug, `help`,
// `explain`'s "did you mean", `rules --format json`, FORCE_COLOR / NO_COLOR and the totals past the per-file limit.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { HELP } from "../src/cli/args.js";
import { colour } from "../src/cli/main.js";
import { fixture } from "./helpers/lint.js";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");
const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-conventions-cache-"));
const temporary = [cacheDir];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], cwd: string, options: { env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    input: options.input ?? "",
    env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30", AIMSLINT_CACHE_DIR: cacheDir, ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function repo(files: Record<string, string>): string {
  const dir = fixture(files);
  temporary.push(dir);
  return dir;
}

/** A risk with two schema errors and an unknown key: findings that no rule setting can turn off. */
const BROKEN_RISK = "kind: risk\nid: RISK-7\ntitle: Chatbot discloses account data\nsystem: SYS-SUPPORT\ninherent: { likelihood: sometimes, impact: major, level: high }\nbogus: 1\n";
const SYSTEM = "kind: ai-system\nid: SYS-SUPPORT\nname: Support bot\n";
/** Without git, the project is the folder of the configuration, else the folder of the first path named. */
const CONFIG = "extends: recommended\n";
const CARD = (system: string) => `---\nkind: model-card\nsystem: ${system}\n---\n# Support bot\n`;

describe("aimslint help", () => {
  it("is --help", () => {
    const dir = repo({});
    const help = run(["help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(run(["--help"], dir).stdout);
    for (const option of [
      "-o, --output-file",
      "--print-config",
      "--rule",
      "--ignore-pattern",
      "--no-error-on-unmatched-pattern",
      "--stdin-filename",
      "--debug",
      "FORCE_COLOR",
      "junit",
      "gitlab",
      "aimslint help",
    ]) {
      expect(help.stdout).toContain(option);
    }
  });
});

describe("the documentation", () => {
  it("describes every option --help lists, in docs/cli.md and in the README", () => {
    const options = [...new Set([...HELP.matchAll(/^ {2}(?:-\w, | {4})(--[a-z][a-z-]+)/gm)].map((m) => m[1]!))];
    expect(options.length).toBeGreaterThan(15);
    for (const page of ["docs/cli.md", "README.md"]) {
      const text = readFileSync(join(root, page), "utf8");
      expect(
        options.filter((o) => !new RegExp(`(?<![\\w-])${o}(?![\\w-])`).test(text)),
        page,
      ).toEqual([]);
    }
  });
});

describe("-o, --output-file", () => {
  it("writes the report to the file, nothing to standard output, and keeps the exit code", () => {
    const dir = repo({ "risks/r.yaml": BROKEN_RISK });
    const r = run(["--no-cache", "-o", "reports/aimslint.json", "--format", "json"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const report = JSON.parse(readFileSync(join(dir, "reports", "aimslint.json"), "utf8"));
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === "schema/enum")).toBe(true);
    // A clean run writes its (empty) report too, and the next run replaces it.
    writeFileSync(join(dir, "risks", "r.yaml"), "notes: not an artefact\n");
    expect(run(["--no-cache", "--output-file", "reports/aimslint.json"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "reports", "aimslint.json"), "utf8")).toMatch(/^✔ No problems/);
  });

  it("writes plain text to a file even when colours are forced for the terminal, unless --color asks", () => {
    const dir = repo({ "r.yaml": BROKEN_RISK });
    run(["--no-cache", "-o", "plain.txt"], dir, { env: { FORCE_COLOR: "1" } });
    expect(readFileSync(join(dir, "plain.txt"), "utf8")).not.toContain("\u001b[");
    run(["--no-cache", "-o", "coloured.txt", "--color"], dir);
    expect(readFileSync(join(dir, "coloured.txt"), "utf8")).toContain("\u001b[31m");
  });

  it("writes outside the repository where asked (a CI temp folder)", () => {
    const dir = repo({ "r.yaml": BROKEN_RISK });
    const elsewhere = mkdtempSync(join(tmpdir(), "aimslint-out-"));
    temporary.push(elsewhere);
    const target = join(elsewhere, "new", "folder", "report.sarif");
    expect(run(["--no-cache", "-f", "sarif", "-o", target], dir).code).toBe(1);
    expect(JSON.parse(readFileSync(target, "utf8")).version).toBe("2.1.0");
  });

  it("refuses to write through a symbolic link the repository holds, as the file or a folder on the way", () => {
    const victim = mkdtempSync(join(tmpdir(), "aimslint-victim-"));
    temporary.push(victim);
    writeFileSync(join(victim, "bashrc"), "original\n");
    const dir = repo({ "r.yaml": BROKEN_RISK });
    symlinkSync(join(victim, "bashrc"), join(dir, "findings.json"));
    symlinkSync(victim, join(dir, "reports"));
    for (const target of ["findings.json", "reports/findings.json", join(dir, "reports", "new.json")]) {
      const r = run(["--no-cache", "-f", "json", "-o", target], dir);
      expect(r.code, target).toBe(2);
      expect(r.stderr).toMatch(/cannot write the report to ".*": .* is a symbolic link; aimslint does not write through links/);
      expect(r.stdout).toBe("");
    }
    expect(readFileSync(join(victim, "bashrc"), "utf8")).toBe("original\n");
    expect(existsSync(join(victim, "findings.json"))).toBe(false);
    expect(existsSync(join(victim, "new.json"))).toBe(false);
    expect(lstatSync(join(dir, "findings.json")).isSymbolicLink()).toBe(true);
  });

  it("says so when the path is a folder, and writes nothing on a usage error", () => {
    const dir = repo({ "r.yaml": BROKEN_RISK, "out/.keep": "" });
    const folder = run(["--no-cache", "-o", "out"], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('cannot write the report to "out": it is a folder.');
    expect(run(["--no-cache", "-o", "x.txt", "--format", "nope"], dir).code).toBe(2);
    expect(existsSync(join(dir, "x.txt"))).toBe(false);
    expect(run(["init", "-o", "x.txt"], dir).stderr).toContain('"init" writes its own files');
  });

  it("works for the other commands that print a report: rules, inventory", () => {
    const dir = repo({ "r.yaml": BROKEN_RISK });
    expect(run(["rules", "--format", "json", "-o", "rules.json"], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "rules.json"), "utf8")).rules.length).toBeGreaterThan(50);
    expect(run(["inventory", "--format", "json", "-o", "inventory.json", "--no-cache"], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "inventory.json"), "utf8")).summary.systems).toBe(0);
  });
});

describe("--print-config", () => {
  const config = [
    "extends: recommended",
    "rules:",
    "  risk/review-current: { severity: error, options: { maxAgeMonths: 6 } }",
    "  doc/metadata: off",
    "overrides:",
    '  - files: ["legacy/**"]',
    "    rules: { doc/metadata: warning }",
    "ignores: [vendor/**]",
    "",
  ].join("\n");

  it("prints the rules, severities and options that apply to the file, overrides and --rule included", () => {
    const dir = repo({ "aimslint.config.yaml": config, "risks/r.yaml": BROKEN_RISK });
    const plain = run(["--print-config", "risks/r.yaml"], dir);
    expect(plain.code).toBe(0);
    const printed = JSON.parse(plain.stdout);
    expect(printed).toMatchObject({ file: "risks/r.yaml", configFile: "aimslint.config.yaml", root: ".", ignored: false, today: "2026-06-30", inlineSuppressions: true });
    expect(printed.limits.maxFindingsPerFile).toBe(1000);
    expect(printed.rules["risk/review-current"]).toEqual({ severity: "error", options: { maxAgeMonths: 6 } });
    expect(printed.rules["doc/metadata"]).toEqual({ severity: "off" });
    expect(Object.keys(printed.rules)).toEqual([...Object.keys(printed.rules)].sort());

    const legacy = JSON.parse(run(["--print-config", "legacy/old.yaml", "--no-inline-config"], dir).stdout);
    expect(legacy.rules["doc/metadata"].severity).toBe("warning");
    expect(legacy.inlineSuppressions).toBe(false);
    // --rule comes after the overrides, as ESLint's does.
    const ruled = JSON.parse(run(["--print-config", "legacy/old.yaml", "--rule", "doc/metadata: info", "--rule", "risk/review-current: off"], dir).stdout);
    expect(ruled.rules["doc/metadata"].severity).toBe("info");
    expect(ruled.rules["risk/review-current"]).toEqual({ severity: "off" });
    expect(JSON.parse(run(["--print-config", "vendor/x.yaml"], dir).stdout).ignored).toBe(true);
    expect(JSON.parse(run(["--print-config", "x.yaml", "--ignore-pattern", "x.yaml"], dir).stdout).ignored).toBe(true);
  });

  it("takes one file and no other paths", () => {
    const dir = repo({});
    const r = run(["--print-config", "a.yaml", "b.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--print-config takes one file");
  });
});

describe("--rule", () => {
  const dir = () => repo({ "aimslint.config.yaml": CONFIG, "governance/sys.yaml": SYSTEM, "models/bot/MODEL_CARD.md": CARD("SYS-SUPORT") });
  const ruleIds = (stdout: string) => (JSON.parse(stdout) as { findings: { ruleId: string; severity: string }[] }).findings;

  it("sets a rule over the configuration, in YAML or JSON, one or several at a time", () => {
    const d = dir();
    const before = ruleIds(run(["--no-cache", "-f", "json", "models"], d).stdout);
    expect(before.some((f) => f.ruleId === "modelcard/links-system")).toBe(true);
    for (const setting of [["modelcard/links-system: off"], ['{"modelcard/links-system": "off"}'], ["modelcard/links-system:off"], ["modelcard/links-system: {severity: off}"]]) {
      const after = ruleIds(run(["--no-cache", "-f", "json", "models", "--rule", setting[0]!], d).stdout);
      expect(
        after.some((f) => f.ruleId === "modelcard/links-system"),
        setting[0],
      ).toBe(false);
      expect(after.length).toBe(before.length - 1);
    }
    const two = ruleIds(run(["--no-cache", "-f", "json", "models", "--rule", "modelcard/links-system: off, doc/metadata: warn"], d).stdout);
    expect(two.filter((f) => f.ruleId === "doc/metadata").every((f) => f.severity === "warning")).toBe(true);
    const repeated = ruleIds(run(["--no-cache", "-f", "json", "models", "--rule", "modelcard/links-system: off", "--rule", "doc/metadata: off"], d).stdout);
    expect(repeated.some((f) => f.ruleId === "doc/metadata" || f.ruleId === "modelcard/links-system")).toBe(false);
  });

  it("refuses what is not a setting, with the syntax and a 'did you mean'", () => {
    const d = dir();
    const bad = run(["--rule", "modelcard/links-system: sometimes"], d);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Invalid value "sometimes" for "modelcard/links-system": expected one of "error", "warning", "warn", "info", "off".');
    expect(bad.stderr).toContain("Write it as '<rule-id>: <severity>'");
    expect(run(["--rule", "modelcard/link-system: off"], d).stderr).toContain('unknown rule "modelcard/link-system"; did you mean "modelcard/links-system"?');
    expect(run(["--rule", "risk/review-current: {options: {maxAgeMonth: 6}}"], d).stderr).toContain('has no option "maxAgeMonth"; did you mean "maxAgeMonths"?');
    for (const nonsense of ["", "[1, 2]", "off"]) expect(run(["--rule", nonsense], d).stderr, nonsense).toContain("is not a rule setting");
  });
});

describe("--ignore-pattern and --no-error-on-unmatched-pattern", () => {
  it("skips files matching any of the globs; a folder ending in / skips all below it", () => {
    const dir = repo({ "a/r.yaml": BROKEN_RISK, "b/r.yaml": BROKEN_RISK, "c/r.yaml": BROKEN_RISK });
    const files = (args: string[]) => [...new Set((JSON.parse(run(["--no-cache", "-f", "json", ...args], dir).stdout) as { findings: { file: string }[] }).findings.map((f) => f.file))];
    expect(files([])).toEqual(["a/r.yaml", "b/r.yaml", "c/r.yaml"]);
    expect(files(["--ignore-pattern", "a/**", "--ignore-pattern", "b/"])).toEqual(["c/r.yaml"]);
    const none = run(["--no-cache", "--ignore-pattern", "**/*.yaml"], dir);
    expect(none.code).toBe(0);
  });

  it("exits 2 on a path or glob that matches nothing, unless told to leave it out", () => {
    const dir = repo({ "r.yaml": BROKEN_RISK });
    const strict = run(["--no-cache", "r.yaml", "missing/**/*.yaml"], dir);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('No files matching "missing/**/*.yaml" were found.');
    const lenient = run(["--no-cache", "--no-error-on-unmatched-pattern", "r.yaml", "missing/**/*.yaml", "gone.yaml"], dir);
    expect(lenient.code).toBe(1);
    expect(lenient.stdout).toContain("r.yaml:5:");
    const nothing = run(["--no-cache", "--no-error-on-unmatched-pattern", "missing/**/*.yaml"], dir);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toBe("✔ No problems (0 artefacts in 0 files).\n");
  });
});

describe("--stdin --stdin-filename", () => {
  it("checks the text as that file, with the repository around it for cross-document rules", () => {
    const dir = repo({ "aimslint.config.yaml": CONFIG, "governance/sys.yaml": SYSTEM, "models/bot/MODEL_CARD.md": CARD("SYS-SUPPORT") });
    const args = ["--no-cache", "-f", "json", "--stdin", "--stdin-filename", "models/bot/MODEL_CARD.md"];
    const wrong = JSON.parse(run(args, dir, { input: CARD("SYS-SUPORT") }).stdout) as { findings: { file: string; ruleId: string; message: string }[] };
    const link = wrong.findings.find((f) => f.ruleId === "modelcard/links-system");
    expect(link?.file).toBe("models/bot/MODEL_CARD.md");
    expect(link?.message).toContain('did you mean "SYS-SUPPORT"?');
    expect(new Set(wrong.findings.map((f) => f.file))).toEqual(new Set(["models/bot/MODEL_CARD.md"]));
    // The system record on disk is seen: a card that names it has no dangling link.
    const right = JSON.parse(run(args, dir, { input: CARD("SYS-SUPPORT") }).stdout) as typeof wrong;
    expect(right.findings.some((f) => f.ruleId === "modelcard/links-system")).toBe(false);
    // The same run with the cache: the editor's text, not the file on disk, is what is checked.
    const cached = ["-f", "json", "--stdin", "--stdin-filename", "models/bot/MODEL_CARD.md"];
    run(["--no-cache"], dir);
    expect(JSON.parse(run(cached, dir, { input: CARD("SYS-SUPORT") }).stdout).findings.some((f: { ruleId: string }) => f.ruleId === "modelcard/links-system")).toBe(true);
  });

  it("places the text in the file's folder: a new file, with stylish output and the exit code of its findings", () => {
    const dir = repo({ "aimslint.config.yaml": CONFIG, "governance/sys.yaml": SYSTEM });
    const r = run(["--no-cache", "--stdin", "--stdin-filename", "governance/risks/new.yaml"], dir, { input: BROKEN_RISK });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('governance/risks/new.yaml:5:25  error    Invalid value "sometimes"');
    expect(r.stdout).toMatch(/in 1 artefact in 1 file\.\n$/);
    const empty = run(["--no-cache", "--stdin", "--stdin-filename", "governance/risks/new.yaml"], dir, { input: "" });
    expect(empty.stdout).toContain("file/empty");
  });

  it("needs both options, a file name aimslint reads, and no other paths", () => {
    const dir = repo({});
    expect(run(["--stdin"], dir).stderr).toContain("--stdin needs --stdin-filename <path>");
    expect(run(["--stdin-filename", "a.yaml"], dir).stderr).toContain("--stdin-filename goes with --stdin.");
    expect(run(["--stdin", "--stdin-filename", "a.txt"], dir, { input: "x" }).stderr).toContain('--stdin-filename "a.txt" must name a .yaml, .yml, .json, .md or .markdown file');
    expect(run(["--stdin", "--stdin-filename", "a.yaml", "b.yaml"], dir).stderr).toContain("--stdin checks standard input only");
  });
});

describe("a reader that stops reading", () => {
  it("ends the run quietly with the run's exit code, as `aimslint . | head` expects", async () => {
    // The SARIF report of the broken example is ~470 KB: far more than a pipe holds, so the write is cut short.
    const child = spawn(process.execPath, [CLI, "--format", "sarif", "examples/broken"], {
      cwd: root,
      env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30", AIMSLINT_CACHE_DIR: cacheDir },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });
});

describe("--debug", () => {
  it("prints the time of each stage to standard error, in order, and changes nothing else", () => {
    const dir = repo({ "governance/sys.yaml": SYSTEM, "r.yaml": BROKEN_RISK });
    const plain = run(["--no-cache"], dir);
    const debug = run(["--no-cache", "--debug"], dir);
    expect(debug.stdout).toBe(plain.stdout);
    expect(debug.code).toBe(plain.code);
    const stages = debug.stderr
      .trimEnd()
      .split("\n")
      .map((line) => /^aimslint: debug: (.+?) {2,}\s*(\d+\.\d) ms/.exec(line)?.[1]?.trim());
    expect(stages).toEqual(["start-up", "config", "discover", "index cache", "read/parse", "validate", "rules", "repository checks", "findings", "report", "total"]);
    expect(debug.stderr).toContain("2 files in the project, 2 reported on");
  });
});

describe("explain, rules --format json", () => {
  it("explain suggests the rule meant", () => {
    const dir = repo({});
    const r = run(["explain", "risk/treatment-complet"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown rule "risk/treatment-complet"; did you mean "risk/treatment-complete"?');
    expect(run(["explain", "parse/syntx"], dir).stderr).toContain('did you mean "parse/syntax"?');
    const found = run(["explain", "risk/treatment-complete"], dir);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain("risk/treatment-complete");
  });

  it("rules --format json lists the rules and the core checks as the table does", () => {
    const dir = repo({});
    const r = run(["rules", "--format", "json"], dir);
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as {
      tool: { name: string };
      rules: { id: string; severity: string; preset: string; iso42001: string[]; docs?: string }[];
      coreChecks: { id: string; preset: string }[];
    };
    expect(listed.tool.name).toBe("aimslint");
    const table = run(["rules"], dir).stdout;
    const tableIds = table
      .split("\n")
      .map((l) => /^([a-z0-9-]+\/[a-z0-9-]+)\s{2,}/.exec(l)?.[1])
      .filter(Boolean);
    expect(listed.rules.map((r) => r.id)).toEqual(tableIds);
    expect(listed.rules.find((x) => x.id === "risk/controls-in-soa")).toMatchObject({
      severity: "error",
      preset: "recommended",
      iso42001: ["6.1.3"],
      docs: "https://aimslint.dev/rules/risk/controls-in-soa",
    });
    expect(listed.coreChecks.find((c) => c.id === "schema/enum")).toMatchObject({ preset: "always" });
    // Each rule's crosswalks, as JSON findings and SARIF carry them.
    expect(listed.rules.find((x) => x.id === "risk/analysis-complete")).toMatchObject({
      crosswalks: { euAiAct: ["Art. 9(2)(a)", "Art. 9(2)(b)"], nistAiRmf: ["MAP 5.1"], iso23894: ["6.4.2", "6.4.3"] },
    });
    expect(run(["rules", "--format", "sarif"], dir).stderr).toContain('Unknown format "sarif" for rules; expected one of table, json.');
  });
});

describe("colours", () => {
  it("FORCE_COLOR turns them on or off where standard output is not a terminal; --no-color wins", () => {
    const dir = repo({ "r.yaml": BROKEN_RISK });
    expect(run(["--no-cache"], dir).stdout).not.toContain("\u001b[");
    expect(run(["--no-cache"], dir, { env: { FORCE_COLOR: "1" } }).stdout).toContain("\u001b[31m");
    expect(run(["--no-cache"], dir, { env: { FORCE_COLOR: "" } }).stdout).toContain("\u001b[31m");
    expect(run(["--no-cache"], dir, { env: { FORCE_COLOR: "0" } }).stdout).not.toContain("\u001b[");
    expect(run(["--no-cache", "--no-color"], dir, { env: { FORCE_COLOR: "3" } }).stdout).not.toContain("\u001b[");
  });

  it("on a terminal: NO_COLOR (when not empty) and TERM=dumb turn them off, FORCE_COLOR wins over NO_COLOR", () => {
    const tty = (env: Record<string, string>) => colour({ color: undefined, outputFile: undefined }, { env, isTTY: true });
    expect(tty({})).toBe(true);
    expect(tty({ NO_COLOR: "1" })).toBe(false);
    expect(tty({ NO_COLOR: "" })).toBe(true);
    expect(tty({ TERM: "dumb" })).toBe(false);
    expect(tty({ NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(true);
    expect(tty({ FORCE_COLOR: "false" })).toBe(false);
    expect(colour({ color: undefined, outputFile: "r.txt" }, { env: {}, isTTY: true })).toBe(false);
    expect(colour({ color: true, outputFile: "r.txt" }, { env: { NO_COLOR: "1" }, isTTY: false })).toBe(true);
  });
});

describe("totals past the per-file limit", () => {
  it("counts every problem, saying how many are not listed", () => {
    const entries = Array.from({ length: 20 }, (_, i) => `  - { id: R-${i}, bogus: 1 }`).join("\n");
    const dir = repo({ "register.yaml": `kind: risk-register\nid: REG\nrisks:\n${entries}\n` });
    const all = JSON.parse(run(["--no-cache", "-f", "json"], dir).stdout) as { summary: { errors: number; warnings: number; notListed: number } };
    const total = all.summary.errors + all.summary.warnings;
    expect(total).toBeGreaterThan(20);
    expect(all.summary.notListed).toBe(0);
    const capped = run(["--no-cache", "--max-findings-per-file", "5"], dir);
    expect(capped.code).toBe(1);
    const listed = capped.stdout.split("\n").filter((l) => l.startsWith("register.yaml:"));
    expect(listed).toHaveLength(6);
    expect(capped.stdout).toContain(
      `✖ ${total} problems (${all.summary.errors} errors, ${all.summary.warnings} warnings) in 21 artefacts in 1 file; ${total - 5} of them not listed (the per-file limit).`,
    );
    const json = JSON.parse(run(["--no-cache", "-f", "json", "--max-findings-per-file", "5"], dir).stdout) as { summary: typeof all.summary; findings: { ruleId: string; notListed?: object }[] };
    expect(json.summary).toMatchObject({ errors: all.summary.errors, warnings: all.summary.warnings, notListed: total - 5 });
    expect(json.findings).toHaveLength(6);
    expect(json.findings[5]).toMatchObject({ ruleId: "aimslint/too-many-findings", notListed: { suppressed: 0 } });
  });
});

describe("start-up stays lean", () => {
  it("a stylish run never loads the other reporters, --print-config, init or inventory", async () => {
    const loaded: string[] = [];
    for (const name of ["junit", "gitlab", "sarif", "json", "github"]) {
      vi.doMock(`../src/reporters/${name}.js`, () => {
        loaded.push(name);
        return {};
      });
    }
    for (const name of ["print-config", "init", "inventory"]) {
      vi.doMock(`../src/cli/${name}.js`, () => {
        loaded.push(name);
        return {};
      });
    }
    const { main } = await import("../src/cli/main.js");
    const dir = repo({ "r.yaml": BROKEN_RISK });
    let stdout = "";
    const code = await main(["--no-cache", "r.yaml"], { cwd: dir, env: { AIMSLINT_TODAY: "2026-06-30" }, stdout: (t) => void (stdout += t), stderr: () => undefined, isTTY: false });
    expect(code).toBe(1);
    expect(stdout).toContain("schema/enum");
    expect(loaded).toEqual([]);
  });
});
