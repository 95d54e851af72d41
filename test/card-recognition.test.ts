// Which Markdown files without a card's name or front matter are taken for cards: model READMEs by what they say,
// never a service's README, a validation report or a policy that mentions models; and cards in formats of their own.
import { describe, expect, it } from "vitest";
import { fixture, lintDir } from "./helpers/lint.js";

async function kindOf(name: string, text: string): Promise<string | undefined> {
  const result = await lintDir(fixture({ [name]: text }));
  return result.artefacts.find((a) => a.file === name)?.kind;
}

describe("model cards recognised by content", () => {
  it("takes a model repository's README with a model's name, training and an architecture for a model card", async () => {
    const readme = "# tinyroberta-base-2048\n\n`tinyroberta-base-2048` is a RoBERTa-like language model pretrained on news articles for ranking.\n";
    expect(await kindOf("models/tiny/README.md", readme)).toBe("model-card");
  });

  it("takes an auto-generated translation model card with a dataset line and a BLEU table for a model card", async () => {
    const readme = [
      "# opus-2020-01-16.zip",
      "",
      "* dataset: opus",
      "* model: transformer-align",
      "",
      "## Benchmarks",
      "",
      "| testset | BLEU | chr-F |",
      "|---|---|---|",
      "| Tatoeba.de.en | 48.2 | 0.661 |",
      "",
    ].join("\n");
    expect(await kindOf("mt/de-en/README.md", readme)).toBe("model-card");
  });

  it("takes training details with evaluation values in JSON for a model card, whatever the file's name", async () => {
    const text = ["# Training Details", "", "```", "n_epochs = 3", "```", "", "## Evaluation Results", "", "```", '"exact": 71.2,', '"f1": 74.9', "```", ""].join("\n");
    expect(await kindOf("assets/qa-model/description.md", text)).toBe("model-card");
  });

  it("does not take a service README for a model card, even one that names an LLM and its weights", async () => {
    const readme = [
      "# assistant-0042-api",
      "",
      "Answers customer questions with an LLM fine-tuned on our support tickets; the weights are pulled at start-up.",
      "",
      "## Installation",
      "npm ci",
      "## Configuration",
      "Set MODEL_URL.",
      "## Endpoints",
      "POST /answer",
      "",
    ].join("\n");
    expect(await kindOf("services/assistant/README.md", readme)).toBeUndefined();
  });

  it("does not take a validation report or a policy for a model card", async () => {
    const report = "# Validation report 1.7.8: Credit Scoring 11\n\nThe model was checked on a held-out sample.\n\n## Results\n\n| metric | value |\n|---|---|\n| AUC | 0.81 |\n";
    expect(await kindOf("models/scoring/eval/validation-report.md", report)).toBeUndefined();
    const policy = "# Use of GPT-4 at Acme\n\nStaff may use large language models for drafting. No customer data may be sent to them.\n\n## Scope\n\nAll staff.\n";
    expect(await kindOf("policies/genai-use.md", policy)).toBeUndefined();
  });
});

const TOOLKIT_CARD = {
  schema_version: "0.0.2",
  model_details: { name: "ticket-router", overview: "Routes support tickets.", version: { name: "v2.1", date: "2026-03-02" }, licenses: [{ identifier: "Apache-2.0" }] },
  model_parameters: { data: [{ name: "Support tickets 2024-2025", description: "120,000 English tickets with their resolving team." }] },
  quantitative_analysis: { performance_metrics: [{ type: "accuracy", value: "0.91", slice: "overall" }] },
  considerations: {
    users: [{ description: "The service desk's triage team." }],
    use_cases: [{ description: "Suggesting the team a new ticket goes to; people must review each suggestion before it is applied." }],
    limitations: [{ description: "Not for tickets in other languages; must not be used to rate staff." }],
    ethical_considerations: [{ name: "Customers writing in non-standard English may be routed worse.", mitigation_strategy: "Accuracy tracked by customer region each month." }],
  },
};

