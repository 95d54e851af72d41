// The block structure of Markdown cards, as CommonMark defines it: what is a heading, what is a label, what is code.
import { describe, expect, it } from "vitest";
import { LineIndex } from "../src/source/line-index.js";
import { readSections } from "../src/source/markdown.js";
import { isGap } from "../src/pipeline/one-per-problem.js";
import { brief, fixture, lintDir } from "./helpers/lint.js";

function sections(text: string, labels = false) {
  return readSections(text, 0, new LineIndex(text), labels).map(
    (s) => `${s.range.start.line}:${s.range.start.column} h${s.level} ${s.title}${s.label ? " (label)" : ""} = ${JSON.stringify(s.content.trim())}`,
  );
}

describe("Markdown sections", () => {
  it("reads ATX and setext headings, with the body up to the next heading of the same level", () => {
    expect(sections("# Card\n\nIntro\n\n## Uses\n\nText\n\nTraining data\n-------------\n\nC4\n")).toEqual([
      '1:1 h1 Card = "Intro\\n\\n## Uses\\n\\nText\\n\\nTraining data\\n-------------\\n\\nC4"',
      '5:1 h2 Uses = "Text"',
      '9:1 h2 Training data = "C4"',
    ]);
  });

  it("reads links, emphasis, code and images inside headings as their text", () => {
    expect(sections("## [Source Data](#source-data)\nA\n## **Out-of-scope** _use_\nB\n## `License`\nC\n## ![logo](x.png) Bias\nD\n").map((s) => s.split(" = ")[0])).toEqual([
      "1:1 h2 Source Data",
      "3:1 h2 Out-of-scope use",
      "5:1 h2 License",
      "7:1 h2 logo Bias",
    ]);
  });

  it("keeps a template's bracketed placeholder as written", () => {
    expect(sections("# Dataset Card for [Dataset Name]\n")).toEqual(['1:1 h1 Dataset Card for [Dataset Name] = ""']);
  });

  it("takes no heading from fenced or indented code, HTML comments or HTML blocks", () => {
    const text = ["# Card", "", "```", "# not a heading", "```", "", "    # indented code", "", "<!--", "## Commented out", "-->", "", "<div>", "## inside HTML", "</div>", "", "## Real", "x"].join(
      "\n",
    );
    expect(sections(text).map((s) => s.split(" = ")[0])).toEqual(["1:1 h1 Card", "17:1 h2 Real"]);
  });

  it("takes a heading inside a list item or block quote for no section of the card", () => {
    expect(sections("# Card\n\n> ## Quoted\n\n- ## Listed\n").map((s) => s.split(" = ")[0])).toEqual(["1:1 h1 Card"]);
  });

  it("reads bold labels and Label: lines of paragraphs as labels, never those in code or tables", () => {
    const text = ["## Uses", "", "**Intended use:** ranking", "Out-of-scope use: medical advice", "", "```", "License: not this one", "```", "", "| Limitations: | none |", "|---|---|"].join("\n");
    expect(sections(text, true)).toEqual([
      '1:1 h2 Uses = "**Intended use:** ranking\\nOut-of-scope use: medical advice\\n\\n```\\nLicense: not this one\\n```\\n\\n| Limitations: | none |\\n|---|---|"',
      '3:1 h8 Intended use (label) = "ranking"',
      '4:1 h8 Out-of-scope use (label) = "medical advice\\n\\n```\\nLicense: not this one\\n```\\n\\n| Limitations: | none |\\n|---|---|"',
    ]);
  });

  it("reads the Key: value lines below a label alone on its line as its content, up to the next such label", () => {
    const text = ["It achieves the following results:", "- Loss: 1.53", "- Rouge1: 34.19", "", "**Training Data**", "Dataset: census", "", "**Limitations**", "Small sample."].join("\n");
    expect(sections(text, true)).toEqual([
      '1:1 h7 It achieves the following results (label) = "- Loss: 1.53\\n- Rouge1: 34.19"',
      '2:1 h8 Loss (label) = "1.53"',
      '3:1 h8 Rouge1 (label) = "34.19"',
      '5:1 h7 Training Data (label) = "Dataset: census"',
      '6:1 h8 Dataset (label) = "census"',
      '8:1 h7 Limitations (label) = "Small sample."',
    ]);
  });

  it("keeps lines and columns with CRLF and lone CR line breaks", () => {
    expect(sections("# A\r\n\r\ntext\r\n  ## B\rmore\r").map((s) => s.split(" = ")[0])).toEqual(["1:1 h1 A", "4:3 h2 B"]);
  });
});

describe("Markdown cards end to end", () => {
  it("finds a concept missing when its only heading is commented out or inside code a commented-out section and a heading in code", async () => {
    const card = [
      "---",
      "license: mit",
      "---",
      "# Model Card for ranker",
      "",
      "<!--",
      "## Limitations",
      "Works everywhere.",
      "-->",
      "",
      "```md",
      "## Bias, Risks, and Limitations",
      "```",
      "",
      "## Uses",
      "Ranks support tickets for triage by the service desk.",
      "",
      "## Training Data",
      "Two years of anonymised support tickets.",
      "",
    ].join("\n");
    const dir = fixture({ "models/ranker/MODEL_CARD.md": card });
    const findings = (await lintDir(dir)).findings.filter((f) => f.pointer === "/limitations");
    expect(brief(findings)).toEqual(["models/ranker/MODEL_CARD.md:2:1 modelcard/required-sections"]);
    expect(findings[0]!.message).toMatch(/^Missing "limitations"/);
  });
});

