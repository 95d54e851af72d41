// The hostile fixture folder (test/fixtures/hostile, manifest expected.json): one hand-made file per hostile case,
// plus what cannot be committed (a 50 MB file, symbolic links, awkward names, permissions), made here in a
// temporary copy. Each case must give exactly its recorded findings, the other files must still be checked, every
// range must lie inside its file, no output may form a workflow command, and the scan must not change the tree.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding.js";
import type { LintResult } from "../../src/pipeline/lint.js";
import { asNobody, brief, expectedBrief, hashTree, HOSTILE, isRoot, lintIn, manifest, renderAll, runCli, tempDir, type Case } from "./helpers.js";
import { outputProblems, rangeProblems, visibleText } from "./invariants.js";

const DUPLICATE_KEY_RISK = "kind: risk\nid: RISK-NAME-1\nid: RISK-NAME-2\n";
const SECRET = "kind: risk\nid: RISK-SECRET\ntitle: outside the repository\ninherent: { likelihood: AKIA-SECRET-VALUE, impact: major, level: high }\n";

/** A copy of the committed fixtures plus the generated cases (all but permissions, which need their own run). */
function makeRepo(outside: string): string {
  const dir = tempDir("aimslint-hostile-");
  cpSync(HOSTILE, dir, { recursive: true, filter: (src) => !/[\\/](found|expected\.json|\.gitattributes)$/.test(src) });
  mkdirSync(join(dir, "big"));
  // 50 MB that starts like an artefact; never committed.
  const line = "# padding: a 50 MB file must be refused before it is read\n";
  writeFileSync(join(dir, "big", "huge.yaml"), "kind: risk\nid: RISK-HUGE\n" + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
  const links = join(dir, "links");
  mkdirSync(links);
  const link = (target: string, name: string) => symlinkSync(target, join(links, name));
  link("../good/RISK-100.yaml", "inside-file.yaml");
  link("../good", "inside-folder");
  link(join(outside, "secret.yaml"), "outside.yaml");
  link(relative(links, join(outside, "secret.yaml")), "relative-outside.yaml");
  link(join(outside, "folder"), "outside-folder");
  link("loop-b.yaml", "loop-a.yaml");
  link("loop-a.yaml", "loop-b.yaml");
  link("self.yaml", "self.yaml");
  link("missing.yaml", "broken.yaml");
  link("..", "parent-loop");
  for (const name of Object.keys(manifest.generated)) if (name.startsWith("names/")) writeFileSync(join(dir, name), DUPLICATE_KEY_RISK);
  return dir;
}

function makeOutside(): string {
  const outside = tempDir("aimslint-outside-");
  writeFileSync(join(outside, "secret.yaml"), SECRET);
  mkdirSync(join(outside, "folder"));
  writeFileSync(join(outside, "folder", "secret.yaml"), SECRET);
  return outside;
}

/** Every file and file link below `dir` (what a hook or `git diff --name-only` would name), as display paths. */
function namedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
      else if (entry.isSymbolicLink()) {
        try {
          if (statSync(join(dir, path)).isFile()) out.push(path);
        } catch {
          // Broken and looping links cannot be named without a usage error; the folder scan reports them.
        }
      }
    }
  };
  walk("");
  return [...out, "links/outside-folder/secret.yaml"].sort();
}

/** Text of each file as aimslint reads it, for the range checks (undefined for links and non-files). */
function texts(dir: string, findings: readonly Finding[]): Map<string, string | undefined> {
  const map = new Map<string, string | undefined>();
  for (const f of findings) {
    if (map.has(f.file)) continue;
    const abs = join(dir, f.file);
    let text: string | undefined;
    try {
      if (lstatSync(abs).isFile() && statSync(abs).size < 8 * 1024 * 1024) text = visibleText(readFileSync(abs));
    } catch {
      text = undefined;
    }
    map.set(f.file, text);
  }
  return map;
}

