// SARIF 2.1.0 output (`aimslint --format sarif`, and the Action's sarif-file), through the built CLI bundle,
// checked against the real OASIS schema and against what GitHub code scanning relies on.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sarif } from "../src/reporters/sarif.js";
import { SARIF_SCHEMA_AVAILABLE, sarifErrors } from "./fixtures/action/validate-sarif.js";
import { TEST_CACHE } from "./helpers/cli-env.js";

const root = join(import.meta.dirname, "..");
const CLI = join(root, "dist", "cli.cjs");
const FIXTURE = join(root, "test", "fixtures", "action", "repo");

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number } } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
}

interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}

function cliSarif(dir: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [CLI, "--format", "sarif", ...args], { cwd: dir, encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30", ...TEST_CACHE } });
  expect(r.stderr).toBe("");
  return { code: r.status, text: r.stdout, log: JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: Rule[] } }; results: Result[] }[] } };
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function repo(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "aimslint-sarif-"));
  temporary.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("SARIF reporter", () => {
  it.skipIf(!SARIF_SCHEMA_AVAILABLE)("validates against the OASIS SARIF 2.1.0 schema (needs ../shared/schemas)", () => {
    const { log } = cliSarif(join(root, "examples", "broken"));
    expect(sarifErrors(log)).toEqual([]);
    expect(sarifErrors({ ...log, runs: [{ ...log.runs[0], tool: {} }] }).length).toBeGreaterThan(0);
  });

  it("is valid SARIF 2.1.0 on the broken example, with one run, rule metadata and ISO tags", () => {
    const { code, log } = cliSarif(join(root, "examples", "broken"));
    expect(code).toBe(1);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const { rules } = log.runs[0]!.tool.driver;
    const results = log.runs[0]!.results;
    expect(results.length).toBeGreaterThan(10);
    // Every result points at its rule; rules are sorted and unique.
    for (const r of results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(rules.map((r) => r.id)).toEqual([...new Set(rules.map((r) => r.id))].sort());
    // A built-in rule: title, rationale, help with the ISO references and a docs link, tags.
    const treatment = rules.find((r) => r.id === "risk/controls-in-soa")!;
    expect(treatment.name).toBe("RiskControlsInSoa");
    expect(treatment.shortDescription.text).toMatch(/Statement of Applicability/);
    expect(treatment.fullDescription.text.length).toBeGreaterThan(20);
    expect(treatment.helpUri).toBe("https://aimslint.dev/rules/risk/controls-in-soa");
    expect(treatment.help.markdown).toContain("[Documentation](https://aimslint.dev/rules/risk/controls-in-soa)");
    expect(treatment.help.markdown).toContain("**ISO/IEC 42001:** 6.1.3 (AI risk treatment)");
    expect(treatment.properties.tags).toEqual(["6.1.3", "iso42001"]);
    expect(treatment.defaultConfiguration.level).toBe("error");
    // Core ids are described from their declaration (src/core/core-rules.ts).
    const syntax = rules.find((r) => r.id === "parse/syntax")!;
    expect(syntax.shortDescription.text).toBe("Write well-formed YAML, JSON or Markdown front matter");
    expect(syntax.properties.tags).toContain("iso42001");
    expect(syntax.helpUri).toBeUndefined();
    const enumResult = results.find((r) => r.ruleId === "schema/enum")!;
    expect(enumResult.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: expect.stringMatching(/^governance\//), uriBaseId: "%SRCROOT%" },
      region: { startLine: expect.any(Number), startColumn: expect.any(Number), endLine: expect.any(Number), endColumn: expect.any(Number) },
    });
  });

  it("is deterministic", () => {
    expect(cliSarif(join(root, "examples", "broken")).text).toBe(cliSarif(join(root, "examples", "broken")).text);
  });

  it("keys partialFingerprints on rule, file and JSON pointer, so moving lines keeps them", () => {
    const dir = repo();
    const before = cliSarif(dir).log.runs[0]!.results;
    writeFileSync(join(dir, "notes", "beta.yaml"), "# a comment\n\n" + readFileSync(join(dir, "notes", "beta.yaml"), "utf8"));
    const after = cliSarif(dir).log.runs[0]!.results;
    const key = (r: Result) => `${r.ruleId} ${r.partialFingerprints["aimslintFindingKey/v1"]}`;
    expect(after.map(key)).toEqual(before.map(key));
    expect(after.map((r) => r.locations[0]!.physicalLocation.region.startLine)).not.toEqual(before.map((r) => r.locations[0]!.physicalLocation.region.startLine));
    expect(new Set(before.map((r) => r.partialFingerprints["aimslintFindingKey/v1"])).size).toBe(before.length);
  });

  it("keeps suppressed findings as results with an inSource suppression and its justification", () => {
    const dir = repo({ "notes/alpha.yaml": "# aimslint-disable-next-line note/owner -- owned by the board until the reorganisation\n" + readFileSync(join(FIXTURE, "notes", "alpha.yaml"), "utf8") });
    const { code, log } = cliSarif(dir);
    expect(code).toBe(0);
    const owner = log.runs[0]!.results.find((r) => r.ruleId === "note/owner")!;
    expect(owner.suppressions).toEqual([{ kind: "inSource", justification: "owned by the board until the reorganisation" }]);
    expect(log.runs[0]!.results.filter((r) => r.suppressions).length).toBe(1);
    expect(sarifErrors(log)).toEqual([]);
  });

  it("encodes file names as URI references and keeps the runner's legacy command form out of the text", () => {
    const dir = repo({ "notes/a b#c.yaml": 'kind: note\nid: N-ODD\ntitle: "##[error]odd"\nowner: o\nstatus: final\nreviewed_on: 2026-05-01\n' });
    const { text, log } = cliSarif(dir);
    expect(text).not.toContain("##[");
    const odd = log.runs[0]!.results.find((r) => r.ruleId === "note/title")!;
    expect(odd.locations[0]!.physicalLocation.artifactLocation.uri).toBe("notes/a%20b%23c.yaml");
    expect(odd.message.text).toContain('"##[error]odd"');
    expect(sarifErrors(log)).toEqual([]);
  });

  it("describes rules configured for the run even without findings, and user rules without a docs link", () => {
    const log = JSON.parse(
      sarif([], {
        filesChecked: 0,
        artefactsChecked: 0,
        color: false,
        version: "1.2.3",
        rules: [{ id: "acme/x-y", title: "Require x on every y record", severity: "warning", iso42001: ["A.6.2.4"], rationale: "Because.", help: "Add x.", source: "/abs/policies/x.yaml" }],
      }),
    );
    expect(log.runs[0].tool.driver).toEqual({
      name: "aimslint",
      semanticVersion: "1.2.3",
      informationUri: "https://aimslint.dev/",
      rules: [
        {
          id: "acme/x-y",
          name: "AcmeXY",
          shortDescription: { text: "Require x on every y record" },
          fullDescription: { text: "Because." },
          // An organisation's rule gets the crosswalks its ISO/IEC 42001 references map to (core/crosswalks.ts).
          help: {
            text: "Add x.\n\nISO/IEC 42001: A.6.2.4 (AI system verification and validation).\n\nEU AI Act: Art. 15 (Accuracy, robustness and cybersecurity); Annex IV(2)(g) (Validation and testing procedures, data and metrics, with dated and signed test logs and reports).\n\nNIST AI RMF: MEASURE 2.1 (Test sets, metrics and TEVV tools are documented).",
            markdown:
              "Add x.\n\n**ISO/IEC 42001:** A.6.2.4 (AI system verification and validation)\n\n**EU AI Act:** Art. 15 (Accuracy, robustness and cybersecurity); Annex IV(2)(g) (Validation and testing procedures, data and metrics, with dated and signed test logs and reports)\n\n**NIST AI RMF:** MEASURE 2.1 (Test sets, metrics and TEVV tools are documented)",
          },
          defaultConfiguration: { level: "warning" },
          properties: {
            tags: ["A.6.2.4", "iso42001", "eu-ai-act/art-15", "eu-ai-act/annex-iv-2-g", "nist-ai-rmf/measure-2.1"],
            crosswalks: { euAiAct: ["Art. 15", "Annex IV(2)(g)"], nistAiRmf: ["MEASURE 2.1"] },
          },
        },
      ],
    });
    expect(log.runs[0].results).toEqual([]);
    expect(sarifErrors(log)).toEqual([]);
  });
});
