// The vocabulary cards are read with (src/source/card-concepts.json), as authors outside the Hub's English template
// write: headings in other languages, provenance told in one section, restrictions and licences said in a sentence.
// Each case is a small card and the exact gaps aimslint reports in it.
import { describe, expect, it } from "vitest";
import { isGap } from "../src/pipeline/one-per-problem.js";
import { fixture, lintDir } from "./helpers/lint.js";

/** The card's gaps (missing, empty), as `line:column pointer`. */
async function gaps(file: string, text: string): Promise<string[]> {
  const { findings } = await lintDir(fixture({ [file]: text }));
  return findings.filter(isGap).map((f) => `${f.range.start.line}:${f.range.start.column} ${f.pointer}`);
}

describe("headings in other languages", () => {
  it("answer a French data card's concepts", async () => {
    const card = [
      "# Fiche descriptive du corpus de spams",
      "",
      "## Source des données",
      "Messages écrits par l'équipe à partir de gabarits.",
      "",
      "## Collecte des données",
      "Les textes sont générés par combinaison de gabarits.",
      "",
      "## Prétraitement",
      "Doublons retirés.",
      "",
      "## Utilisation prévue",
      "Comparer des classifieurs de spams.",
      "",
      "## Limites",
      "Messages courts uniquement.",
      "",
      "## Confidentialité et droit d'utilisation",
      "Aucune donnée personnelle réelle. Distribué sous licence CC BY 4.0.",
      "",
    ].join("\n");
    expect(await gaps("data/spam/DATASET_CARD.md", card)).toEqual([]);
  });

  it("answer a Russian model card's concepts, and what it lacks is still reported", async () => {
    const card = [
      "---",
      "license: mit",
      "---",
      "# Model Card: прогноз исходов",
      "",
      "## Назначение",
      "Помощь врачам в оценке рисков.",
      "",
      "## Обучающие данные",
      "Открытый набор данных клиники Мэйо.",
      "",
      "## Метрики",
      "Точность 0.81.",
      "",
      "## Ограничения",
      "Малая выборка.",
      "",
    ].join("\n");
    expect(await gaps("models/cirrhosis/model_card.md", card)).toEqual(["2:1 /bias_considerations", "2:1 /human_oversight", "2:1 /out_of_scope_use"]);
  });
});

describe("provenance told in one section", () => {
  const card = (section: string, personal = "## Personal Information\nNone: dictionary entries only.") =>
    `# Dataset card for idioms\n\n## Uses\nIdiom detection.\n\n${section}\n\n${personal}\n\n## Limitations\nEnglish only.\n\n## License\nCC BY-SA 4.0\n`;

  it("takes a source reached through another service for how the data was obtained", async () => {
    expect(await gaps("data/idioms/data_card.md", card("## Source Data\n- Wiktionary (via Kaikki.org)\n- WordNet"))).toEqual(["1:1 /preparation"]);
  });

  it("takes a Provenance or Creation Process section for both where the data comes from and how it was obtained", async () => {
    expect(await gaps("data/idioms/data_card.md", card("## Provenance\nRaw interviews, transcribed and then redacted."))).toEqual([]);
    expect(await gaps("data/idioms/data_card.md", card("## Creation Process\nWritten by the team with AI-assisted drafting."))).toEqual(["1:1 /preparation"]);
  });

  it("takes where the data comes from for how it was obtained, unless the card left a place for that empty", async () => {
    expect(await gaps("data/idioms/data_card.md", card("## Source Data\nTweets by 120 journalists."))).toEqual(["1:1 /preparation"]);
    const template = "## Source Data\nTweets by 120 journalists.\n\n### Initial Data Collection and Normalization\n[More Information Needed]";
    expect(await gaps("data/idioms/data_card.md", card(template))).toEqual(["9:1 /preparation", "9:1 /acquisition_method"]);
  });

  it("still reports a source section that holds only template filler", async () => {
    expect(await gaps("data/idioms/data_card.md", card("## Source Data\n[More Information Needed]"))).toEqual(["1:1 /preparation", "1:1 /acquisition_method", "6:1 /source"]);
  });

  it("takes consent and de-identification for a statement on personal data", async () => {
    const source = "## Source Data\nInterviews collected by the research team.";
    expect(await gaps("data/interviews/DATASHEET.md", card(source, "## Ethics and consent\nParticipants agreed to public release."))).toEqual(["1:1 /preparation"]);
    expect(await gaps("data/interviews/DATASHEET.md", card(source, "Transcripts were de-identified before release."))).toEqual(["1:1 /preparation"]);
    expect(await gaps("data/interviews/DATASHEET.md", card(source, ""))).toEqual(["1:1 /personal_data", "1:1 /preparation"]);
  });
});

