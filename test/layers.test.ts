// The layering of src/ (scripts/check-layers.mjs): imports point down the pipeline, never up, and never in a circle.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { checkLayers } from "../scripts/check-layers.mjs";

const src = join(import.meta.dirname, "..", "src");
const check = checkLayers as (dir?: string) => string[];

describe("layers", () => {
  it("hold in src/: no upward import, no circle", () => {
    expect(check()).toEqual([]);
  });

  it("catch an upward import, a circle and a folder in no layer", () => {
    const copy = join(mkdtempSync(join(tmpdir(), "aimslint-layers-")), "src");
    cpSync(src, copy, { recursive: true });
    writeFileSync(join(copy, "core", "up.ts"), 'import { lint } from "../pipeline/lint.js";\nexport const x = lint;\n');
    writeFileSync(join(copy, "util", "a.ts"), 'import { b } from "./b.js";\nexport const a = () => b;\n');
    writeFileSync(join(copy, "util", "b.ts"), 'import { a } from "./a.js";\nexport const b = () => a;\n');
    mkdirSync(join(copy, "misc"));
    writeFileSync(join(copy, "misc", "stray.ts"), "export {};\n");
    const problems = check(copy);
    expect(problems).toContain("src/core/up.ts imports src/pipeline/lint.ts, a higher layer");
    expect(problems).toContain("files import each other in a circle: src/util/a.ts -> src/util/b.ts");
    expect(problems).toContain("src/misc/stray.ts: its folder is in no layer (add it to LAYERS in scripts/check-layers.mjs)");
    expect(problems).toHaveLength(3);
  });
});
