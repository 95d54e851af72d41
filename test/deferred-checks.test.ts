// Deferred cross-document checks are stored flat (five cells a check): what goes in must come out, in order,
// and a failing rule's checks must be taken back exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FILE_START } from "../src/core/finding.js";
import type { IndexEntry } from "../src/engine/index-entry.js";
import { join } from "node:path";
import { resolveConfig } from "../src/config/resolve-config.js";
import { deferredNeedsValue } from "../src/engine/functions/registry.js";
import { DeferredChecks, type DeferredCheck } from "../src/engine/run-rules.js";
import { FileChecker } from "../src/pipeline/check-file.js";
import { validatorLookup } from "../src/schema/runtime-validators.js";
import { detach, Keeper } from "../src/util/detach.js";

const entries: IndexEntry[] = ["a.yaml", "b.yaml"].map((file) => ({ file, doc: 0, root: [], kind: "risk", data: {} }));

const check = fc.record({
  entry: fc.constantFrom(...entries),
  ruleId: fc.constantFrom("risk/system-exists", "repo/unique-ids", "org/custom"),
  call: fc.integer({ min: -1, max: 3 }),
  path: fc.array(fc.oneof(fc.string(), fc.nat(5)), { maxLength: 3 }),
  value: fc.oneof(fc.string(), fc.constant(undefined), fc.constant(null), fc.array(fc.string())),
  exists: fc.boolean(),
  given: fc.array(fc.string(), { maxLength: 2 }),
});
const step = fc.oneof(
  check.map((c) => ({ add: c })),
  fc.nat(6).map((back) => ({ back })),
);

describe("deferred checks", () => {
  it("come back as they were added, after any take-backs", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const store = new DeferredChecks();
        const expected: DeferredCheck[] = [];
        for (const s of steps) {
          if ("add" in s) {
            const c = s.add;
            store.add(c.entry, c.ruleId, c.call, c.path, c.value, c.exists, c.given);
            expected.push(c);
          } else {
            const length = Math.max(0, expected.length - s.back);
            store.truncate(length);
            expected.length = length;
          }
          expect(store.length).toBe(expected.length);
        }
        const got = [...store];
        expect(got).toEqual(expected);
        for (const [i, c] of got.entries()) expect(c.entry).toBe(expected[i]!.entry);
      }),
      { seed: 42001, numRuns: 300 },
    );
  });
});

describe("the keeper", () => {
  it("copies values unchanged, strings of any length, keys like __proto__ included", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const keeper = new Keeper();
        expect(keeper.value(value)).toEqual(value);
        expect(keeper.value(value)).toEqual(value); // a second time, from the shared strings
      }),
      { seed: 42001, numRuns: 300 },
    );
    const text = "id: " + "RISK-0001-with-a-long-tail".repeat(3) + "\n\ud800";
    expect(detach(text.slice(4))).toBe(text.slice(4));
  });

  it("copies a finding's message and pointer in place, unchanged", () => {
    const text = "owner: " + "Head of Model Risk Management".repeat(2) + "\n";
    const value = text.slice(7, -1);
    const finding = { ruleId: "x/y", severity: "error" as const, message: `"${value}" is not a role.`, file: "a.yaml", range: FILE_START, iso42001: ["A.3.2"], pointer: "/" + value };
    const kept = new Keeper().finding(finding);
    expect(kept).toBe(finding);
    expect(kept).toEqual({ ...finding, message: `"${value}" is not a role.`, pointer: "/" + value });
  });

  it('gives one array for equal paths, so 6,000 checks of "system" share one', () => {
    const keeper = new Keeper();
    const first = keeper.path(["system"]);
    expect(keeper.path(["system"])).toBe(first);
    expect(keeper.path(["treatment", 0])).not.toBe(keeper.path(["treatment", "0"]));
    expect(keeper.path([])).toEqual([]);
  });
});

describe("a file's deferred checks", () => {
  it("keep the value checked only for the functions that read it, or a message that quotes it", async () => {
    const project = join(__dirname, "..", "examples", "acme-governance");
    const config = resolveConfig({ cwd: project, startDir: project });
    const files = new FileChecker(config, await validatorLookup(config.schemaFiles));
    for (const path of ["governance/systems/support-bot.yaml", "governance/risks/RISK-010.yaml"]) {
      files.check({ path, absPath: join(project, path), explicit: true }, true);
    }
    const kept = new Map<string, boolean>();
    for (const c of files.deferred) if (c.call >= 0) kept.set(c.ruleId, c.value !== undefined);
    // The AI-use agreement checks read the system's index entry; a whole copy of the record was kept for each.
    expect(kept.get("system/automation-evidence")).toBe(false);
    expect(kept.get("system/ai-components-recorded")).toBe(false);
    expect(kept.get("risk/system-exists")).toBe(true);
    expect(deferredNeedsValue({ function: "automation-evidence" })).toBe(false);
    expect(deferredNeedsValue({ function: "automation-evidence", message: "{{error}} ({{ value }})" })).toBe(true);
    expect(deferredNeedsValue({ function: "reference" })).toBe(true);
  });
});
