// Every built-in rule: its metadata is sound, and its examples give exactly the findings they mark.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isIsoReference } from "../src/core/iso42001.js";
import { kindInfo } from "../src/core/kinds.js";
import { readExamples, runExample } from "../scripts/pack/examples.js";
import { BUILT_IN_RULES } from "../src/config/load-rules.js";

const root = join(import.meta.dirname, "..");

describe.each(BUILT_IN_RULES.map((r) => [r.id, r] as const))("%s", (id, rule) => {
  const examples = readExamples(join(root, "rules", ...id.split("/")));

  it("has sound metadata", () => {
    expect(rule.iso42001.filter((r) => !isIsoReference(r))).toEqual([]);
    expect(rule.appliesTo.filter((k) => !kindInfo(k))).toEqual([]);
    expect(rule.title).toMatch(/^[A-Z]/);
    expect(examples.filter((e) => e.valid).length).toBeGreaterThan(0);
    expect(examples.filter((e) => !e.valid).length).toBeGreaterThan(0);
    // Every option says what it is: an organisation's choice (a cadence, a list of roles) or the standard's.
    expect(Object.keys(rule.optionNotes ?? {}).sort()).toEqual(Object.keys(rule.options ?? {}).sort());
  });

  it.each(examples.map((e) => [`${e.valid ? "valid" : "invalid"}/${e.name}`, e] as const))("%s", async (_name, example) => {
    const result = await runExample(rule, example, BUILT_IN_RULES);
    expect(result.parseErrors.map((f) => `${f.file}:${f.range.start.line} ${f.message}`)).toEqual([]);
    if (example.valid) {
      expect(result.actual).toEqual([]);
      // A valid example shows the rule passing on a document that is right in every other way too.
      expect(result.schemaErrors.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([]);
    } else {
      expect(example.expected.length, "an invalid example marks at least one finding with # expect: RULE-ID LINE:COL MESSAGE").toBeGreaterThan(0);
      expect(
        example.markers.filter((m) => m.ruleId !== id || m.text === "").map((m) => m.at),
        `each marker names ${id} and a piece of its message`,
      ).toEqual([]);
      expect(result.actual).toEqual(example.expected);
      // Each marker is matched by its own finding at that place, whose message holds the marker's text.
      const unmatched = [...result.findings];
      for (const marker of example.markers) {
        const i = unmatched.findIndex((f) => result.place(f) === marker.at && f.message.includes(marker.text));
        expect(
          i,
          `${marker.at}: no finding whose message holds "${marker.text}"; got ${result.findings
            .filter((f) => result.place(f) === marker.at)
            .map((f) => JSON.stringify(f.message))
            .join(", ")}`,
        ).toBeGreaterThanOrEqual(0);
        unmatched.splice(i, 1);
      }
    }
  });
});

describe("the rule pack as a whole", () => {
  // Issue #3: clauses 5.2, 6.1.2, 6.1.3, 6.1.4, 7.5, 8.2–8.4, 9.1–9.3, 10.2 and every Annex A objective A.2–A.10.
  const required = ["5.2", "6.1.2", "6.1.3", "6.1.4", "7.5", "8.2", "8.3", "8.4", "9.1", "9.2", "9.3", "10.2", "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"];

  it.each(required)("covers %s", (ref) => {
    const covering = BUILT_IN_RULES.filter((r) => r.iso42001.some((x) => x === ref || x.startsWith(`${ref}.`)));
    expect(covering.length).toBeGreaterThan(0);
  });

  it("has at least 40 rules with unique ids", () => {
    expect(BUILT_IN_RULES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BUILT_IN_RULES.map((r) => r.id)).size).toBe(BUILT_IN_RULES.length);
  });
});
