// Every built-in rule: its metadata is sound, and its examples give exactly the findings they mark.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isIsoReference } from "../src/iso42001.js";
import { kindInfo } from "../src/kinds.js";
import { readExamples, runExample } from "../src/rules/examples.js";
import { BUILT_IN_RULES } from "../src/rules/load-rules.js";

const root = join(import.meta.dirname, "..");

describe.each(BUILT_IN_RULES.map((r) => [r.id, r] as const))("%s", (id, rule) => {
  const examples = readExamples(join(root, "rules", ...id.split("/")));

  it("has sound metadata", () => {
    expect(rule.iso42001.filter((r) => !isIsoReference(r))).toEqual([]);
    expect(rule.appliesTo.filter((k) => !kindInfo(k))).toEqual([]);
    expect(rule.title).toMatch(/^[A-Z]/);
    expect(examples.filter((e) => e.valid).length).toBeGreaterThan(0);
    expect(examples.filter((e) => !e.valid).length).toBeGreaterThan(0);
  });

  it.each(examples.map((e) => [`${e.valid ? "valid" : "invalid"}/${e.name}`, e] as const))("%s", async (_name, example) => {
    const result = await runExample(rule, example, BUILT_IN_RULES);
    expect(result.parseErrors.map((f) => `${f.file}:${f.range.start.line} ${f.message}`)).toEqual([]);
    if (example.valid) expect(result.actual).toEqual([]);
    else {
      expect(example.expected.length, "an invalid example marks at least one finding with # expect: LINE:COL").toBeGreaterThan(0);
      expect(result.actual).toEqual(example.expected);
    }
  });
});