describe("results in Markdown cards", () => {
  const card = (evaluation: string, frontMatter = "license: mit\n") =>
    `---\n${frontMatter}---\n# Model Card for ranker\n\n## Uses\nRanks tickets.\n\n## Out-of-Scope Use\nNot for staff ratings.\n\n## Training Data\nTickets from 2025.\n\n## Limitations\nEnglish only.\n\n## Evaluation\n${evaluation}\n`;
  const results = async (evaluation: string, frontMatter?: string) =>
    (await lintDir(fixture({ "MODEL_CARD.md": card(evaluation, frontMatter) }))).findings
      .filter((f) => f.ruleId === "modelcard/results-reported")
      .map((f) => `${f.range.start.line} ${f.message.split(":")[0]}`);

  it("asks for values when the evaluation section only names metrics or computes them in code", async () => {
    expect(await results("We report WER and CER on Common Voice.\n\n```python\nwer = 0.5 * x\n```")).toEqual(['18 "evaluation.metrics" (section "Evaluation") names no result']);
  });

  it("takes a decimal, a percentage, a number in a table or model-index results as results", async () => {
    expect(await results("WER 7.3 on Common Voice.")).toEqual([]);
    expect(await results("Top-1 accuracy of 81% on the held-out month.")).toEqual([]);
    expect(await results("| set | BLEU |\n|---|---|\n| test | 41 |")).toEqual([]);
    const index = "model-index:\n  - name: ranker\n    results:\n      - task: { type: text-classification }\n        metrics:\n          - { type: accuracy, value: 0.91 }\n";
    expect(await results("Evaluated on a held-out month of tickets.", index)).toEqual([]);
  });
});