describe("statements in a sentence", () => {
  const card = (extra: string) =>
    `# Model Card\n\n## Intended Use\nRanks tickets.\n\n## Training Data\nTickets from 2025.\n\n## Evaluation\nAccuracy 0.91.\n\n## Limitations\nEnglish only.\n\n## Bias\nNot audited for dialects.\n\n## Human oversight\nAgents review every ranking.\n\n${extra}\n`;

  it("takes a research-only restriction for an out-of-scope statement", async () => {
    expect(await gaps("models/ranker/model_card.md", card("This model is for research purposes only.\n\nLicensed under the MIT License."))).toEqual([]);
  });

  it("takes a Creative Commons licence named in a link for the licence", async () => {
    expect(await gaps("models/ranker/model_card.md", card("Not for commercial use.\n\n* [Creative Commons Attribution-NonCommercial-NoDerivs 3.0 License](LICENSE.txt)"))).toEqual([]);
    expect(await gaps("models/ranker/model_card.md", card("Not for commercial use."))).toEqual(["1:1 /license"]);
  });
});

describe("more statements in a sentence", () => {
  const model = (extra: string) => `# Model Card\n\n## Training Data\nTickets from 2025.\n\n## Limitations\nEnglish only.\n\n## Bias\nNot audited for dialects.\n\n## License\nMIT\n\n${extra}\n`;

  it("reads purpose, restriction, results and oversight from prose", async () => {
    const prose = [
      "This model was fine-tuned for classification of toxicity in Russian comments.",
      "It is not a substitute for a moderator's judgement.",
      "It reaches around 14 perplexity on a held-out set.",
      "Comments it scores as toxic are routed to the moderation team for review.",
    ].join(" ");
    expect(await gaps("models/toxicity/model_card.md", model(prose))).toEqual([]);
    expect(await gaps("models/toxicity/model_card.md", model("It scores comments."))).toEqual(["1:1 /human_oversight", "1:1 /evaluation/metrics", "1:1 /intended_use", "1:1 /out_of_scope_use"]);
  });

  it("reads a content warning as a known issue of the data, a data use agreement as its licence, and re-identification as a personal-data statement", async () => {
    const card = (extra: string) => `# Dataset Card for chats\n\n## Source Data\nChats collected from our support desk.\n\n## Preprocessing\nDeduplicated.\n\n${extra}\n`;
    const warning = "The data contain content that may be offensive or upsetting. It is shared under a data use agreement: users must not attempt to re-identify participants.";
    expect(await gaps("data/chats/DATASHEET.md", card(warning))).toEqual([]);
    expect(await gaps("data/chats/DATASHEET.md", card("Chats in English."))).toEqual(["1:1 /bias", "1:1 /personal_data", "1:1 /license"]);
  });

  it("reads how data was obtained and prepared, and a statement that it holds no personal data, in the passive or the first person", async () => {
    const card = (extra: string) => `# Dataset Card for tweets\n\n## Limitations\nSpanish only.\n\n## License\nCC BY 4.0\n\n${extra}\n`;
    const prose = "The timeline of each account was downloaded. We only kept tweets marked as Spanish. No personal or human-subject data is included beyond public posts.";
    expect(await gaps("data/tweets/data_card.md", card(prose))).toEqual([]);
    expect(await gaps("data/tweets/data_card.md", card("Tweets."))).toEqual(["1:1 /personal_data", "1:1 /preparation", "1:1 /acquisition_method", "1:1 /source"]);
  });

  it("reads a model's purpose, a limitation, an R² and a call to check its outputs from prose", async () => {
    const card = (extra: string) => `# Model Card\n\n## Training Data\nDaily prices, 2015-2024.\n\n## Bias\nNot audited.\n\n## License\nMIT\n\nNot for real-world trading decisions.\n\n${extra}\n`;
    const prose = "A simple means to predict stock prices. It lacks consideration for external factors. It reaches an R² value of 0.9462 on 2024. Always validate outputs with a second source.";
    expect(await gaps("models/stocks/model_card.md", card(prose))).toEqual([]);
    expect(await gaps("models/stocks/model_card.md", card("Linear regression."))).toEqual(["1:1 /human_oversight", "1:1 /evaluation/metrics", "1:1 /intended_use", "1:1 /limitations"]);
  });

  it("reads statements in other languages, and through emphasis", async () => {
    const card = (extra: string) => `# Model Card\n\n## Training Data\nTickets from 2025.\n\n## Evaluation\nAccuracy 0.91.\n\n## License\nMIT\n\n${extra}\n`;
    const statements = [
      "El modelo está diseñado para clasificar tickets.",
      "O modelo **não** substitui aconselhamento profissional.",
      "本モデルの出力の正確性について保証をするものではありません。",
      "学習データの偏りに由来する偏った出力が生じる可能性があります。",
      "Ausgaben erfordern menschliche Überprüfung.",
    ].join("\n\n");
    expect(await gaps("models/tickets/model_card.md", card(statements))).toEqual([]);
    expect(await gaps("models/tickets/model_card.md", card("Modelo de tickets."))).toEqual([
      "1:1 /bias_considerations",
      "1:1 /human_oversight",
      "1:1 /intended_use",
      "1:1 /limitations",
      "1:1 /out_of_scope_use",
    ]);
  });

  it("reads a model meant to support people, not replace them, as oversight, and what it may not generalise to as a limitation", async () => {
    const card = (extra: string) =>
      `# Model Card\n\n## Intended Use\nFlags chest X-rays.\n\n## Out-of-Scope Use\nNot for diagnosis.\n\n## Training Data\nCheXpert.\n\n## Evaluation\nAUC 0.91.\n\n## Bias\nNot audited by sex.\n\n## License\nMIT\n\n${extra}\n`;
    const prose = "It is intended to support, not replace, expert clinical judgement. It may not generalize to other hospitals' scanners.";
    expect(await gaps("models/xray/model_card.md", card(prose))).toEqual([]);
    expect(await gaps("models/xray/model_card.md", card("DenseNet-121."))).toEqual(["1:1 /human_oversight", "1:1 /limitations"]);
  });

  it("reads a Turkish data card's headings", async () => {
    const card =
      "# Deprem veri kartı\n\n## Kaynak\nUSGS ve EMSC kataloglarından derlendi.\n\n## Veri toplama\nAPI ile indirildi.\n\n## Ön işleme\nTekrarlar silindi.\n\n## Kişisel veri\nYok.\n\n## Bilinen sınırlamalar\nEksik kayıtlar.\n\n## Lisans\nCC BY 4.0\n";
    expect(await gaps("data/deprem/DATA_CARD.md", card)).toEqual([]);
  });

  it("reads a line that starts with what the model does as its purpose, and a Japanese research-only restriction", async () => {
    const card = (extra: string) => `# Model Card\n\n## Training Data\nDefect reports.\n\n## Evaluation\nF1 0.81.\n\n## Limitations\nEnglish only.\n\n${extra}\n`;
    expect(await gaps("models/defects/model_card.md", card("Defect Severity Classification: Predicts the severity level of a report.\n\n再配布不可・研究用途限定です。"))).toEqual([
      "1:1 /bias_considerations",
      "1:1 /human_oversight",
      "1:1 /license",
    ]);
    expect(await gaps("models/defects/model_card.md", card("A severity model."))).toEqual([
      "1:1 /bias_considerations",
      "1:1 /human_oversight",
      "1:1 /license",
      "1:1 /intended_use",
      "1:1 /out_of_scope_use",
    ]);
  });
});
