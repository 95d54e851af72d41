// The repository index keeps only the fields cross-document rules read: what they read must be unchanged.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALWAYS_KEPT } from "../src/engine/index-fields.js";
import { resolveConfig } from "../src/config/resolve-config.js";
import { indexEntry } from "../src/engine/index-entry.js";
import { parsePath, resolvePath, type Step } from "../src/engine/paths.js";
import { detach } from "../src/util/detach.js";
import type { PathSegment } from "../src/source/locator.js";

// "0" is both a key and an index: a `[0]` step reaches it in a mapping, and a `0` step reaches a list's first item.
const key = fc.constantFrom("id", "system", "controls", "control", "applicable", "treatment", "__proto__", "constructor", "x", "0");
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, fc.string(), fc.integer(), fc.constant(null), fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
})).node;
const path = fc.array(fc.oneof(key, fc.constant("*"), fc.constant("[*]"), fc.constant("[0]")), { minLength: 1, maxLength: 4 }).map((steps) => steps.join(".").replace(/\.\[/g, "["));

/** The path of every value in `data` (lists' unfilled places aside). */
function placesIn(data: unknown, at: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  const items: [PathSegment, unknown][] = Array.isArray(data) ? data.map((item, i) => [i, item]) : data !== null && typeof data === "object" ? Object.entries(data) : [];
  for (const [k, item] of items) {
    if (item === undefined) continue;
    out.push([...at, k]);
    placesIn(item, [...at, k], out);
  }
  return out;
}

// A list item is reached as `[0]` and as `0`: compared as text.
const startsWith = (path: readonly PathSegment[], prefix: readonly PathSegment[]) => prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));

describe("index entries", () => {
  it("resolve every kept field exactly as the full data does", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), fc.array(path, { minLength: 1, maxLength: 3 }), (data, fields) => {
        const entry = indexEntry("a.yaml", 0, [], "risk", data, new Map([["risk", fields]]));
        for (const field of fields) {
          const full = resolvePath(data, parsePath(field)).filter((m) => m.exists);
          const kept = resolvePath(entry.data, parsePath(field)).filter((m) => m.exists);
          expect(kept).toEqual(full);
        }
      }),
      { seed: 42001, numRuns: 500 },
    );
  });

  it("keep nothing that no field reaches", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), fc.array(path, { minLength: 1, maxLength: 3 }), (data, fields) => {
        const entry = indexEntry("a.yaml", 0, [], "risk", data, new Map([["risk", fields]]));
        const found = (steps: readonly Step[]) =>
          resolvePath(data, steps)
            .filter((m) => m.exists)
            .map((m) => m.path);
        const all = ["id", ...fields].map(parsePath);
        // Kept: what a whole path reaches, all that is under it, and what a path reaches on its way there.
        const whole = all.flatMap(found);
        const onTheWay = all.flatMap((steps) => steps.flatMap((_, n) => found(steps.slice(0, n + 1))));
        for (const place of placesIn(entry.data)) {
          const kept = whole.some((m) => startsWith(place, m)) || onTheWay.some((m) => m.length === place.length && startsWith(place, m));
          expect(kept, `${JSON.stringify(place)} kept`).toBe(true);
        }
      }),
      { seed: 42001, numRuns: 500 },
    );
  });

  it("keep the id and nothing a rule does not read", () => {
    const data = { id: "RISK-1", system: "SYS-1", title: "long text", treatment: { controls: ["A.6.2.4"], plan: "..." } };
    const entry = indexEntry("r.yaml", 0, [], "risk", data, new Map([["risk", ["system", "treatment.controls"]]]));
    expect(entry).toEqual({ file: "r.yaml", doc: 0, root: [], kind: "risk", id: "RISK-1", data: { id: "RISK-1", system: "SYS-1", treatment: { controls: ["A.6.2.4"] } } });
  });

  it("keep a __proto__ key as a key", () => {
    const data = JSON.parse('{"id":"X-1","system":{"__proto__":"SYS-1"}}') as Record<string, unknown>;
    const entry = indexEntry("r.yaml", 0, [], "risk", data, new Map([["risk", ["system.*"]]]));
    expect(Object.keys(entry.data["system"] as object)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(entry.data["system"])).toBe(Object.prototype);
    expect(detach(data)).toEqual(data);
  });

  it("are derived from the rule pack: the fields the cross-document functions read", () => {
    const config = resolveConfig({ cwd: process.cwd(), startDir: "examples/acme-governance" });
    const fromRules: Record<string, string[]> = {
      "ai-policy": ["authorities.approve_impact_assessments", "authorities.approve_statement_of_applicability", "authorities.top_management"],
      "agent-config": ["mcpServers.*.command", "servers.*.command"],
      "ai-system": ["ai_use.actions", "ai_use.models", "ai_use.packages", "ai_use.paths", "automation.agents", "automation.reaches", "automation.usage", "third_party_components[*].name", "version"],
      "dependency-manifest": ["dependencies[*].name", "dependencies[*].spec", "ecosystem"],
      "ci-workflow": ["jobs.*.env", "jobs.*.permissions", "jobs.*.steps[*].env", "jobs.*.steps[*].run", "jobs.*.steps[*].uses", "jobs.*.steps[*].with", "permissions"],
      "data-card": ["systems"],
      // The example also runs the eu-ai-act preset, whose rules ask what an assessment and a card hold.
      "impact-assessment": [
        "fria.affected_categories",
        "fria.complaint_mechanism",
        "fria.deployer_process",
        "fria.materialisation_measures",
        "fria.oversight_measures",
        "fria.period_frequency",
        "fria.specific_risks",
        "system",
        "system_version",
      ],
      "model-card": ["evaluation.metrics", "human_oversight", "intended_use", "limitations", "model_details.version", "system"],
      nonconformity: ["system"],
      risk: ["inherent.impact", "inherent.level", "inherent.likelihood", "residual.impact", "residual.level", "residual.likelihood", "system"],
      "risk-criteria": ["acceptance", "matrix", "review_months"],
      "statement-of-applicability": ["controls[*].applicable", "controls[*].control", "controls[*].scope", "controls[*].status"],
      supplier: ["systems"],
    };
    // Plus what every run keeps (applicability's fields, draft status), sorted in with the rest.
    const expected: Record<string, string[]> = { ...fromRules };
    for (const [kind, fields] of ALWAYS_KEPT) expected[kind] = [...new Set([...(expected[kind] ?? []), ...fields])].sort();
    expect(Object.fromEntries(config.indexFields)).toEqual(expected);
  });
});
