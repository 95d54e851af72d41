// aimslint's judgement of real cards against a reviewer's labels (test/fixtures/corpus/concepts/): for every
// concept a rule asks for, how many "missing or empty" findings were right (precision), and how many real gaps got
// one (recall). Needs ../shared/corpus; skipped with a note without it.
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../src/core/finding.js";
import type { LintResult } from "../src/pipeline/lint.js";
import { fixture, lintDir } from "./helpers/lint.js";

const corpus = join(import.meta.dirname, "..", "..", "shared", "corpus");
const labelsDir = join(import.meta.dirname, "fixtures", "corpus", "concepts");
type Labels = Record<string, Record<string, { label: "present" | "absent"; evidence: string }>>;
const LABELS: Labels = Object.assign(
  {},
  ...readdirSync(labelsDir)
    .filter((f) => /^part-\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(labelsDir, f), "utf8")) as Labels),
);
const KINDS = (JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "corpus", "labels.json"), "utf8")) as { labels: Record<string, string> }).labels;

/** The field a finding points at, as the concept the labels name. */
const CONCEPT: Record<string, Record<string, string>> = {
  "model-card": {
    "/intended_use": "intended_use",
    "/out_of_scope_use": "out_of_scope_use",
    "/intended_users": "intended_users",
    "/training_data": "training_data",
    "/evaluation/data": "evaluation_data",
    "/evaluation/metrics": "evaluation_results",
    "/limitations": "limitations",
    "/bias_considerations": "bias",
    "/human_oversight": "human_oversight",
    "/license": "license",
  },
  "data-card": {
    "/intended_use": "intended_use",
    "/source": "source",
    "/acquisition_method": "collection",
    "/preparation": "preparation",
    "/personal_data": "personal_data",
    "/bias": "bias",
    "/license": "license",
  },
};
const GAP = /^Missing "|is empty\.|holds template filler|names no result|expected\)?\.?$/;

interface Score {
  concept: string;
  findings: number;
  right: number;
  gaps: number;
  found: number;
}

function score(result: LintResult): Score[] {
  const gapsFound = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const kind = KINDS[f.file];
    const concept = kind && f.pointer ? CONCEPT[kind]?.[f.pointer] : undefined;
    if (!concept || !GAP.test(f.message)) continue;
    const key = `${kind} ${concept}`;
    gapsFound.set(key, [...(gapsFound.get(key) ?? []), f]);
  }
  const scores: Score[] = [];
  for (const key of [...gapsFound.keys()].sort()) {
    const [kind, concept] = key.split(" ") as [string, string];
    const findings = gapsFound.get(key)!;
    const flagged = new Set(findings.map((f) => f.file));
    const cards = Object.entries(LABELS).filter(([file]) => KINDS[file] === kind);
    const absent = cards.filter(([, c]) => c[concept]?.label === "absent").map(([file]) => file);
    scores.push({
      concept: key,
      findings: flagged.size,
      right: [...flagged].filter((f) => LABELS[f]?.[concept]?.label === "absent").length,
      gaps: absent.length,
      found: absent.filter((f) => flagged.has(f)).length,
    });
  }
  return scores;
}

if (!existsSync(corpus)) console.warn("test/card-concepts.test.ts: ../shared/corpus is not beside this checkout; the card-judgement tests are skipped.");

describe.skipIf(!existsSync(corpus))("judgement of real cards against a reviewer's labels", () => {
  let scores: Score[];
  beforeAll(async () => {
    const dir = fixture({});
    cpSync(corpus, dir, { recursive: true });
    scores = score(await lintDir(dir));
    const table = scores.map(
      (s) =>
        `${s.concept.padEnd(34)} precision ${(s.right / Math.max(1, s.findings)).toFixed(2)} (${s.right}/${s.findings})  recall ${(s.found / Math.max(1, s.gaps)).toFixed(2)} (${s.found}/${s.gaps})`,
    );
    console.log(`Card judgement on ../shared/corpus:\n${table.join("\n")}`);
  });

  it("labels every concept of every card", () => {
    for (const [file, concepts] of Object.entries(LABELS)) {
      const expected = KINDS[file] === "model-card" ? Object.values(CONCEPT["model-card"]!) : Object.values(CONCEPT["data-card"]!);
      expect(Object.keys(concepts).sort(), file).toEqual([...expected].sort());
    }
  });

  // Issue 14's targets: 0.95 precision and 0.90 recall for every concept. A concept above them may not fall below
  // them; one that is higher still holds its figure, so that a change that makes judgement worse fails here.
  const FLOORS: Record<string, { precision: number; recall: number }> = {
    "data-card bias": { precision: 1, recall: 0.91 },
    "data-card collection": { precision: 1, recall: 1 },
    "data-card license": { precision: 1, recall: 1 },
    "data-card personal_data": { precision: 1, recall: 1 },
    "data-card preparation": { precision: 1, recall: 1 },
    "data-card source": { precision: 1, recall: 1 },
    "model-card bias": { precision: 1, recall: 0.94 },
    "model-card evaluation_results": { precision: 1, recall: 0.94 },
    "model-card human_oversight": { precision: 0.96, recall: 1 },
    "model-card intended_use": { precision: 1, recall: 1 },
    "model-card limitations": { precision: 1, recall: 0.9 },
    "model-card out_of_scope_use": { precision: 1, recall: 0.95 },
    "model-card training_data": { precision: 1, recall: 1 },
    "model-card license": { precision: 1, recall: 1 },
  };
  for (const [concept, floor] of Object.entries(FLOORS)) {
    if (floor.precision < 0.95 || floor.recall < 0.9) throw new Error(`${concept}: a floor below issue 14's targets`);
  }

  it("is right in at least 95 % of its missing-section findings over all concepts", () => {
    const right = scores.reduce((n, s) => n + s.right, 0);
    const all = scores.reduce((n, s) => n + s.findings, 0);
    expect(right / all).toBeGreaterThanOrEqual(0.95);
  });

  it("judges no concept worse than its floor, and reports every concept it checks", () => {
    expect(scores.map((s) => s.concept).sort()).toEqual(Object.keys(FLOORS).sort());
    const below = scores.filter((s) => s.right / s.findings < FLOORS[s.concept]!.precision || (s.gaps > 0 && s.found / s.gaps < FLOORS[s.concept]!.recall));
    expect(below.map((s) => `${s.concept} precision ${s.right}/${s.findings} recall ${s.found}/${s.gaps}`)).toEqual([]);
  });
});
