// util/text.ts: the edit distance behind every "did you mean", against a plain textbook implementation; quoting values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, levenshtein, quote } from "../src/util/text.js";

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

describe("quote", () => {
  const whole = (value: unknown, max = 60) => {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > max ? `${text.slice(0, max)}…` : text;
  };

  it("quotes what JSON.stringify writes, cut at the limit, for any JSON value", () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(fc.oneof(json, fc.array(json, { maxLength: 40 }), fc.dictionary(fc.string(), json)), fc.integer({ min: 1, max: 80 }), (value, max) => {
        if (typeof value === "string" || (typeof value === "number" && !Number.isFinite(value))) return;
        expect(quote(value, max)).toBe(whole(value, max));
      }),
      { numRuns: 2000, seed: 42001 },
    );
  });

  it("reads only the start of a long list: a list of 50,000 items is quoted by its first few", () => {
    let read = 0;
    const list = new Proxy(
      Array.from({ length: 50_000 }, (_, i) => `A.${i}`),
      {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) read++;
          return Reflect.get(target, key, receiver);
        },
      },
    );
    expect(quote(list)).toBe('["A.0","A.1","A.2","A.3","A.4","A.5","A.6","A.7","A.8","A.9"…');
    expect(read).toBeLessThan(20);
  });
});
