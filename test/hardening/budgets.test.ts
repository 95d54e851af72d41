// Work that repository content can ask for is bounded: each test asserts a bound on the work done (a counter, the
// findings, the output), never a measured time. bench/hardening.mjs runs the reproductions with timings.
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixValidatorCode } from "../../src/schema/ajv-code-fixes.mjs";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { lint } from "../../src/pipeline/lint.js";
import { LineIndex } from "../../src/source/line-index.js";
import { documentsCut } from "../../src/source/parse.js";
import { engineLoads } from "../../src/util/safe-regex.js";
import { closest } from "../../src/util/text.js";
import { SUGGESTION_CELLS } from "../../src/engine/functions/repository.js";
import { repoRoot, runCli, tempDir } from "./helpers.js";

const resolve = (dir: string) => resolveConfig({ cwd: dir, startDir: dir });

describe("the linear regular-expression engine", () => {
  it("is loaded only when the repository supplies a pattern: the example's run never loads it", async () => {
    const dir = tempDir("aimslint-budget-");
    cpSync(join(repoRoot, "examples", "acme-governance"), dir, { recursive: true });
    mkdirSync(join(dir, ".git"));
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(engineLoads.count).toBe(0);

    mkdirSync(join(dir, "rules"));
    writeFileSync(
      join(dir, "rules", "r.yaml"),
      'id: acme/team\ntitle: Teams follow the pattern\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: Owners are teams that people can reach.\nhelp: Name the owning team.\ncheck:\n  then:\n    - { field: owner, function: pattern, options: { match: "^team-[a-z0-9]+(?:-[a-z0-9]+)*$" } }\n',
    );
    appendFileSync(join(dir, "aimslint.config.yaml"), "ruleFiles: [rules/r.yaml]\n");
    await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(engineLoads.count).toBe(1);
  });
});

