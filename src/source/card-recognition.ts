// Which Markdown file is a card when neither its name, its front matter nor a declared kind says so: one whose
// headings read like a card, or one that describes a trained model the way model READMEs do. The signs are data
// (card-concepts.json, card-recognition.json); docs/card-concepts.md says how they combine.
import { CARD_CONCEPTS, namesConcept, normaliseHeading, type Section } from "./markdown.js";
import signs from "./card-recognition.json" with { type: "json" };

type Kind = "model-card" | "data-card";

/**
 * The kind of card a Markdown file is by what it says, from the surest sign to the loosest: its title, the Hub's
 * dataset template, headings that read like a card, a model README's content. Undefined: not a card.
 */
export function cardBySections(sections: readonly Section[], body: string): { kind: Kind; by: "title" | "headings" | "content" } | undefined {
  const titled = cardByTitle(sections);
  if (titled) return { kind: titled, by: "title" };
  if (dataCardByTemplate(sections)) return { kind: "data-card", by: "headings" };
  const headed = cardByHeadings(sections);
  if (headed) return { kind: headed, by: "headings" };
  return modelCardByContent(sections, body) ? { kind: "model-card", by: "content" } : undefined;
}

/** Whether a Markdown file's headings are a dataset card's: the Hub's dataset template, or a data card's concepts. */
export function headingsOfDataCard(sections: readonly Section[]): boolean {
  return dataCardByTemplate(sections) || cardByHeadings(sections) === "data-card";
}

/**
 * A Markdown file whose headings read like a card, whatever its name (README.md, description.md): its headings name
 * at least three concepts of one kind of card, one of them what defines that kind — the data a model was trained or
 * evaluated on (a system's transparency note has uses, evaluation and limitations too), where a dataset comes from
 * and how it was collected — so that a policy or a software README with
 * "Purpose", "Scope" and "Limitations" is not taken for one.
 */
function cardByHeadings(sections: readonly Section[]): Kind | undefined {
  const headings = sections.filter((s) => !s.label).map((s) => normaliseHeading(s.title));
  // The bare word "data" names training data in a model card, but says too little to tell a card from another document.
  const named = (kind: Kind, minimum: number) =>
    CARD_CONCEPTS[kind].filter((c) => DEFINING[kind].has(c.path.join(".")) || CORE[kind].has(c.path.join("."))).filter((c) => headings.some((h) => namesConcept(h, c) >= minimum));
  const best = (["model-card", "data-card"] as const)
    .map((kind) => ({ kind, concepts: named(kind, 1), defining: named(kind, 5).filter((c) => DEFINING[kind].has(c.path.join("."))) }))
    .filter(({ concepts, defining }) => concepts.length >= 3 && defining.length > 0)
    .sort((a, b) => b.concepts.length - a.concepts.length)[0];
  return best?.kind;
}

/**
 * A Markdown file whose title says what it is: "Model Card for X", "Model Card: X", "X Model Card", "Dataset Card
 * for X", "Datasheet for X". A page about cards ("Building a model card", "Model card template") is not one.
 */
function cardByTitle(sections: readonly Section[]): Kind | undefined {
  const title = sections.find((s) => s.level === 1 && !s.label)?.title.trim();
  if (!title || ABOUT_CARDS.test(title)) return undefined;
  if (MODEL_CARD_TITLE.test(title)) return "model-card";
  if (DATA_CARD_TITLE.test(title)) return "data-card";
  return undefined;
}

/**
 * A dataset's README written on the Hub's dataset card template, without its front matter (a copy kept on GitHub):
 * two of the template's own headings ("Dataset Structure", "Data Fields", "Data Splits"…), or one under a title that
 * names a dataset or corpus ("Helpline Case Summarization Dataset V1").
 */
function dataCardByTemplate(sections: readonly Section[]): boolean {
  let template = 0;
  for (const s of sections) if (!s.label && DATASET_TEMPLATE.has(normaliseHeading(s.title))) template++;
  if (template >= 2) return true;
  const title = sections.find((s) => s.level === 1 && !s.label);
  return template === 1 && title !== undefined && DATASET_TITLE.test(normaliseHeading(title.title));
}

const DATASET_TEMPLATE: ReadonlySet<string> = new Set(signs.datasetTemplate);
const DATASET_TITLE = new RegExp(signs.datasetTitle, "i");

const MODEL_CARD_TITLE = /^model[-_ ]?card\b(?!s)|\bmodel[-_ ]?card$/i;
const DATA_CARD_TITLE = /^(?:data(?:set)?[-_ ]?card|data[-_ ]?sheet)\b(?!s)|\b(?:data(?:set)?[-_ ]?card|data[-_ ]?sheet)$/i;
const ABOUT_CARDS = /\b(?:templates?|how to|building|creating|writing|guide|guidelines|about|generator|toolkit)\b/i;

const DEFINING: Record<Kind, ReadonlySet<string>> = {
  "model-card": new Set(["training_data", "evaluation.data"]),
  "data-card": new Set(["source", "acquisition_method"]),
};
const CORE: Record<Kind, ReadonlySet<string>> = {
  "model-card": new Set(["intended_use", "out_of_scope_use", "limitations", "bias_considerations", "model_details", "evaluation.metrics"]),
  "data-card": new Set(["preparation", "personal_data", "bias", "intended_use"]),
};

const compile = (sources: readonly string[], flags = "i") => new RegExp(sources.join("|"), flags);
const IDENTITY = compile(signs.identity);
const TRAINING = compile(signs.training);
const RESULTS = compile(signs.results, "im");
const ARCHITECTURE = compile(signs.architecture);

/**
 * A README of a model repository without front matter (the model_cards/ folder of older transformers releases,
 * Azure's description.md, a GitHub model repository): a model card when it shows three kinds of sign of a trained
 * model — card headings (up to two), a model's name as its title (`longformer-base-4096`, `ChatGLM-6B`), training
 * (`pretrained on`, checkpoints, weights), results (a metric table or values), an architecture (transformer, LLM) —
 * one of them training or results, and fewer headings of software documentation (installation, configuration,
 * endpoints…) than of a card.
 */
function modelCardByContent(sections: readonly Section[], body: string): boolean {
  const headings = sections.filter((s) => !s.label).map((s) => normaliseHeading(s.title));
  const concepts = CARD_CONCEPTS["model-card"].filter((c) => headings.some((h) => namesConcept(h, c) > 0)).length;
  const software = headings.filter((h) => signs.software.some((p) => ` ${h} `.includes(` ${p} `))).length;
  if (software >= 2 && software > concepts) return false;
  const title = sections.find((s) => s.level === 1 && !s.label) ?? sections.find((s) => !s.label);
  let score = Math.min(concepts, 2) + (title && IDENTITY.test(title.title) ? 1 : 0);
  // The cheap signs first: most Markdown files of a repository (procedures, reports) stop here.
  if (score === 0) return false;
  const trained = TRAINING.test(body);
  const results = RESULTS.test(body);
  if (!trained && !results) return false;
  score += (trained ? 1 : 0) + (results ? 1 : 0) + (ARCHITECTURE.test(body) ? 1 : 0);
  return score >= 3;
}
