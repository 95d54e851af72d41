// Real public artefacts (../shared/corpus, read-only): no crash, the right kinds, and findings a governance lead
// would agree with. The corpus is copied to a temporary folder so its own .git status and location do not matter.
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LintResult } from "../src/pipeline/lint.js";
import { fixture, lintDir } from "./helpers/lint.js";

const corpus = join(import.meta.dirname, "..", "..", "shared", "corpus");

describe.skipIf(!existsSync(corpus))("public corpus", () => {
  let result: LintResult;
  beforeAll(async () => {
    const dir = fixture({});
    cpSync(corpus, dir, { recursive: true });
    result = await lintDir(dir);
  });

  const has = (file: string, ruleId: string, line: number, column: number, text: RegExp) =>
    result.findings.some((f) => f.file === file && f.ruleId === ruleId && f.range.start.line === line && f.range.start.column === column && text.test(f.message));

  it("recognises every model and data card, whatever its format", () => {
    const kinds = Object.fromEntries(result.artefacts.map((a) => [a.file, a.kind]));
    expect(kinds).toEqual({
      "whisper-model-card/model-card.md": "model-card",
      "clip-model-card/model-card.md": "model-card",
      "bloom-model-card/README.md": "model-card",
      "hfhub-crlf-card/sample_windows_line_breaks.md": "model-card",
      "hf-electra-ja/README.md": "model-card",
      "ds-eli5-bom/README.md": "data-card",
      "shitspotter-datasheet/DATASHEET.md": "data-card",
    });
  });

  it("reads every file without a parse error (BOM, CRLF, anchors, templates, 400 KB of JSON)", () => {
    expect(result.findings.filter((f) => /^(parse|file)\//.test(f.ruleId))).toEqual([]);
  });

  it("says what formats it cannot check, instead of staying silent", () => {
    const notes = result.findings.filter((f) => f.ruleId === "kind/unclassified").map((f) => `${f.file} ${f.severity}`);
    expect(notes).toEqual([
      "cdx-ml-bom-1.6/valid-machine-learning-1.6.json info",
      "genaiscript-impact-assessment/genaiscript-impact-assessment.md info",
      "katwala-risk-register/Risk-Register.md info",
      "mct-full-json/full.json warning",
    ]);
  });

  it("finds what a governance lead would point out", () => {
    // Whisper's card (Mitchell-style headings) never says what the model must not be used for.
    expect(has("whisper-model-card/model-card.md", "modelcard/required-sections", 1, 1, /out_of_scope_use/)).toBe(true);
    // Its "Performance and Limitations" section counts as both results and limitations.
    expect(has("whisper-model-card/model-card.md", "modelcard/required-sections", 1, 1, /limitations/)).toBe(false);
    // CLIP's "Out-of-Scope Use Cases" heading is accepted as the out-of-scope section.
    expect(has("clip-model-card/model-card.md", "modelcard/required-sections", 1, 1, /out_of_scope_use/)).toBe(false);
    // The Japanese ELECTRA card is a licence and two paragraphs: no uses, data, evaluation or limitations.
    for (const field of ["intended_use", "training_data", "limitations"]) {
      expect(has("hf-electra-ja/README.md", "modelcard/required-sections", 2, 1, new RegExp(field))).toBe(true);
    }
    // Vendored upstream cards (no `kind`, no `system`) are not asked to link an AI system; the repo's own cards are.
    expect(result.findings.filter((f) => f.ruleId === "modelcard/links-system")).toEqual([]);
    // BLOOM's thorough card only lacks a statement on human oversight.
    expect(result.findings.filter((f) => f.file === "bloom-model-card/README.md").map((f) => f.ruleId)).toEqual(["modelcard/human-oversight"]);
    // Neither datasheet records provenance events or data-quality results (A.7.4, A.7.5).
    for (const file of ["ds-eli5-bom/README.md", "shitspotter-datasheet/DATASHEET.md"]) {
      const line = file.startsWith("ds-") ? 2 : 1;
      expect(has(file, "datacard/provenance", line, 1, /provenance/)).toBe(true);
      expect(has(file, "datacard/quality", line, 1, /quality\.results/)).toBe(true);
    }
    // The Gebru-style datasheet's "Collection" and "Distribution" sections answer acquisition and licence.
    expect(has("shitspotter-datasheet/DATASHEET.md", "datacard/provenance", 1, 1, /acquisition_method|license/)).toBe(false);
  });
});
