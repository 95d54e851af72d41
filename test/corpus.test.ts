// Real public artefacts (../shared/corpus, read-only): no crash, the right kinds, and findings a governance lead
// would agree with. The corpus is copied to a temporary folder so its own .git status and location do not matter.
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LintResult } from "../src/pipeline/lint.js";
import { fixture, lintDir } from "./helpers/lint.js";

const corpus = join(import.meta.dirname, "..", "..", "shared", "corpus");
const LABELS = (JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "corpus", "labels.json"), "utf8")) as { labels: Record<string, string> }).labels;
if (!existsSync(corpus)) console.warn("test/corpus.test.ts: ../shared/corpus is not beside this checkout; the public-corpus tests are skipped.");

describe.skipIf(!existsSync(corpus))("public corpus", () => {
  let result: LintResult;
  beforeAll(async () => {
    const dir = fixture({});
    cpSync(corpus, dir, { recursive: true });
    result = await lintDir(dir);
  });

  const has = (file: string, ruleId: string, line: number, column: number, text: RegExp) =>
    result.findings.some((f) => f.file === file && f.ruleId === ruleId && f.range.start.line === line && f.range.start.column === column && text.test(f.message));

  // Hand labels (test/fixtures/corpus/labels.json); the cards aimslint does not recognise yet are listed, so that
  // recognising one more (issue 14) or one fewer shows up here.
  const KNOWN_MISSES: string[] = [];

  it("recognises the labelled model and data cards, and nothing else as a card", () => {
    const cards = Object.entries(LABELS).filter(([, kind]) => kind === "model-card" || kind === "data-card");
    const kinds = new Map(result.artefacts.map((a) => [a.file, a.kind]));
    expect(cards.filter(([file, kind]) => kinds.has(file) && kinds.get(file) !== kind)).toEqual([]);
    expect(cards.filter(([file]) => !kinds.has(file)).map(([file]) => file)).toEqual(KNOWN_MISSES);
    // The model cards inside a CycloneDX ML-BOM (components[].modelCard) are cards of their own.
    const inBoms = result.artefacts.filter((a) => LABELS[a.file] === "ml-bom" && a.kind === "model-card").map((a) => `${a.file} ${a.root.join(".")}`);
    expect(inBoms).toEqual(["cdx-ml-bom-1.6/valid-machine-learning-1.6.json components.0.modelCard"]);
    const notCards = [...kinds].filter(([file, kind]) => (kind === "model-card" || kind === "data-card") && !(LABELS[file] === kind) && LABELS[file] !== "ml-bom");
    expect(notCards).toEqual([]);
  });

  it("reads every well-formed file without a parse error, and points at the two broken ones", () => {
    const parse = result.findings.filter((f) => /^(parse|file)\//.test(f.ruleId));
    expect([...new Set(parse.map((f) => f.file))]).toEqual(["gov-cdx-mlbom-bert/bom.json", "xlsr-wav2vec2-portuguese-template/MODEL_CARD.md"]);
    // A trailing comma before "}" (invalid strict JSON), and front matter indented as no YAML parser reads it.
    expect(has("gov-cdx-mlbom-bert/bom.json", "parse/syntax", 9, 5, /Invalid JSON/)).toBe(true);
    expect(has("xlsr-wav2vec2-portuguese-template/MODEL_CARD.md", "parse/syntax", 25, 15, /YAML/)).toBe(true);
  });

  it("says what formats it cannot check, instead of staying silent", () => {
    const notes = result.findings.filter((f) => f.ruleId === "kind/unclassified").map((f) => `${f.file} ${f.severity}`);
    expect(notes).toEqual(["genaiscript-impact-assessment/genaiscript-impact-assessment.md info", "katwala-risk-register/Risk-Register.md info"]);
  });

  it("reads Model Card Toolkit JSON and a CycloneDX modelCard as model cards, naming the format's fields", () => {
    const card = result.findings.filter((f) => f.file === "mct-full-json/full.json").map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message.split(". ")[0]}`);
    // Its use cases, limitations and ethical considerations are the toolkit's own placeholders ("limitations1").
    expect(card).toEqual([
      '29:5 modelcard/required-sections "training_data" (Model Card Toolkit "model_parameters.data") is empty',
      '68:5 modelcard/required-sections "intended_use" (Model Card Toolkit "considerations.use_cases") is empty',
      '69:5 modelcard/required-sections "limitations" (Model Card Toolkit "considerations.limitations") is empty',
      '69:5 modelcard/required-sections Missing "out_of_scope_use" (Model Card Toolkit has no field for it: say it in "considerations.limitations")',
      '73:5 modelcard/bias-considerations "bias_considerations" (Model Card Toolkit "considerations.ethical_considerations") is empty',
      '73:5 modelcard/human-oversight Missing "human_oversight" (Model Card Toolkit has no field for it: say it in "considerations.ethical_considerations")',
    ]);
    expect(result.findings.filter((f) => f.file.startsWith("cdx-ml-bom-1.6/")).map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId}`)).toEqual([
      "16:7 modelcard/license",
      // Its performance metric's value is the example's own filler: "The value of the performance metric".
      "38:11 modelcard/results-reported",
      "72:11 modelcard/required-sections",
      "80:11 modelcard/human-oversight",
    ]);
  });

  it("finds what a governance lead would point out", () => {
    // Whisper's card has no out-of-scope heading, but its "Evaluated Use" section says what the model must not be
    // used for (non-consensual recordings, high-risk decisions): no finding.
    expect(has("whisper-model-card/model-card.md", "modelcard/required-sections", 1, 1, /out_of_scope_use/)).toBe(false);
    // Its "Performance and Limitations" section counts as both results and limitations.
    expect(has("whisper-model-card/model-card.md", "modelcard/required-sections", 1, 1, /limitations/)).toBe(false);
    // CLIP's "Out-of-Scope Use Cases" heading is accepted as the out-of-scope section.
    expect(has("clip-model-card/model-card.md", "modelcard/required-sections", 1, 1, /out_of_scope_use/)).toBe(false);
    // The Japanese ELECTRA card is a licence and two paragraphs: no uses, evaluation or limitations.
    for (const field of ["intended_use", "evaluation.metrics", "limitations"]) {
      expect(has("hf-electra-ja/README.md", "modelcard/required-sections", 2, 1, new RegExp(field))).toBe(true);
    }
    // Vendored upstream cards (no `kind`, no `system`) are not asked to link an AI system; the repo's own cards are.
    expect(result.findings.filter((f) => f.ruleId === "modelcard/links-system")).toEqual([]);
    // BLOOM's thorough card only lacks a statement on human oversight.
    expect(result.findings.filter((f) => f.file === "bloom-model-card/README.md").map((f) => f.ruleId)).toEqual(["modelcard/human-oversight"]);
    // Public cards (no `kind`) are not asked for what their format cannot hold: provenance events and
    // data-quality results are asked of the organisation's own data cards only (A.7.4, A.7.5).
    expect(result.findings.filter((f) => f.ruleId === "datacard/provenance-events" || f.ruleId === "datacard/quality")).toEqual([]);
    // An old Hub card's `configs: [a, b]` (names, not entries) is a valid form, not one schema error per name.
    expect(result.findings.filter((f) => f.ruleId.startsWith("schema/"))).toEqual([]);
    // The Gebru-style datasheet's "Collection" and "Distribution" sections answer acquisition and licence.
    expect(has("shitspotter-datasheet/DATASHEET.md", "datacard/provenance", 1, 1, /acquisition_method|license/)).toBe(false);
  });
});
