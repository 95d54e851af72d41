// JUnit XML output (`aimslint --format junit`), through the built CLI bundle, validated with xmllint against the
// JUnit schema that Jenkins' xUnit plugin publishes (test/fixtures/junit/junit-10.xsd, MIT): one testsuite per
// file, one testcase per finding as ESLint's junit formatter has it, and text from the repository escaped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { afterAll, describe, expect, it } from "vitest";
import { fixture } from "./helpers/lint.js";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");
const XSD = readFileSync(join(root, "test", "fixtures", "junit", "junit-10.xsd"), "utf8");
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function junit(dir: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [CLI, "--no-cache", "--format", "junit", ...args], { cwd: dir, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30" } });
  return { code: r.status, xml: r.stdout, stderr: r.stderr };
}

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [{ fileName: "junit-10.xsd", contents: XSD }] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

interface Case {
  name: string;
  classname: string;
  /** passed, failure, error or skipped. */
  result: string;
  body: string;
}

interface Suite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  cases: Case[];
}

/** The report's testsuites, each with its attributes and its testcases (a small reader for this output's shape). */
function suites(xml: string): Suite[] {
  const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  return [...xml.matchAll(/<testsuite ([^>]*)>([\s\S]*?)<\/testsuite>/g)].map((m) => ({
    ...(attrs(m[1]!) as Omit<Suite, "cases">),
    cases: [...m[2]!.matchAll(/<testcase ([^>]*?)\/?>(?:(<(failure|error|skipped)[^>]*?(?:\/>|>[\s\S]*?<\/\3>))<\/testcase>)?/g)].map((c) => ({
      ...(attrs(c[1]!) as { name: string; classname: string }),
      result: c[3] ?? "passed",
      body: c[2] ?? "",
    })),
  }));
}