describe("model cards in formats of their own", () => {
  it("reads a filled Model Card Toolkit JSON as a model card with nothing missing, out-of-scope use from its limitations", async () => {
    const result = await lintDir(fixture({ "models/router/model_card.json": JSON.stringify(TOOLKIT_CARD, null, 2) }));
    expect(result.artefacts.map((a) => `${a.file} ${a.kind}`)).toEqual(["models/router/model_card.json model-card"]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it("checks a declared toolkit card as governed and never rejects the toolkit's own fields", async () => {
    const config = "kinds:\n  model-card:\n    files: ['models/**/model_card.json']\n";
    const result = await lintDir(fixture({ "aimslint.config.yaml": config, "models/router/model_card.json": JSON.stringify(TOOLKIT_CARD, null, 2) }));
    const rules = result.findings.map((f) => f.ruleId);
    expect(rules.filter((r) => r.startsWith("schema/"))).toEqual([]);
    // Governed: it must now name its AI system and impact assessment, as any card of the organisation's.
    expect(rules).toContain("modelcard/links-system");
  });

  it("reads each modelCard of a CycloneDX ML-BOM as a model card, its licence from its component", async () => {
    const bom = {
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      components: [
        { type: "library", name: "left-pad" },
        {
          type: "machine-learning-model",
          name: "ticket-router",
          licenses: [{ license: { id: "Apache-2.0" } }],
          modelCard: {
            modelParameters: { task: "text-classification", datasets: [{ type: "dataset", name: "Support tickets 2024-2025" }] },
            quantitativeAnalysis: { performanceMetrics: [{ type: "accuracy", value: "0.91" }] },
            considerations: {
              useCases: ["Suggesting the team a new ticket goes to"],
              technicalLimitations: ["English only"],
              ethicalConsiderations: [{ name: "Non-native writers may be routed worse", mitigationStrategy: "Monthly accuracy by region" }],
            },
          },
        },
      ],
    };
    const result = await lintDir(fixture({ "bom.json": JSON.stringify(bom, null, 2) }));
    expect(result.artefacts.map((a) => `${a.kind} ${a.root.join(".")}`)).toEqual(["model-card components.1.modelCard"]);
    expect(result.findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message.split(". ")[0]}`)).toEqual([
      '41:11 modelcard/required-sections Missing "out_of_scope_use" (CycloneDX modelCard has no field for it: say it in "considerations.technicalLimitations")',
      '44:11 modelcard/human-oversight Missing "human_oversight" (CycloneDX modelCard has no field for it: say it in "considerations.ethicalConsiderations")',
    ]);
  });
});

describe("cards recognised by their title, their name or their headings", () => {
  it("takes a title that says Model Card or Dataset Card for what it says, whatever the file's name", async () => {
    expect(await kindOf("weights/yolo11m.pt_README.md", "# Model Card: YOLOv11m (Medium)\n\n## Overview\nObject detection.\n")).toBe("model-card");
    expect(await kindOf("mirror/Anthropic_hh-rlhf.md", "---\nlicense: mit\ntags: [human-feedback]\n---\n\n# Dataset Card for HH-RLHF\n\nPreference data.\n")).toBe("data-card");
    expect(await kindOf("docs/ranker.md", "# Ranker Model Card\n\nRanks tickets.\n")).toBe("model-card");
  });

  it("does not take a page about cards for a card", async () => {
    expect(await kindOf("docs/cards.md", "# Building a model card\n\nA model card documents a model.\n")).toBeUndefined();
    expect(await kindOf("docs/template.md", "# Model Card Template\n\nFill in each section.\n")).toBeUndefined();
    expect(await kindOf("docs/cards.md", "# Model cards\n\nWhat they are.\n")).toBeUndefined();
  });

  it("takes DATASET.md for a data card", async () => {
    expect(await kindOf("data/mhc/DATASET.md", "# OpenMHC Dataset\n\n## Download\nSee below.\n")).toBe("data-card");
  });

  it("takes a README with only the Hub's generic keys for a data card when its headings are a data card's", async () => {
    const readme = "---\nlicense: apache-2.0\n---\n# Support tickets\n\n## Source Data\nTickets from 2025.\n\n## Collection Process\nExported from the desk.\n\n## Uses\nTriage models.\n";
    expect(await kindOf("data/tickets/README.md", readme)).toBe("data-card");
    expect(await kindOf("data/tickets2/README.md", "---\nlicense: apache-2.0\ntags: [support]\n---\n# Tickets\n\n## Dataset Summary\nTickets.\n\n## Data Fields\nid, text.\n")).toBe("data-card");
    expect(await kindOf("models/ranker/README.md", "---\nlicense: apache-2.0\n---\n# Ranker\n\nRanks tickets.\n")).toBe("model-card");
  });

  it("reads a --- with no closing line before a title as a thematic break, not broken front matter", async () => {
    const card = "---\n# Alpaca Model Card\n\n## Model details\n**Organization developing the model**\nStanford\n";
    const result = await lintDir(fixture({ "alpaca/model_card.md": card }));
    expect(result.artefacts.map((a) => a.kind)).toEqual(["model-card"]);
    expect(result.findings.filter((f) => f.ruleId.startsWith("parse/"))).toEqual([]);
  });

  it("takes a README written on the Hub's dataset card template, without its front matter, for a data card", async () => {
    expect(await kindOf("data/tweets/README.md", "# spanish-tweets\n\n## Dataset Summary\nTweets.\n\n## Dataset Structure\nOne file.\n")).toBe("data-card");
    expect(await kindOf("data/helpline/README.md", "# Helpline Case Summarization Dataset V1\n\n## Dataset Structure\nCSV.\n")).toBe("data-card");
    expect(await kindOf("tools/loader/README.md", "# Loader\n\n## Dataset Structure\nWhat the loader expects.\n")).toBeUndefined();
  });
});