describe("work per file is bounded", () => {
  it("a file of 100,000 tiny YAML documents checks the first 1,000 and names the rest in one finding", async () => {
    // 1.5 MB of `kind: risk` / `---` was 100,000 artefacts (4 MB: 146 s and 3.3 GB; two such files: out of memory).
    const dir = tempDir("aimslint-budget-");
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, "many.yaml"), "kind: risk\n---\n".repeat(100_000));
    writeFileSync(join(dir, "more.yaml"), "---\nkind: risk\n".repeat(100_000));
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(result.artefacts.length).toBe(2_000);
    const limited = result.findings.filter((f) => f.ruleId === "parse/resource-limit");
    expect(limited.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column}`)).toEqual(["many.yaml:1:1", "more.yaml:1:1"]);
    expect(limited.map((f) => f.message)).toEqual([
      "File holds more than 1000 YAML documents; those from line 2000 on are not checked.",
      "File holds more than 1000 YAML documents; those from line 2001 on are not checked.",
    ]);
  });

  it("two files of tiny documents at the size limit end with a report and exit 1, through the CLI", () => {
    // The worst case: two 4 MB files of `kind: risk` / `---` ran V8 out of memory (signal 6, no report).
    const dir = tempDir("aimslint-budget-");
    mkdirSync(join(dir, ".git"));
    const text = "kind: risk\n---\n".repeat(279_000);
    expect(text.length).toBeLessThan(4 * 1024 * 1024);
    writeFileSync(join(dir, "a.yaml"), text);
    writeFileSync(join(dir, "b.yaml"), text);
    const r = runCli(["--format", "json", "."], dir);
    expect([r.code, r.signal]).toEqual([1, null]);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === "parse/resource-limit").map((f) => f.file)).toEqual(["a.yaml", "b.yaml"]);
  });

  it("a list of more than 50,000 items makes its document unused, with one finding; limits.maxItems raises it", async () => {
    // Each item of a list may be checked by several rules: 1,000,000 one-letter items fit in 4 MiB.
    const dir = tempDir("aimslint-budget-");
    mkdirSync(join(dir, ".git"));
    const controls = "    - A.5.2\n".repeat(50_001);
    writeFileSync(join(dir, "risk.yaml"), `kind: risk\nid: RISK-1\ntitle: A risk\ntreatment:\n  option: mitigate\n  controls:\n${controls}`);
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(result.artefacts).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      "parse/resource-limit 1:1 Document has a list of more than 50000 items; it is not checked.",
    ]);
    writeFileSync(join(dir, "aimslint.config.yaml"), "limits: { maxItems: 60000 }\n");
    const raised = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(raised.artefacts.map((a) => a.kind)).toEqual(["risk"]);
  });

  it("counts documents by their markers: a file within the budget is read whole, one over it is cut at a marker", () => {
    expect(documentsCut("kind: a\n---\nkind: b\n", 2)).toBeUndefined();
    expect(documentsCut("kind: a\n---\nkind: b\n", 1)).toBe(8);
    expect(documentsCut("# c\n%YAML 1.2\n---\nkind: a\n---\nkind: b\n", 1)).toBe(26);
    expect(documentsCut("a: |\n  ---x\n---\nb\n", 1)).toBe(12);
    expect(documentsCut("a\n...\nb\n...\nc\n", 2)).toBe(8);
    // The shortest texts over the limit, with and without content before the first marker.
    expect(documentsCut("a\n---\n---", 2)).toBe(6);
    expect(documentsCut("---\n---\n---", 2)).toBe(8);
    expect(documentsCut("a\n---", 1)).toBe(2);
  });

  it("finds the markers a scan of every line start finds, on random texts of dashes, dots and line breaks", () => {
    const oracle = (text: string, max: number): number | undefined => {
      const marker = /(?:^|(?<=[\r\n]))(?:---|\.\.\.)(?=[ \t\r\n]|$)/g;
      let first = true;
      let count = 0;
      for (let m = marker.exec(text); m; m = marker.exec(text)) {
        if (first) {
          first = false;
          if (/^(?:[ \t]*(?:#.*)?(?:\r\n|\r|\n)|%.*(?:\r\n|\r|\n))*$/.test(text.slice(0, m.index)) === false) count++;
        }
        if (count >= max) return m.index;
        count++;
      }
      return undefined;
    };
    const alphabet = ["---", "...", "-", ".", "\n", "\n", "\r", " ", "\t", "a", "#", "%", "\u2028"];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let cut = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const max = 1 + Math.floor(random() * 3);
      const expected = text.length <= 4 * max ? undefined : oracle(text, max);
      expect(documentsCut(text, max), JSON.stringify(text)).toBe(expected);
      if (expected !== undefined) cut++;
    }
    expect(cut).toBeGreaterThan(1000);
  });

  it("a mapping of more than 10,000 keys makes its document unused, with one finding; repeats count in JSON", async () => {
    // 300,000 unknown keys (YAML) or duplicate keys (JSON) in 3.9 MB were 300,000 findings, minutes and gigabytes.
    const dir = tempDir("aimslint-budget-");
    mkdirSync(join(dir, ".git"));
    const keys = Array.from({ length: 10_001 }, (_, i) => `k${i}: 1`).join("\n");
    writeFileSync(join(dir, "wide.yaml"), `kind: risk\nid: RISK-1\ntitle: A risk\n${keys}\n`);
    writeFileSync(join(dir, "dup.json"), `{"kind":"risk","id":"RISK-2","title":"A risk",${'"a":1,'.repeat(10_000)}"b":1}`);
    writeFileSync(join(dir, "fine.json"), `{"kind":"risk","id":"RISK-3","title":"A risk",${'"a":1,'.repeat(100)}"b":1}`);
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(result.artefacts.map((a) => a.id)).toEqual(["RISK-3"]);
    const limited = result.findings.filter((f) => f.ruleId === "parse/resource-limit");
    expect(limited.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      "dup.json:1:60029 Document has a mapping of more than 10000 keys; it is not checked.",
      "wide.yaml:1:1 Document has a mapping of more than 10000 keys; it is not checked.",
    ]);
    expect(result.findings.filter((f) => f.file !== "fine.json" && f.ruleId !== "parse/resource-limit")).toEqual([]);
    expect(result.findings.filter((f) => f.file === "fine.json" && f.ruleId === "parse/duplicate-key").length).toBe(99);
  });

  it("finds a line's end without walking the line: the same answer as the walk, for every offset", () => {
    const walk = (text: string, offset: number) => {
      let i = offset;
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
      return i;
    };
    const parts = ["a", "\n", "\r", "\r\n", "b"];
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let text = "";
      for (let i = 0; i < n % 13; i++) text += parts[(seed = (seed * 48271) % 2147483647) % parts.length];
      const lines = new LineIndex(text);
      for (let offset = -1; offset <= text.length + 1; offset++) expect(lines.lineEnd(offset)).toBe(walk(text, offset));
    }
  });

  it('"did you mean" shares a budget of edit-distance cells: spent, it stops comparing and suggests nothing', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `SYS-${String(i).padStart(4, "0")}-${"x".repeat(290)}`);
    const budget = { cells: 10 * 300 * 300 };
    let compared = 0;
    const counted = {
      *[Symbol.iterator]() {
        for (const id of ids) {
          compared++;
          yield id;
        }
      },
    };
    expect(closest(`${ids[500]!}Q`, counted, budget)).toBeUndefined();
    expect(compared).toBeLessThanOrEqual(11);
    expect(closest(`${ids[0]!}Q`, counted, budget)).toBeUndefined();
    expect(compared).toBeLessThanOrEqual(12);
    // Short ids cost little: a typo among 1,000 of them is still found within a run's budget.
    const short = Array.from({ length: 1_000 }, (_, i) => `RISK-${i}`);
    expect(closest("RISK-42x", short, { cells: SUGGESTION_CELLS })).toBe("RISK-42");
  });

  it("suppression directives: the first 1,000 of a file are honoured, each against its own line; one finding names the rest", async () => {
    const dir = tempDir("aimslint-budget-");
    mkdirSync(join(dir, ".git"));
    const lines = ["kind: risk", "id: RISK-1", "title: A risk", "notes:"];
    for (let i = 0; i < 1_500; i++) lines.push("  # aimslint-disable-next-line risk/treatment-complete -- accepted", `  - note ${i}`);
    writeFileSync(join(dir, "risk.yaml"), `${lines.join("\n")}\n`);
    writeFileSync(join(dir, "aimslint.config.yaml"), "limits: { maxFindingsPerFile: 100000 }\n");
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    const limited = result.findings.filter((f) => f.ruleId === "parse/resource-limit");
    expect(limited.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      "1:1 More than 1000 suppression directives in this file: the 500 from line 2005 on are ignored.",
    ]);
    expect(result.findings.filter((f) => f.ruleId === "suppression/unused").length).toBe(1_000);
  });

  it("uniqueItems of the built-in schemas compare by value, never pair by pair", async () => {
    // ajv compares every pair of items unless it knows they are strings: 40,000 treatment controls took 394 s.
    const code = readFileSync(join(repoRoot, "build", "validators.cjs"), "utf8");
    expect(code).not.toMatch(/\bouter\d*:/);
    const dir = tempDir("aimslint-budget-");
    mkdirSync(join(dir, ".git"));
    const controls = Array.from({ length: 20_000 }, (_, i) => `    - ORG-C${i % 19_999}`).join("\n");
    writeFileSync(join(dir, "risk.yaml"), `kind: risk\nid: RISK-1\ntitle: A risk\ntreatment:\n  option: mitigate\n  controls:\n${controls}\n`);
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(result.findings.filter((f) => f.ruleId === "schema/unique").map((f) => f.message)).toEqual(['"treatment.controls" lists the same item twice (items 0 and 19999).']);
  });

  it("uniqueItems of an organisation's schema compare by value too: 20,000 objects, one finding", async () => {
    // ajv compares object items pair by pair (8 * 10^8 deep comparisons for 40,000); fixValidatorCode makes it one pass.
    const dir = tempDir("aimslint-budget-");
    mkdirSync(join(dir, ".git"));
    mkdirSync(join(dir, "schemas"));
    writeFileSync(join(dir, "aimslint.config.yaml"), "kinds:\n  incident:\n    title: AI incident report\n    schema: schemas/incident.schema.json\n    files: ['incidents/*.yaml']\n");
    const schema = { type: "object", properties: { id: { type: "string" }, steps: { type: "array", uniqueItems: true, items: { type: "object" } } } };
    writeFileSync(join(dir, "schemas", "incident.schema.json"), JSON.stringify(schema));
    mkdirSync(join(dir, "incidents"));
    const steps = Array.from({ length: 20_000 }, (_, i) => `  - { n: ${i % 19_999}, by: ops }`).join("\n");
    writeFileSync(join(dir, "incidents", "INC-1.yaml"), `id: INC-1\nsteps:\n${steps}\n`);
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(result.findings.filter((f) => f.ruleId === "schema/unique").map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      '2:1 "steps" lists the same item twice (items 0 and 19999).',
    ]);
  });

  it("outside git, the folder walk leaves the repository's backtracking ignore globs to the linear engine", () => {
    // fast-glob would match `*a*a*…*b` against this name with its own backtracking expression: years. In a child,
    // so that a regression fails on the timeout instead of blocking the test runner.
    const dir = tempDir("aimslint-budget-");
    const name = `${"a".repeat(60)}.yaml`;
    writeFileSync(join(dir, "aimslint.config.yaml"), 'ignores: ["**/*a*a*a*a*a*a*a*a*a*a*a*a*b.yaml", "**/*a*a*a*a*a*a*a*a*a*a*a*a.yaml"]\n');
    writeFileSync(join(dir, name), "kind: risk\n");
    writeFileSync(join(dir, "kept.yaml"), "kind: risk\n");
    const r = runCli(["--format", "json", "."], dir, { timeout: 20_000 });
    expect([r.code, r.signal]).toEqual([1, null]);
    const files = (JSON.parse(r.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file);
    expect([...new Set(files)]).toEqual(["kept.yaml"]);
  });

  // Parsed documents are plain objects; ajv would also tell {} from Object.create(null), which JSON cannot write.
  it("the one-pass uniqueItems finds what ajv's pairwise loop finds, on any JSON values", () => {
    const schema = { type: "object", properties: { xs: { type: "array", uniqueItems: true, items: { type: "object" } }, ys: { type: "array", uniqueItems: true } } };
    const plain = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
    const fixed = new Ajv2020.default({ allErrors: true, strict: false, code: { process: fixValidatorCode } }).compile(schema);
    expect(fixed.toString()).not.toMatch(/\bouter\d+:/);
    const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom(0, 1, -0, "0", "1", "a", null, true, false),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("a", "b", "c"), tie("value"), { maxKeys: 3, noNullPrototype: true }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom("a", "b"), fc.constantFrom(0, 1, "x"), { noNullPrototype: true }), { maxLength: 6 }), fc.array(json, { maxLength: 6 }), (xs, ys) => {
        const data = { xs, ys };
        expect([fixed(data), fixed.errors]).toEqual([plain(data), plain.errors]);
      }),
      { numRuns: 3000, seed: 42001 },
    );
  });

  it("YAML aliases are counted by the values they repeat, not by their uses: 99 uses of a 1,000-item list are refused", async () => {
    const dir = tempDir("aimslint-budget-");
    mkdirSync(join(dir, ".git"));
    const risk = (i: number, controls: string) => `  - id: RISK-${i}\n    title: A risk\n    treatment:\n      option: mitigate\n      controls: ${controls}\n`;
    const big = Array.from({ length: 1_000 }, (_, i) => `        - ORG-C${i}\n`).join("");
    const rest = (n: number) => Array.from({ length: n }, (_, i) => risk(i + 1, "*big")).join("");
    writeFileSync(join(dir, "bomb.yaml"), `kind: risk-register\nid: RR-1\ntitle: Register\nrisks:\n${risk(0, "&big")}${big}${rest(99)}`);
    // Nine repeats of a list of 1,000 add 9,000 values: within the budget, checked as usual.
    writeFileSync(join(dir, "fine.yaml"), `kind: risk-register\nid: RR-2\ntitle: Register\nrisks:\n${risk(0, "&big")}${big}${rest(9)}`.replace(/RISK-/g, "R2-"));
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(result.findings.filter((f) => f.ruleId === "parse/resource-limit").map((f) => `${f.file}:${f.range.start.line} ${f.message}`)).toEqual([
      "bomb.yaml:1 YAML aliases repeat more than 10000 values (counted after expansion); the document is not checked.",
    ]);
    expect(result.artefacts.map((a) => a.id)).toContain("RR-2");
    expect(result.artefacts.map((a) => a.id)).not.toContain("RR-1");
  });
});
