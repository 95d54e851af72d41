// Configuration as policy as code: presets, severities, overrides, the organisation's own rules and kinds,
// inline suppressions, and precise errors for a bad configuration.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/core/errors.js";
import { resolveConfig } from "../src/config/resolve-config.js";
import { BUILT_IN_RULES } from "../src/config/load-rules.js";
import type { Finding } from "../src/core/finding.js";
import { brief, fixture, lintDir } from "./helpers/lint.js";

const RISK = (id: string, extra = "") =>
  `kind: risk\nid: ${id}\ntitle: Drift in bureau data\nsystem: SYS-1\ninherent: { likelihood: likely, impact: major, level: high }\ntreatment:\n  option: mitigate\n${extra}`;

const only = (findings: readonly Finding[], id: string) => findings.filter((f) => f.ruleId === id);

describe("configuration", () => {
  it("reads no configuration, rule or schema file that is not a regular file, or larger than 1 MiB", () => {
    const dir = fixture({ "aimslint.config.yaml": "extends: ./big.yaml\n", "big.yaml": `# ${"a".repeat(1_100_000)}\n` });
    expect(() => resolveConfig({ cwd: dir, startDir: dir })).toThrow(/big\.yaml: cannot be read \(1\.0 MiB, over the 1\.0 MiB a configuration, rule or schema file may have\)\./);
    const fifo = fixture({ "aimslint.config.yaml": "extends: ./fifo.yaml\n" });
    execFileSync("mkfifo", [join(fifo, "fifo.yaml")]);
    // Opened without blocking, and refused: a FIFO would wait for a writer for ever.
    expect(() => resolveConfig({ cwd: fifo, startDir: fifo })).toThrow(/fifo\.yaml: cannot be read \(not a regular file\)\./);
  });

  it("huggingface: the preset runs the recommended card rules only", () => {
    const dir = fixture({ "aimslint.config.yaml": "extends: huggingface\n" });
    const config = resolveConfig({ cwd: dir, startDir: dir });
    const active = config.rulesFor("README.md").map((a) => a.rule);
    expect(active.length).toBeGreaterThan(5);
    expect(active.filter((r) => !r.appliesTo.some((k) => k === "model-card" || k === "data-card")).map((r) => r.id)).toEqual([]);
    expect(active.filter((r) => !r.recommended).map((r) => r.id)).toEqual([]);
    expect(active.map((r) => r.id)).toEqual(expect.arrayContaining(["modelcard/required-sections", "modelcard/license", "datacard/personal-data-statement"]));
    expect(active.map((r) => r.id)).not.toContain("risk/treatment-complete");
  });

  it("sets severities and turns rules off, per path with overrides", async () => {
    const dir = fixture({
      "aimslint.config.yaml": ["rules:", "  risk/treatment-complete: warning", "overrides:", "  - files: ['legacy/**']", "    rules: { risk/treatment-complete: off }", ""].join("\n"),
      "risks/a.yaml": RISK("RISK-1"),
      "legacy/b.yaml": RISK("RISK-2"),
    });
    const result = await lintDir(dir);
    const hits = only(result.findings, "risk/treatment-complete");
    expect(new Set(hits.map((f) => f.file))).toEqual(new Set(["risks/a.yaml"]));
    expect(new Set(hits.map((f) => f.severity))).toEqual(new Set(["warning"]));
  });

  it("runs an organisation's own rule and validates an organisation's own kind, with no code", async () => {
    const dir = fixture({
      "aimslint.config.yaml": [
        "ruleFiles: ['policies/*.yaml']",
        "kinds:",
        "  incident:",
        "    title: AI incident report",
        "    schema: schemas/incident.schema.json",
        "    files: ['incidents/**/*.yaml']",
        "    iso42001: ['A.8.4']",
        "",
      ].join("\n"),
      "policies/owner-is-team.yaml": [
        "id: acme/owner-is-team",
        "title: Require risk owners to be teams",
        "severity: error",
        'iso42001: ["A.3.2"]',
        "appliesTo: [risk, incident]",
        "rationale: Accountability must sit with a team that outlives any one person (A.3.2).",
        "help: Set owner to a team id such as team-credit-risk.",
        "check:",
        "  then:",
        "    - field: owner",
        "      function: pattern",
        '      options: { match: "^team-", description: "a team id (team-…)" }',
        "",
      ].join("\n"),
      "schemas/incident.schema.json": JSON.stringify({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        type: "object",
        required: ["id", "detected_on"],
        properties: { id: { type: "string" }, owner: { type: "string" }, detected_on: { $ref: "https://aimslint.dev/schemas/v1/common.schema.json#/$defs/date" } },
      }),
      "incidents/2026/INC-1.yaml": "id: INC-1\nowner: jane\ndetected_on: 2026-13-01\n",
      "risks/r.yaml": RISK("RISK-1", "  controls: [A.7.4]\n  owner: team-risk\n  due: 2026-09-30\nowner: team-risk\n"),
    });
    const result = await lintDir(dir);
    expect(brief(only(result.findings, "acme/owner-is-team"))).toEqual(["incidents/2026/INC-1.yaml:2:8 acme/owner-is-team"]);
    expect(brief(result.findings.filter((f) => f.file.startsWith("incidents/") && f.ruleId.startsWith("schema/")))).toEqual(["incidents/2026/INC-1.yaml:3:14 schema/format"]);
  });

  it.each([
    [
      "an unknown rule, with its position and a suggestion",
      "rules:\n  risk/treatment-completed: error\n",
      /aimslint\.config\.yaml:2:3: unknown rule "risk\/treatment-completed"; did you mean "risk\/treatment-complete"\?/,
    ],
    ["a bad severity, with its position", "rules:\n  risk/treatment-complete: loud\n", /aimslint\.config\.yaml:2:28/],
    ["an unknown key, with a suggestion", "rulez: {}\n", /aimslint\.config\.yaml:1:1: Unknown property "rulez" in the configuration; did you mean "rules"\?/],
    ["an extends outside the repository", "extends: ../../etc/other.yaml\n", /outside the repository|does not exist/],
    ["an extends URL", "extends: https://example.com/config.yaml\n", /URLs and absolute paths are not followed/],
    ["an unknown option, with its position", "rules:\n  risk/treatment-complete: { options: { nope: 1 } }\n", /aimslint\.config\.yaml:2:41: rule "risk\/treatment-complete" has no option "nope"/],
    [
      "an option of another rule, naming that rule",
      "rules:\n  risk/high-residual-accepted: { options: { acceptanceRoles: [cro] } }\n",
      /has no option "acceptanceRoles"\. \(options: threshold, reviewWithinMonths\) "acceptanceRoles" is an option of risk\/accepted-by-authority\./,
    ],
    ["a regex no linear-time engine can run in a custom rule", "ruleFiles: [r.yaml]\n", /unsafe match pattern: pattern uses a back-reference/],
  ])("rejects %s", (_name, config, message) => {
    const dir = fixture({
      "aimslint.config.yaml": config,
      ".git/HEAD": "ref: refs/heads/main\n",
      "r.yaml":
        'id: acme/bad-regex\ntitle: Require a slow thing\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: A regular expression with a back-reference.\nhelp: Do not write this.\ncheck:\n  then:\n    - { field: title, function: pattern, options: { match: "(a+)\\\\1$" } }\n',
    });
    expect(() => resolveConfig({ cwd: dir, startDir: dir })).toThrowError(ConfigError);
    expect(() => resolveConfig({ cwd: dir, startDir: dir })).toThrowError(message);
  });

  it("strict turns every rule of the ISO/IEC 42001 pack on and raises warnings to errors", () => {
    const dir = fixture({ "aimslint.config.yaml": "extends: strict\n" });
    const config = resolveConfig({ cwd: dir, startDir: dir });
    const active = config.rulesFor("x.yaml");
    // Every rule but those of an opt-in preset (the EU AI Act's): strict is the strictest reading of the standard.
    expect(active.map((a) => a.rule.id)).toEqual(config.rules.filter((r) => r.preset === undefined).map((r) => r.id));
    expect(active.every((a) => a.severity === "error" || a.rule.severity === "info")).toBe(true);
  });

  it("eu-ai-act: the preset turns on exactly its own rules, and combines with the others", () => {
    const euRules = BUILT_IN_RULES.filter((r) => r.id.startsWith("eu-ai-act/")).map((r) => r.id);
    expect(euRules.length).toBeGreaterThanOrEqual(10);
    expect(BUILT_IN_RULES.filter((r) => r.preset === "eu-ai-act").map((r) => r.id)).toEqual(euRules);
    const on = (extend: string) => {
      const dir = fixture({ "aimslint.config.yaml": `extends: ${extend}\n` });
      return resolveConfig({ cwd: dir, startDir: dir })
        .rulesFor("x.yaml")
        .map((a) => a.rule.id);
    };
    expect(on("eu-ai-act")).toEqual(euRules);
    for (const preset of ["recommended", "strict", "huggingface"]) expect(on(preset).filter((id) => euRules.includes(id))).toEqual([]);
    const combined = on("[recommended, eu-ai-act]");
    expect(combined).toEqual(expect.arrayContaining([...euRules, "risk/treatment-complete"]));
    expect(combined.length).toBe(on("recommended").length + euRules.length);
    // No configuration at all: the recommended rules, none of the Act's.
    const bare = fixture({});
    expect(
      resolveConfig({ cwd: bare, startDir: bare })
        .rulesFor("x.yaml")
        .filter((a) => euRules.includes(a.rule.id)),
    ).toEqual([]);
  });
});

