// GitLab Code Quality output (`aimslint --format gitlab`), through the built CLI bundle, checked against a schema
// written from GitLab's documentation of the format (test/fixtures/gitlab/, which says where each part comes from)
// and against what the merge request widget relies on: unique fingerprints that survive lines moving.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");
const schema = JSON.parse(readFileSync(join(root, "test", "fixtures", "gitlab", "code-quality-report.schema.json"), "utf8")) as object;
const validate = new Ajv2020.default({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function gitlab(dir: string, format = "gitlab") {
  const r = spawnSync(process.execPath, [CLI, "--no-cache", "--format", format], { cwd: dir, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30" } });
  return { code: r.status, text: r.stdout, stderr: r.stderr };
}

function copyOfBroken(): string {
  const dir = mkdtempSync(join(tmpdir(), "aimslint-gitlab-"));
  temporary.push(dir);
  cpSync(join(root, "examples", "broken"), dir, { recursive: true });
  return dir;
}

describe("GitLab Code Quality reporter", () => {
  it("is valid against the documented format on the broken example, and the schema does refuse a broken report", () => {
    const { code, text, stderr } = gitlab(join(root, "examples", "broken"));
    expect(stderr).toBe("");
    expect(code).toBe(1);
    // GitLab's parser refuses a byte order mark.
    expect(text.charCodeAt(0)).toBe("[".charCodeAt(0));
    const issues = JSON.parse(text) as Issue[];
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues.length).toBeGreaterThan(10);
    for (const broken of [
      [{ ...issues[0], severity: "error" }],
      [{ ...issues[0], location: { path: "./x.yaml", lines: { begin: 1 } } }],
      [{ ...issues[0], location: { path: "x.yaml" } }],
      [{ ...issues[0], fingerprint: undefined }],
    ]) {
      expect(validate(JSON.parse(JSON.stringify(broken)))).toBe(false);
    }
  });

  it("maps each finding: rule, message with the ISO/IEC 42001 references, severity, path and lines", () => {
    const dir = join(root, "examples", "broken");
    const issues = JSON.parse(gitlab(dir).text) as Issue[];
    const findings = (
      JSON.parse(gitlab(dir, "json").text) as {
        findings: { ruleId: string; severity: string; message: string; file: string; iso42001: string[]; range: { start: { line: number }; end: { line: number } }; suppressed?: object }[];
      }
    ).findings.filter((f) => !f.suppressed);
    expect(issues).toHaveLength(findings.length);
    const severity = { error: "major", warning: "minor", info: "info" } as Record<string, string>;
    for (const [i, f] of findings.entries()) {
      expect(issues[i]).toMatchObject({
        check_name: f.ruleId,
        severity: severity[f.severity],
        description: f.iso42001.length > 0 ? `${f.message} (ISO/IEC 42001 ${f.iso42001.join(", ")})` : f.message,
        location: { path: f.file, lines: { begin: f.range.start.line, end: Math.max(f.range.end.line, f.range.start.line) } },
      });
    }
    expect(new Set(issues.map((i) => i.severity))).toEqual(new Set(["major", "minor"]));
  });

  it("gives every issue its own fingerprint, the same across runs and when lines move", () => {
    const dir = copyOfBroken();
    const before = JSON.parse(gitlab(dir).text) as Issue[];
    expect(new Set(before.map((i) => i.fingerprint)).size).toBe(before.length);
    expect(before.every((i) => /^[0-9a-f]{64}$/.test(i.fingerprint))).toBe(true);
    expect(JSON.parse(gitlab(dir).text)).toEqual(before);
    const file = join(dir, "governance", "risks", "RISK-103.yaml");
    writeFileSync(file, `# moved down\n\n${readFileSync(file, "utf8")}`);
    const after = JSON.parse(gitlab(dir).text) as Issue[];
    const key = (i: Issue) => `${i.check_name} ${i.location.path} ${i.fingerprint}`;
    expect(after.map(key)).toEqual(before.map(key));
    const moved = (issues: Issue[]) => issues.filter((i) => i.location.path.endsWith("RISK-103.yaml")).map((i) => i.location.lines.begin);
    expect(moved(after)).toEqual(moved(before).map((line) => line + 2));
  });

  it("leaves suppressed findings out, and escapes what would disturb a CI log", () => {
    const dir = mkdtempSync(join(tmpdir(), "aimslint-gitlab-"));
    temporary.push(dir);
    writeFileSync(join(dir, "aimslint.config.yaml"), "extends: recommended\n");
    writeFileSync(
      join(dir, "risk.yaml"),
      'kind: risk\nid: RISK-1\ntitle: "##[error]x \\u001b[31m"\n# aimslint-disable-next-line schema/enum -- accepted\ninherent: { likelihood: sometimes }\nbogus: "\\u2028##[warning]"\n',
    );
    const { text } = gitlab(dir);
    const issues = JSON.parse(text) as Issue[];
    expect(validate(issues)).toBe(true);
    expect(issues.some((i) => i.check_name === "schema/enum")).toBe(false);
    expect(issues.some((i) => i.check_name === "schema/unknown-property")).toBe(true);
    expect(text).not.toContain("##[");
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  });
});
