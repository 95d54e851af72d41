// Bad input never crashes the scan: each case becomes a finding with its position, and the other files are checked.
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveConfig } from "../src/config/resolve-config.js";
import { lint } from "../src/pipeline/lint.js";
import { describe, expect, it } from "vitest";
import { brief, fixture, lintDir } from "./helpers/lint.js";

const RISK = "kind: risk\nid: RISK-1\ntitle: Drift\nsystem: SYS-1\ninherent: { likelihood: likely, impact: major, level: high }\n";

describe("hostile and broken files", () => {
  it("never skips a broken card in a folder scan: one finding each, and the card is still read", async () => {
    const dir = fixture({
      "a/MODEL_CARD.md": "---\nlicense: mit\n\tbad: tab\n  x: [1\n---\n# Model Card for X\n\n## Intended Use\n\nRouting letters.\n",
      "b/datasheet.md": Buffer.concat([Buffer.from("---\nlicense: mit\n---\n# Dataset Card for Y\n\ncaf"), Buffer.from([0xe9]), Buffer.from(" bytes\n")]),
      "c/README.md": Buffer.concat([Buffer.from("---\npipeline_tag: text-classification\n---\n# Z\n\nbad "), Buffer.from([0xff]), Buffer.from(" byte\n")]),
      "d/README.md": Buffer.concat([Buffer.from("---\ntags: [blog]\n---\n# A post, not a card\n\nbad "), Buffer.from([0xff]), Buffer.from("\n")]),
    });
    const result = await lintDir(dir);
    expect(brief(result.findings.filter((f) => /^(parse|file)\//.test(f.ruleId)))).toEqual(["a/MODEL_CARD.md:3:1 parse/syntax", "b/datasheet.md:6:4 file/encoding", "c/README.md:6:5 file/encoding"]);
    const syntax = result.findings.find((f) => f.ruleId === "parse/syntax")!;
    expect(syntax.message).toMatch(/^YAML: .*\(and \d+ more errors? in the front matter; the keys that parse on their own were read\)\.$/);
    // The card with broken front matter is still a card: checked by its headings, its licence read.
    expect(result.artefacts.map((a) => `${a.file} ${a.kind}`)).toEqual(["a/MODEL_CARD.md model-card"]);
    expect(result.findings.some((f) => f.file === "a/MODEL_CARD.md" && f.ruleId === "modelcard/license")).toBe(false);
  });

  it("reports each broken artefact and still checks the good one", async () => {
    const dir = fixture({
      "good.yaml": RISK,
      "syntax.yaml": "kind: risk\nid: [unclosed\ntitle: x\n",
      "dup.yaml": "kind: risk\nid: RISK-2\nid: RISK-3\n",
      "bomb.yaml":
        "kind: risk\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
      "deep.json": `{"kind": "risk", "x": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
      "bad-utf8.yaml": Buffer.concat([Buffer.from("kind: risk\ntitle: caf"), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]),
      "utf16.yaml": Buffer.from("\ufeffkind: risk\n", "utf16le"),
      "binary.yaml": Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x00, 0x01, 0x02]),
      "proto.yaml": "kind: risk\n__proto__: { polluted: true }\nconstructor: x\n",
      "tag.yaml": "kind: risk\nid: RISK-9\ndescription: !include other.yaml\n",
      "trailing.json": '{\n  "kind": "risk",\n}\n',
    });
    const result = await lintDir(dir, ["syntax.yaml", "dup.yaml", "bomb.yaml", "deep.json", "bad-utf8.yaml", "utf16.yaml", "binary.yaml", "proto.yaml", "tag.yaml", "trailing.json", "good.yaml"]);
    const parseAndFile = brief(result.findings.filter((f) => /^(parse|file)\//.test(f.ruleId)));
    expect(parseAndFile).toEqual([
      "bad-utf8.yaml:2:11 file/encoding",
      "binary.yaml:1:1 file/binary",
      "bomb.yaml:1:1 parse/resource-limit",
      "deep.json:1:1 parse/resource-limit",
      "dup.yaml:3:1 parse/duplicate-key",
      "syntax.yaml:3:1 parse/syntax",
      "tag.yaml:3:14 parse/unknown-tag",
      "trailing.json:3:1 parse/syntax",
      "utf16.yaml:1:1 file/encoding",
    ]);
    // The good file and the recoverable ones were still classified and validated.
    expect(result.artefacts.map((a) => a.file)).toEqual(["dup.yaml", "good.yaml", "proto.yaml", "tag.yaml"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("reports an empty file only when it was named", async () => {
    const dir = fixture({ "empty.yaml": "", "model-card.md": "" });
    expect(brief((await lintDir(dir, ["empty.yaml"])).findings)).toEqual(["empty.yaml:1:1 file/empty"]);
    expect(brief((await lintDir(dir)).findings)).toEqual([]);
  });

  it("refuses files over the size limit without reading them", async () => {
    const dir = fixture({ "big.yaml": "kind: risk\n" + "# padding\n".repeat(600_000) });
    expect(brief((await lintDir(dir, ["big.yaml"])).findings)).toEqual(["big.yaml:1:1 file/too-large"]);
  });

  it("stays silent about broken files that are not artefacts", async () => {
    const dir = fixture({
      "chart/templates/deployment.yaml": "spec:\n  replicas: {{ .Values.replicas }}\n  - broken: [\n",
      "tokenizer.json": '{"truncated": ',
      "docs/notes.md": "---\ntitle: x\n",
    });
    expect(brief((await lintDir(dir)).findings)).toEqual([]);
  });

  it("does not follow symbolic links out of the scanned folder", async () => {
    const outside = fixture({ "secret.yaml": RISK });
    const dir = fixture({ "good.yaml": RISK });
    symlinkSync(join(outside, "secret.yaml"), join(dir, "linked.yaml"));
    symlinkSync(join(dir, "loop-a.yaml"), join(dir, "loop-b.yaml"));
    symlinkSync(join(dir, "loop-b.yaml"), join(dir, "loop-a.yaml"));
    const result = await lintDir(dir);
    expect(brief(result.findings.filter((f) => f.ruleId === "file/symlink"))).toEqual(["linked.yaml:1:1 file/symlink", "loop-a.yaml:1:1 file/symlink", "loop-b.yaml:1:1 file/symlink"]);
    expect(result.artefacts.map((a) => a.file)).toEqual(["good.yaml"]);
  });

  it("judges symbolic links alike whether discovery (lstat) or loading (O_NOFOLLOW) meets them", async () => {
    const outside = fixture({ "secret.yaml": RISK });
    const dir = fixture({ "sub/good.yaml": RISK.replace("RISK-1", "RISK-2") });
    symlinkSync(join(dir, "sub", "good.yaml"), join(dir, "sub", "inside.yaml"));
    symlinkSync(join(outside, "secret.yaml"), join(dir, "sub", "outside.yaml"));
    symlinkSync(join(dir, "sub", "missing.yaml"), join(dir, "sub", "broken.yaml"));
    symlinkSync(join(dir, "sub", "loop-b.yaml"), join(dir, "sub", "loop-a.yaml"));
    symlinkSync(join(dir, "sub", "loop-a.yaml"), join(dir, "sub", "loop-b.yaml"));
    const config = resolveConfig({ cwd: dir, startDir: dir, today: "2026-06-30" });
    // With the index cache, discovery keeps each file's stamp and so lstats it; without, loading tells links.
    const runs = [await lint({ cwd: dir, inputs: ["sub"], config, cacheDir: mkdtempSync(join(tmpdir(), "aimslint-cache-")) }), await lint({ cwd: dir, inputs: ["sub"], config })];
    for (const result of runs) {
      expect(brief(result.findings.filter((f) => f.ruleId === "file/symlink"))).toEqual([
        "sub/broken.yaml:1:1 file/symlink",
        "sub/loop-a.yaml:1:1 file/symlink",
        "sub/loop-b.yaml:1:1 file/symlink",
        "sub/outside.yaml:1:1 file/symlink",
      ]);
      expect(result.findings.find((f) => f.file === "sub/outside.yaml")?.message).toBe("Symbolic link points outside the scanned folder; it was not followed.");
      expect(result.findings.find((f) => f.file === "sub/broken.yaml")?.message).toBe("Symbolic link is broken; it was not followed.");
      // The link inside the folder is followed: its artefact is read like the file it leads to.
      expect(result.artefacts.map((a) => `${a.file} ${a.id}`)).toEqual(["sub/good.yaml RISK-2", "sub/inside.yaml RISK-2"]);
      expect(result.filesChecked).toBe(2);
    }
  });

  it("reads BOM, CRLF and lone-CR files with correct positions", async () => {
    const dir = fixture({
      "bom.yaml": "\ufeffkind: risk\nid: RISK-1\nid: RISK-2\n",
      "crlf.yaml": "kind: risk\r\nid: RISK-1\r\nid: RISK-2\r\n",
      "cr.yaml": "kind: risk\rid: RISK-1\rid: RISK-2\r",
    });
    const dups = brief((await lintDir(dir)).findings.filter((f) => f.ruleId === "parse/duplicate-key"));
    expect(dups).toEqual(["bom.yaml:3:1 parse/duplicate-key", "cr.yaml:3:1 parse/duplicate-key", "crlf.yaml:3:1 parse/duplicate-key"]);
  });
});