describe("inline suppressions", () => {
  it("suppresses with a reason, and reports directives that are unexplained, expired, unknown or unused", async () => {
    const dir = fixture({
      "a.yaml": RISK("RISK-1").replace("treatment:\n", "# aimslint-disable-next-line risk/treatment-complete -- accepted by the CRO in MR-2026-04\ntreatment:\n"),
      "b.yaml": RISK("RISK-2").replace("treatment:\n", "# aimslint-disable-next-line risk/treatment-complete\ntreatment:\n"),
      "c.yaml": RISK("RISK-3").replace("treatment:\n", "# aimslint-disable-next-line risk/treatment-complete until 2026-01-31 -- temporary\ntreatment:\n"),
      "d.yaml": RISK("RISK-4").replace("treatment:\n", "# aimslint-disable-next-line risk/no-such-rule -- typo\ntreatment:\n"),
      "e.yaml": "# aimslint-disable-file risk/treatment-complete -- nothing to excuse here\nkind: risk\nid: RISK-5\n",
    });
    const result = await lintDir(dir);
    const directives = brief(result.findings.filter((f) => f.ruleId.startsWith("suppression/")));
    expect(directives).toEqual(["b.yaml:6:1 suppression/missing-reason", "c.yaml:6:1 suppression/expired", "d.yaml:6:1 suppression/invalid", "e.yaml:1:1 suppression/unused"]);
    const treatment = result.findings.filter((f) => f.ruleId === "risk/treatment-complete");
    expect(treatment.filter((f) => f.file === "a.yaml").every((f) => f.suppressed?.reason === "accepted by the CRO in MR-2026-04")).toBe(true);
    expect(treatment.filter((f) => f.file !== "a.yaml").every((f) => !f.suppressed)).toBe(true);
  });
});

describe("the configuration schema, for editors", () => {
  it("names every built-in rule with its title, and the presets, for completion; other rule ids stay allowed", () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, "..", "schemas", "meta", "config.schema.json"), "utf8"));
    const rules = schema.$defs.ruleSettings;
    expect(Object.keys(rules.properties)).toEqual(BUILT_IN_RULES.map((r) => r.id));
    expect(rules.properties["ci/ai-job-time-limit"].description).toBe(
      "Give every CI job that runs AI a time limit. Default error (recommended); ISO/IEC 42001 A.9.2, A.6.2.6. aimslint explain ci/ai-job-time-limit",
    );
    expect(rules.additionalProperties).toEqual({ $ref: "#/$defs/ruleSetting" });
    expect(JSON.stringify(schema.properties.extends)).toContain('"enum":["recommended","strict","huggingface","eu-ai-act"]');
  });
});
