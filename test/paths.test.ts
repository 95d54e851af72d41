// rules/paths.ts: the shortcut for paths without wildcards gives exactly what the general walk gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePath, resolvePath, walkPath } from "../src/engine/paths.js";

const keys = fc.constantFrom("a", "b", "owner", "__proto__", "constructor", "0", "1");
const document = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(keys, tie("value"), { maxKeys: 4 })),
})).value;
const literalPath = fc
  .array(
    fc.oneof(
      keys,
      fc.nat(2).map((i) => `[${i}]`),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.map((p, i) => (p.startsWith("[") || i === 0 ? p : `.${p}`)).join(""));

describe("resolvePath", () => {
  it("resolves a path without wildcards as the general walk does: value, existence and full path", () => {
    fc.assert(
      fc.property(document, literalPath, fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.nat(3)), { maxLength: 2 }), (value, path, base) => {
        // JSON.parse, as the parsers do: "__proto__" becomes an own key, not the prototype.
        const data = JSON.parse(JSON.stringify(value) ?? "null") as unknown;
        const steps = parsePath(path);
        expect(resolvePath(data, steps, base)).toEqual(walkPath(data, steps, base));
      }),
      { numRuns: 3000 },
    );
  });

  it("points a missing value at its full path", () => {
    expect(resolvePath({ acceptance: null }, parsePath("acceptance.by"))).toEqual([{ path: ["acceptance", "by"], value: undefined, exists: false }]);
    expect(resolvePath({ controls: ["A.2.2"] }, parsePath("controls[0]"), ["risks", 3])).toEqual([{ path: ["risks", 3, "controls", 0], value: "A.2.2", exists: true }]);
  });
});
