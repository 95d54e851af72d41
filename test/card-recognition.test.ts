// Which Markdown files without a card's name or front matter are taken for cards: model READMEs by what they say,
// never a service's README, a validation report or a policy that mentions models.
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