describe("labels alone on their line", () => {
  it("hold the lines below them: results listed under a sentence ending in a colon are results", async () => {
    const card = [
      "---",
      "license: mit",
      "---",
      "# summarization",
      "",
      "Fine-tuned on the Fanpage dataset for abstractive summarisation.",
      "",
      "It achieves the following results:",
      "- Loss: 1.5348",
      "- Rouge1: 34.1882",
      "",
    ].join("\n");
    const findings = (await lintDir(fixture({ "models/sum/MODEL_CARD.md": card }))).findings.filter((f) => f.pointer === "/evaluation/metrics");
    expect(brief(findings)).toEqual([]);
  });

  it("lose a label below them that names another concept: an empty limitations label stays empty", async () => {
    const card = ["# Model Card for ranker", "", "**Limitations**", "[More Information Needed]", "License: MIT", ""].join("\n");
    const findings = (await lintDir(fixture({ "models/ranker/MODEL_CARD.md": card }))).findings.filter((f) => f.pointer === "/limitations");
    expect(findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message.split(".")[0]}`)).toEqual(['3:1 "limitations" (section "Limitations") is empty']);
  });
});

describe("a template's headings pasted without their #", () => {
  it("are read as labels when a line is exactly a concept's phrase, never a line of prose", async () => {
    const card = [
      "Model Card",
      "",
      "Intended Use",
      "",
      "Predicts whether a person earns over 50k.",
      "Training Data",
      "",
      "Census Income Data.",
      "",
      "Metrics",
      "",
      "    Precision: 0.7435",
      "",
      "Caveats and Recommendations",
      "Small sample.",
      "",
      "Uses Python",
      "",
    ].join("\n");
    expect(sections(card, true).filter((s) => s.includes("(label)"))).toEqual([
      '1:1 h7 Model Card (label) = ""',
      '3:1 h7 Intended Use (label) = "Predicts whether a person earns over 50k."',
      '6:1 h7 Training Data (label) = "Census Income Data."',
      '10:1 h7 Metrics (label) = "Precision: 0.7435"',
      '14:1 h7 Caveats and Recommendations (label) = "Small sample.\\n\\nUses Python"',
    ]);
    const findings = (await lintDir(fixture({ "census/model_card.md": card }))).findings.filter(isGap);
    expect(findings.map((f) => f.pointer)).toEqual(["/bias_considerations", "/human_oversight", "/license", "/out_of_scope_use"]);
  });
});

describe("what a dataset card's section must hold to count", () => {
  const datasheet = (distribution: string) =>
    `# Datasheet for tickets\n\n## Composition\n\nTickets sent to the service desk in 2025, collected from the ticketing system.\n\n## Distribution\n\n${distribution}\n`;
  const licence = async (text: string) =>
    (await lintDir(fixture({ "DATASHEET.md": text }))).findings.filter((f) => f.pointer === "/license").map((f) => `${f.range.start.line} ${f.message.split(".")[0]}`);

  it("takes a datasheet's italic instruction, code alone, or a licence said to be unknown for no answer", async () => {
    expect(await licence(datasheet("### Will the dataset be distributed under a license?\n\n_If so, please describe this license and provide a link._"))).toEqual([
      '9 "license" (section "Will the dataset be distributed under a license?") is empty',
    ]);
    expect(await licence(datasheet("### License\n\n```\nSee LICENSE\n```"))).toEqual(['9 "license" (section "License") is empty']);
    expect(await licence(datasheet("### Licensing Information\n\nThe licensing status of the data is unclear."))).toEqual(['9 "license" (section "Licensing Information") is empty']);
  });

  it("reads a numbered bold question as a label, and a licence named in its answer", async () => {
    const question =
      '4. **Will the dataset be distributed under a copyright or other intellectual property (IP) license, and/or under applicable terms of use (ToU)?** If so, please describe it.\n\n    All data is free to use under "Creative Commons Attribution 4.0 International".';
    expect(await licence(datasheet(question))).toEqual([]);
    expect(await licence(datasheet("### Licensing Information\n\nThe licensing status is unclear for the forum posts; the annotations are CC-BY-4.0."))).toEqual([]);
  });
});

describe("subsections about another concept", () => {
  it("do not fill a section: evaluation results under Training Details are no training data", async () => {
    const text = ["# Training Details", "", "## Hyperparameters", "", "```", "epochs = 4", "```", "", "## Evaluation Results", "", "Exact match 76.1 and F1 79.5 on the SQuAD 2.0 dev set.", ""].join(
      "\n",
    );
    const findings = (await lintDir(fixture({ "models/qa/MODEL_CARD.md": text }))).findings.filter((f) => f.pointer === "/training_data");
    expect(findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message.split(".")[0]}`)).toEqual(['1:1 "training_data" (section "Training Details") is empty']);
  });
});

describe("headings that name a concept only loosely", () => {
  const at = async (file: string, text: string, pointer: string) =>
    (await lintDir(fixture({ [file]: text }))).findings.filter((f) => f.pointer === pointer).map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message.split(".")[0]}`);

  it("take a Training Details section of hyperparameters for no training data", async () => {
    const card = "# Model Card for Q\n\n## Training Details\n\n- learning_rate: 2e-05\n- current checkpoint: 566000\n";
    expect(await at("models/q/MODEL_CARD.md", card, "/training_data")).toEqual(['1:1 Missing "training_data" (section "Training Data")']);
    expect(await at("models/q/MODEL_CARD.md", `${card}- trained on the CC-News corpus\n`, "/training_data")).toEqual([]);
  });

  it("judge the parts of a heading joined by 'and' apart", async () => {
    const card = "# Model Card for Q\n\n## Training and evaluation data\n\nMore information needed\n\n## Training procedure\n\n- learning_rate: 2e-05\n";
    expect(await at("models/q/MODEL_CARD.md", card, "/training_data")).toEqual(['3:1 "training_data" (section "Training and evaluation data") is empty']);
  });

  it("take the Hub template's Collection and Normalization section, when it only names the source, for no preparation", async () => {
    const card = [
      "# Dataset Card for Reviews",
      "",
      "## Dataset Creation",
      "",
      "#### Initial Data Collection and Normalization",
      "",
      "Product reviews from a popular e-commerce marketplace.",
      "",
      "#### Annotation process",
      "",
      "[More Information Needed]",
      "",
    ].join("\n");
    expect(await at("data/reviews/DATASHEET.md", card, "/preparation")).toEqual(['9:1 "preparation" (section "Annotation process") is empty']);
    const normalised = card.replace("marketplace.", "marketplace, lower-cased and deduplicated.");
    expect(await at("data/reviews/DATASHEET.md", normalised, "/preparation")).toEqual([]);
  });
});

describe("front matter that answers a concept", () => {
  it("takes a Hub task among the tags as the intended use, read even when another key of the front matter is broken", async () => {
    const card = "---\ntags:\n  - automatic-speech-recognition\nmodel-index:\n  - name: x\n     results: []\n---\n# Model Card for Q\n\nFine-tuned on Common Voice.\n";
    const result = await lintDir(fixture({ "models/q/MODEL_CARD.md": card }));
    expect(brief(result.findings.filter((f) => f.ruleId === "parse/syntax" || f.pointer === "/intended_use"))).toEqual(["models/q/MODEL_CARD.md:5:11 parse/syntax"]);
    const blog = card.replace("automatic-speech-recognition", "blog");
    expect(brief((await lintDir(fixture({ "models/q/MODEL_CARD.md": blog }))).findings.filter((f) => f.pointer === "/intended_use"))).toEqual([
      "models/q/MODEL_CARD.md:1:1 modelcard/required-sections",
    ]);
  });

  it("counts a statement about real people's photos or privacy as a risk to people", async () => {
    const card = "# Model Card for Q\n\n## Limitations\n\nThe training photos of real people may have been memorised.\n";
    const result = await lintDir(fixture({ "models/q/MODEL_CARD.md": card }));
    expect(result.findings.filter((f) => f.pointer === "/bias_considerations")).toEqual([]);
  });
});
