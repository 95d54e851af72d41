// Files that cannot hold an artefact are read but not parsed (governed.ts, mayHoldArtefact). That is safe only if
// every such file would have given no artefact and no classification finding: checked here on real files and on
// generated ones built from the very keys classification reads.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { classify } from "../src/source/classify.js";
import { governedByName, mayHoldArtefact } from "../src/source/governed.js";
import { DEFAULT_LIMITS, type SourceFile } from "../src/source/load.js";
import { parseSource } from "../src/source/parse.js";
import { LineIndex } from "../src/source/line-index.js";
import { KINDS } from "../src/core/kinds.js";
import { filesUnder } from "./helpers/files.js";

/** What classification makes of a text: artefacts found and findings (unknown kind, looks like an artefact). */
function classified(text: string, path: string): { artefacts: number; findings: string[] } {
  const source: SourceFile = { path, format: path.endsWith(".json") ? "json" : "yaml", text, lines: new LineIndex(text), explicit: false };
  let artefacts = 0;
  const findings: string[] = [];
  for (const doc of parseSource(source, DEFAULT_LIMITS).documents) {
    const c = classify(doc);
    artefacts += c.artefacts.length;
    for (const f of c.findings) findings.push(f.ruleId);
  }
  return { artefacts, findings };
}

const root = join(import.meta.dirname, "..");

describe("files that cannot hold an artefact", () => {
  it("are exactly those classification finds nothing in, among the corpus, examples, rule pack and fixtures", () => {
    const dirs = [join(root, "..", "shared", "corpus"), join(root, "examples"), join(root, "rules"), join(root, "test"), join(root, "schemas")].filter(existsSync);
    let skipped = 0;
    let kept = 0;
    for (const file of dirs.flatMap((dir) => filesUnder(dir, /\.(ya?ml|json)$/))) {
      const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      // Workflows are artefacts by their place (.github/workflows/), whatever their text.
      if (mayHoldArtefact(text, {}) || governedByName(file, {})) {
        kept++;
        continue;
      }
      skipped++;
      expect(classified(text, file), file).toEqual({ artefacts: 0, findings: [] });
    }
    // Both sides must be populated, or the check proves little.
    expect(skipped).toBeGreaterThan(5);
    expect(kept).toBeGreaterThan(100);
  });

  const signatureKeys = KINDS.flatMap((k) => k.signature);
  const key = fc.oneof(
    fc.constantFrom("kind", "$schema", "bomFormat", "controls", "risks", "systems", "components", "applicable", "modelCard", ...signatureKeys),
    fc.constantFrom("name", "version", "vocab", "kind_of", "my-risks", "schemas", "Kind", "values", "image"),
  );
  const scalar = fc.oneof(
    fc.constantFrom("risk", "ai-system", "model-card", "CycloneDX", "x.schema.json", "https://aimslint.dev/schemas/risk.schema.json"),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.boolean(),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
  })).node;

  // The look-alikes that no signature key gives away: a SoA's controls, a CycloneDX AI/ML-BOM.
  const shape = fc.oneof(
    fc.constant({}),
    fc.record({ controls: fc.array(fc.record({ control: fc.constant("A.2.2"), applicable: fc.boolean() }), { minLength: 1, maxLength: 2 }) }),
    fc.record({ bomFormat: fc.constant("CycloneDX"), components: fc.constant([{ name: "m", modelCard: {} }]) }),
  );

  it("never hide an artefact or a look-alike in generated YAML and JSON", () => {
    let hidden = 0;
    const document = fc.tuple(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), shape).map(([data, extra]) => ({ ...data, ...extra }));
    fc.assert(
      fc.property(document, fc.boolean(), (data, json) => {
        const text = json ? JSON.stringify(data) : stringify(data);
        if (mayHoldArtefact(text, {})) return;
        hidden++;
        expect(classified(text, json ? "x.json" : "x.yaml")).toEqual({ artefacts: 0, findings: [] });
      }),
      { seed: 42001, numRuns: 1000 },
    );
    expect(hidden).toBeGreaterThan(20);
  });

  it("are told apart by the keys, not by chance", () => {
    expect(mayHoldArtefact('{"version":"1.0","model":{"type":"BPE","vocab":{"tok0":0,"tok1":1}}}', {})).toBe(false);
    expect(mayHoldArtefact("apiVersion: v2\nname: chart\nkind_of: x\n", {})).toBe(false);
    expect(mayHoldArtefact("kind: risk\n", {})).toBe(true);
    expect(mayHoldArtefact('{"$schema": "./schemas/risk.schema.json"}', {})).toBe(true);
    expect(mayHoldArtefact("# yaml-language-server: $schema=../schemas/risk.schema.json\n", {})).toBe(true);
    // A key spelled with escapes could be anything: parse it.
    expect(mayHoldArtefact('{"\\u006bind": "risk"}', {})).toBe(true);
    // The organisation's own kinds count too.
    const extra = { extraKinds: [{ id: "vendor-review", title: "Vendor review", iso42001: [], signature: ["vendor_score", "reviewed_by"] }] };
    expect(mayHoldArtefact("vendor_score: 3\n", extra)).toBe(true);
    expect(mayHoldArtefact("vendor_score: 3\n", {})).toBe(false);
  });
});