const ALL: [string, Case][] = [...Object.entries(manifest.files), ...Object.entries(manifest.generated).filter(([name]) => !name.startsWith("perms/"))];
const exact = (f: { ruleId: string }) => manifest.exactFamilies.some((p) => f.ruleId.startsWith(p));

/** `checked(file)`: the kind the file was classified as (lint()), or "checked" when only findings can tell (JSON). */
function checkCases(findings: readonly Finding[], checked: (file: string) => string | undefined): void {
  const byFile = new Map<string, string[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), brief(f)]);
  for (const [file, c] of ALL) {
    const got = byFile.get(file) ?? [];
    const gotExact = findings
      .filter((f) => f.file === file && exact(f))
      .map(brief)
      .sort();
    if (c.findings) expect(gotExact, `${file} (${c.case})`).toEqual(c.findings.map((e) => expectedBrief(file, e)).sort());
    for (const e of c.also ?? []) expect(got, `${file} (${c.case})`).toContain(expectedBrief(file, e));
    if (c.artefact) expect([c.artefact, "checked"], `${file} is still checked (${c.case})`).toContain(checked(file));
  }
  // Nothing from outside the folder, and no folder walked twice through a link.
  expect(findings.filter((f) => /^links\/(inside-folder|parent-loop)\//.test(f.file)).map(brief)).toEqual([]);
  expect(findings.filter((f) => f.message.includes("AKIA-SECRET-VALUE")).map(brief)).toEqual([]);
}

describe("hostile fixture folder", () => {
  let outside: string;
  let walked: string; // a plain folder: fast-glob walks it
  let gitRepo: string; // a git work tree: git lists it
  let before: { walked: string; gitRepo: string };
  let named: LintResult;
  let files: string[];

  beforeAll(async () => {
    outside = makeOutside();
    walked = makeRepo(outside);
    gitRepo = makeRepo(outside);
    execFileSync("git", ["init", "-q"], { cwd: gitRepo });
    before = { walked: hashTree(walked), gitRepo: hashTree(gitRepo) };
    files = namedFiles(walked);
    // Named like a hook names staged files, plus the folder: file-level findings are reported for named files.
    named = await lintIn(walked, [".", ...files]);
  }, 120_000);

  afterAll(() => {
    // The 50 MB files would fill the temporary folder run after run.
    for (const dir of [walked, gitRepo, outside]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("gives each case exactly its recorded findings and still checks the other files (src/ lint)", () => {
    const artefacts = new Map(named.artefacts.map((a) => [a.file, a.kind]));
    checkCases(named.findings, (file) => artefacts.get(file));
  });

  it("keeps every finding's range inside its file", () => {
    expect(rangeProblems(named.findings, texts(walked, named.findings))).toEqual([]);
  });

  it("never produces a workflow command, a raw CR or an escape sequence in any format", () => {
    for (const { format, color, text } of renderAll(named.findings)) expect(outputProblems(format, text, color), format).toEqual([]);
  });

  it("reports the same problems in a plain folder scan (nothing named), and checks the other files", async () => {
    // A NUL byte, a bad encoding or 4 MiB of padding must not make an artefact drop out of the check in silence.
    const scan = await lintIn(walked);
    const got = new Set(scan.findings.map(brief));
    for (const [file, c] of ALL) {
      if (file === "links/outside-folder/secret.yaml") continue; // only reachable by naming it
      for (const e of c.findings ?? []) {
        if (e.ruleId === "file/empty") continue; // an empty file is reported only when named
        expect(got, `${file} (${c.case})`).toContain(expectedBrief(file, e));
      }
    }
    const kinds = new Set(scan.artefacts.map((a) => a.file));
    for (const [file, c] of ALL) if (c.artefact && !file.startsWith("links/")) expect(kinds.has(file), file).toBe(true);
  });

  it("gives the same findings through the built CLI in a git work tree, with awkward paths on the command line", () => {
    // `--` ends the options, so names that start with a dash are paths; `..` and `./` are resolved.
    const args = files.map((f) => (f === "good/RISK-100.yaml" ? "names/../good/RISK-100.yaml" : f.startsWith("names/-") ? `./${f}` : f));
    const r = runCli(["--format", "json", "--no-color", ".", "--", ...args], gitRepo);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    for (const problem of outputProblems("json", r.stdout)) expect.fail(problem);
    const report = JSON.parse(r.stdout) as { findings: Finding[] };
    // The JSON report has no artefact list: an artefact was checked when schema or rule findings name it (each
    // fixture artefact lacks document-control fields, so each has some).
    const checked = new Set(report.findings.filter((f) => !exact(f)).map((f) => f.file));
    checkCases(report.findings, (file) => (checked.has(file) ? "checked" : undefined));
  }, 120_000);

  it("prints nothing that forms a workflow command through the CLI, in every format", () => {
    for (const format of ["stylish", "github", "json", "sarif", "html"]) {
      const r = runCli(["--format", format, "--", ".", ...files], gitRepo);
      expect(r.stderr, format).toBe("");
      expect(outputProblems(format, r.stdout), format).toEqual([]);
    }
    const colored = runCli(["--color", "--", ".", ...files], gitRepo);
    expect(outputProblems("stylish", colored.stdout, true)).toEqual([]);
  }, 120_000);

  it("never writes into the scanned tree", () => {
    expect(hashTree(walked)).toBe(before.walked);
    expect(hashTree(gitRepo)).toBe(before.gitRepo);
  });
});

describe("unreadable files and folders", () => {
  const prefix = asNobody();
  it.skipIf(prefix === undefined)("report an unreadable file and still check the others (as a non-root user)", () => {
    if (isRoot()) console.info("Running as root, where mode 000 does not stop reads: the CLI runs as user nobody (setpriv) for this check.");
    const dir = tempDir("aimslint-perms-");
    cpSync(join(HOSTILE, "good"), join(dir, "good"), { recursive: true });
    mkdirSync(join(dir, "perms", "locked"), { recursive: true });
    writeFileSync(join(dir, "perms", "unreadable.yaml"), "kind: risk\nid: RISK-UNREADABLE\n");
    writeFileSync(join(dir, "perms", "locked", "risk.yaml"), "kind: risk\nid: RISK-LOCKED\n");
    chmodSync(join(dir, "perms", "unreadable.yaml"), 0o000);
    chmodSync(join(dir, "perms", "locked"), 0o000);
    for (const d of [dir, join(dir, "good"), join(dir, "perms")]) chmodSync(d, 0o755);
    for (const f of readdirSync(join(dir, "good"))) chmodSync(join(dir, "good", f), 0o644);
    const before = hashTree(dir);
    try {
      const [command, ...rest] = prefix!.length > 0 ? [...prefix!, process.execPath] : [process.execPath];
      const r = execFile(command!, [...rest, join(import.meta.dirname, "..", "..", "dist", "cli.cjs"), "--format", "json", ".", "perms/unreadable.yaml", "perms/locked/risk.yaml"], dir);
      expect(r.stderr).toBe("");
      const report = JSON.parse(r.stdout) as { findings: Finding[] };
      const got = report.findings.map(brief);
      for (const [file, c] of Object.entries(manifest.generated).filter(([name]) => name.startsWith("perms/"))) {
        for (const e of c.findings ?? []) expect(got, `${file} (${c.case})`).toContain(expectedBrief(file, e));
      }
      expect(got).toContain("good/RISK-100.yaml:5:25 schema/enum");
      expect(r.code).toBe(1);
      expect(hashTree(dir)).toBe(before);
    } finally {
      chmodSync(join(dir, "perms", "locked"), 0o755);
    }
  });
  if (prefix === undefined) {
    it.skip("report an unreadable file (skipped: running as root without setpriv, and root reads mode 000 files)", () => {});
  }
});

function execFile(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30", HOME: dirname(cwd) } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