describe("JUnit reporter", () => {
  it("is valid against junit-10.xsd on the broken example, and the validator does refuse a broken report", async () => {
    const { code, xml } = junit(join(root, "examples", "broken"));
    expect(code).toBe(1);
    expect(await schemaErrors(xml)).toEqual([]);
    expect((await schemaErrors(xml.replace(/<testsuite name="[^"]*"/, "<testsuite"))).join("\n")).toMatch(/attribute 'name' is required/);
    expect(await schemaErrors(xml.replace("<testsuites", '<testsuites skipped="1"'))).not.toEqual([]);
  });

  it("has one testsuite per file and one testcase per finding, with totals that add up", () => {
    const dir = join(root, "examples", "broken");
    const { xml } = junit(dir);
    const json = JSON.parse(spawnSync(process.execPath, [CLI, "--no-cache", "--format", "json", "."], { cwd: dir, encoding: "utf8" }).stdout) as {
      findings: { file: string; ruleId: string; message: string }[];
    };
    const all = suites(xml);
    const withFindings = all.filter((s) => s.cases.some((c) => c.result !== "passed"));
    expect(withFindings.map((s) => s.name)).toEqual([...new Set(json.findings.map((f) => f.file))].sort());
    for (const s of withFindings) {
      const mine = json.findings.filter((f) => f.file === s.name);
      expect(s.cases.map((c) => c.name)).toEqual(mine.map((f) => f.ruleId));
      expect(Number(s.tests)).toBe(mine.length);
      expect(Number(s.failures) + Number(s.errors) + Number(s.skipped)).toBe(mine.length);
      expect(s.cases.every((c) => c.classname === s.name.replace(/\.[^./]*$/, ""))).toBe(true);
    }
    // Files with artefacts and no finding pass, as one testcase.
    const passing = all.filter((s) => s.cases.length === 1 && s.cases[0]!.result === "passed");
    expect(passing.length).toBeGreaterThan(0);
    for (const s of passing) expect(s).toMatchObject({ tests: "1", failures: "0", errors: "0" });
    const top = /<testsuites name="aimslint" tests="(\d+)" failures="(\d+)" errors="(\d+)" time="0">/.exec(xml)!;
    expect(Number(top[1])).toBe(all.reduce((n, s) => n + Number(s.tests), 0));
    expect(Number(top[2])).toBe(all.reduce((n, s) => n + Number(s.failures), 0));
    // A file that cannot be parsed was not checked: an <error>, as ESLint marks fatal messages.
    const syntax = all.find((s) => s.name === "governance/risks/RISK-101.yaml")!;
    expect(syntax.cases.find((c) => c.name === "parse/syntax")!.result).toBe("error");
    expect(xml).toBe(junit(dir).xml);
  });

  it("says where, what, the ISO/IEC 42001 references and the fix in each failure; suppressed findings are skipped with their reason", async () => {
    const dir = fixture({
      "aimslint.config.yaml": "extends: recommended\n",
      "risk.yaml":
        "kind: risk\nid: RISK-1\ntitle: t\nsystem: S\n# aimslint-disable-next-line schema/enum until 2027-01-31 -- the board accepts it\ninherent: { likelihood: sometimes, impact: major }\nbogus: 1\n",
    });
    temporary.push(dir);
    const { xml } = junit(dir);
    expect(await schemaErrors(xml)).toEqual([]);
    const cases = suites(xml)[0]!.cases;
    expect(cases.find((c) => c.name === "schema/enum")).toMatchObject({ result: "skipped" });
    expect(xml).toContain('<skipped message="Suppressed: the board accepts it (until 2027-01-31)"/>');
    const unknown = cases.find((c) => c.name === "schema/unknown-property")!;
    expect(unknown.result).toBe("failure");
    expect(unknown.body).toContain('type="error" message="Unknown property &quot;bogus&quot;');
    expect(unknown.body).toContain('>risk.yaml:7:1  error  Unknown property "bogus"');
    expect(unknown.body).toMatch(/\nISO\/IEC 42001: 6\.1\.2, 6\.1\.3, 8\.2, 8\.3\nFix: /);
  });

  it("escapes what comes from the repository: file names, values, an organisation's rule texts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aimslint-junit-"));
    temporary.push(dir);
    const nasty = ']]> </failure><testcase name="x"/> &amp; \u0007bell \u001b[31mred \u0085nel \u2028 ##[error]legacy';
    writeFileSync(join(dir, "aimslint.config.yaml"), "extends: recommended\nruleFiles: [rule.yaml]\n");
    writeFileSync(
      join(dir, "rule.yaml"),
      [
        "id: acme/owner-is-team",
        "title: Require risk owners to be teams",
        "severity: error",
        'iso42001: ["A.3.2"]',
        "appliesTo: [risk]",
        "rationale: Accountability sits with teams.",
        `help: ${JSON.stringify(`Use a team.\n::error::injected\n${nasty}`)}`,
        "check:",
        "  then:",
        '    - { field: owner, function: pattern, options: { match: "^team-", description: "a team id" } }',
        "",
      ].join("\n"),
    );
    writeFileSync(join(dir, `a&b<c>"d'\u0001.yaml`), `kind: risk\nid: RISK-1\nowner: ${JSON.stringify(`${nasty} \ud800 lone`)}\ninherent: { likelihood: ${JSON.stringify(nasty)} }\n`);
    const { xml, code, stderr } = junit(dir);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/);
    expect(xml).not.toContain("##[");
    for (const line of xml.split("\n")) expect(line.trimStart()).not.toMatch(/^::/);
    const suite = suites(xml).find((s) => s.name.startsWith("a&amp;b&lt;c&gt;&quot;d'"))!;
    expect(suite.name).toBe("a&amp;b&lt;c&gt;&quot;d'\\u0001.yaml");
    const owner = suite.cases.find((c) => c.name === "acme/owner-is-team")!;
    expect(owner.body).toContain(
      'Fix: Use a team.\n:\u200b:error::injected\n]]&gt; &lt;/failure&gt;&lt;testcase name="x"/&gt; &amp;amp; \\u0007bell \\u001b[31mred \\u0085nel \\u2028 ##\u200b[error]legacy',
    );
    // One testcase per finding: the markup in the text made none.
    expect(xml.match(/<testcase /g)!.length).toBe(suites(xml).reduce((n, s) => n + s.cases.length, 0));
  });
});
