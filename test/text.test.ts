// util/text.ts: the edit distance behind every "did you mean", against a plain textbook implementation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, levenshtein } from "../src/util/text.js";

function naive(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

describe("levenshtein", () => {
  it("is the edit distance, and with a bound, exact up to it and above it beyond (rows reused between calls)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 90 }), fc.string({ maxLength: 90 }), fc.nat(6), (a, b, bound) => {
        const exact = naive(a, b);
        expect(levenshtein(a, b)).toBe(exact);
        const bounded = levenshtein(a, b, bound);
        if (exact <= bound) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(bound);
      }),
      { numRuns: 2000 },
    );
  });

  it("stays exact for strings longer than the rows it keeps", () => {
    const long = "x".repeat(5000);
    expect(levenshtein(long, long + "y")).toBe(1);
    expect(levenshtein("ab", "abc")).toBe(1);
  });

  it("suggests the nearest candidate only when it is a likely typo", () => {
    expect(closest("SYS-CREDIT-SCORNG", ["SYS-CREDIT-SCORING", "SYS-FRAUD"])).toBe("SYS-CREDIT-SCORING");
    expect(closest("risk", ["RISC", "policy"])).toBe("RISC");
    expect(closest("completely-different", ["SYS-CREDIT-SCORING"])).toBeUndefined();
  });
});
