// What the rules see of a Markdown model or dataset card: its front matter, then, for each concept the front matter
// does not answer, the section whose heading (or bold label) names it, then front-matter keys of the Hub formats
// that answer a concept in their own way (`model-index` results, `datasets`, `licenses`, task tags), then a statement
// of the concept anywhere in the text. Each concept filled this way gets a position, so findings point where the
// author would add the content.
import { CARD_CONCEPTS, type CardConcept, conceptPattern, MAY_HOLD_LABEL, readBody, readSections, sectionFields, withoutFencedCode } from "./markdown.js";
import hubTasks from "./hub-tasks.json" with { type: "json" };
import { licenceIds } from "./licence-names.js";
import { LINE } from "./markdown-blocks.js";
import { syntheticKey, type PathSegment } from "./locator.js";
import type { ParsedDocument } from "./parse.js";
import { isPlaceholder } from "../util/placeholder.js";
import type { Range } from "../core/finding.js";

type Kind = "model-card" | "data-card";

export function cardView(doc: ParsedDocument, kind: string, record: Record<string, unknown>): Record<string, unknown> {
  if (!doc.sections || (kind !== "model-card" && kind !== "data-card")) return record;
  const table = CARD_CONCEPTS[kind];
  const view: Record<string, unknown> = { ...record };
  const set = (path: readonly PathSegment[], value: unknown, range: Range | undefined) => {
    const [head, ...rest] = path as [string, ...PathSegment[]];
    if (rest.length === 0) view[head] = value;
    else {
      // Never write into the front matter's own objects: they are what the schema validates.
      const own = view[head];
      const holder = (view[head] = own !== null && typeof own === "object" && !Array.isArray(own) ? { ...(own as Record<string, unknown>) } : {}) as Record<string, unknown>;
      holder[String(rest[0])] = value;
    }
    if (range) {
      doc.locator.synthetic.set(syntheticKey(path), range);
      if (rest.length > 0 && !doc.locator.synthetic.has(head)) doc.locator.synthetic.set(head, range);
    }
  };
  // A card is read again with its labels; findings then name the label or heading the author used.
  const labelled = MAY_HOLD_LABEL.test(doc.source.text.slice(doc.bodyStart ?? 0));
  const sections = labelled ? readSections(doc.source.text, doc.bodyStart ?? 0, doc.source.lines, true) : doc.sections;
  doc.sections = sections;
  // The Hub's older dataset cards write `licenses`: it is the front matter's licence all the same.
  if (!Object.hasOwn(record, "license") && informative(record["licenses"])) set(["license"], record["licenses"], doc.locator.locate(["licenses"]).range);
  const licenceInFrontMatter = view["license"] !== undefined;
  const hub = hubEvidence(kind, record);
  for (const field of sectionFields(sections, table)) {
    const { concept } = field;
    const [head] = concept.path;
    // The licence the card's own licence section names, compared with the front matter's (card/license-consistent).
    if (head === "license" && !field.empty && licenceInFrontMatter) {
      const named = licenceIds(field.content);
      if (named.length === 1) set(["license_in_text"], named[0], field.section.range);
    }
    if (view[String(head)] !== undefined && Object.hasOwn(record, String(head))) continue;
    if (head === "license" && licenceInFrontMatter) continue;
    let value = field.empty ? "" : field.content.trim();
    // Results are values, and a code block that computes them is none. A results section without one, when the card
    // states results elsewhere (`model-index`, "accuracy >96% across all races" under Bias and Fairness), is
    // answered by that.
    const values = conceptPattern(concept, "values");
    if (value !== "" && values && !values.test(withoutFencedCode(value))) {
      const fromHub = hub.find(([path]) => path.join(".") === concept.path.join("."))?.[1];
      const elsewhere = typeof fromHub === "string" ? fromHub : concept.mentions ? mentions(doc, [concept]).get(concept)?.text : undefined;
      value = elsewhere ? `${withoutFencedCode(value)}\n${elsewhere}` : withoutFencedCode(value);
    }
    set(concept.path, value, field.section.range);
  }
  for (const [path, value] of hub) if (!answered(view, path)) set(path, value, undefined);
  // The card's first top-level heading is its title, unless the front matter gives one.
  const heading = sections.find((s) => s.level === 1 && !s.label);
  if (heading && view["title"] === undefined) set(["title"], heading.title, heading.range);
  const unanswered = table.filter((c) => c.mentions && !answered(view, c.path));
  if (unanswered.length > 0) for (const [concept, found] of mentions(doc, unanswered)) set(concept.path, found.text, found.range);
  // A dataset card tells its provenance in one breath: where the data comes from ("tweets of 120 journalists") or how
  // it was gathered ("downloaded from the HHS open-data portal") says the other half too, unless the card has a
  // place for that half and left it empty (the template's "Initial Data Collection" with nothing under it).
  if (kind === "data-card") for (const [from, to] of PROVENANCE_HALVES) if (answered(view, [from]) && view[to] === undefined) set([to], view[from], doc.locator.synthetic.get(syntheticKey([from])));
  return view;
}

const PROVENANCE_HALVES = [
  ["source", "acquisition_method"],
  ["acquisition_method", "source"],
] as const;

function answered(view: Record<string, unknown>, path: readonly PathSegment[]): boolean {
  let v: unknown = view;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[p as string] : undefined;
  if (typeof v === "string") return v.trim() !== "" && !isPlaceholder(v);
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

/** A string, or a list holding one, that is not template filler. */
function informative(v: unknown): v is unknown[] | string {
  return (typeof v === "string" && !isPlaceholder(v)) || (Array.isArray(v) && v.some((x) => typeof x === "string" && !isPlaceholder(x)));
}

/** Hub front-matter keys that answer a concept without naming it. */
function hubEvidence(kind: Kind, fm: Record<string, unknown>): [PathSegment[], unknown][] {
  const out: [PathSegment[], unknown][] = [];
  if (kind === "model-card") {
    const results = modelIndexResults(fm["model-index"]);
    if (results.length > 0) out.push([["evaluation", "metrics"], `model-index results: ${results.join(", ")}`]);
    if (informative(fm["datasets"])) out.push([["training_data"], fm["datasets"]]);
    // The task a model is published for (the Hub's pipeline_tag, a model-index task, a task among its tags) says
    // what it is for.
    const task = fm["pipeline_tag"] ?? modelIndexTask(fm["model-index"]) ?? taskTag(fm["tags"]);
    if (informative(task)) out.push([["intended_use"], task]);
  } else {
    const sources = fm["source_datasets"];
    // "original" says only that the data is not derived from another dataset, not where it comes from.
    if (Array.isArray(sources) && sources.some((s) => typeof s === "string" && s !== "original" && !isPlaceholder(s))) out.push([["source"], sources]);
    const tasks = fm["task_categories"] ?? fm["task_ids"];
    if (informative(tasks)) out.push([["intended_use"], tasks]);
  }
  return out;
}

const HUB_TASKS: ReadonlySet<string> = new Set(hubTasks.tasks);

function taskTag(tags: unknown): string | undefined {
  return Array.isArray(tags) ? tags.find((t): t is string => typeof t === "string" && HUB_TASKS.has(t)) : undefined;
}

function modelIndexTask(index: unknown): string | undefined {
  if (!Array.isArray(index)) return undefined;
  for (const model of index) {
    for (const r of ((model as { results?: unknown })?.results as unknown[] | undefined) ?? []) {
      const task = (r as { task?: { name?: unknown; type?: unknown } })?.task;
      const name = task?.name ?? task?.type;
      if (typeof name === "string") return name;
    }
  }
  return undefined;
}

/** The metric values the Hub's `model-index` reports, as "accuracy 0.910" (always with decimals: a result's value). */
function modelIndexResults(index: unknown): string[] {
  const out: string[] = [];
  if (!Array.isArray(index)) return out;
  for (const model of index) {
    const results = (model as { results?: unknown })?.results;
    if (!Array.isArray(results)) continue;
    for (const r of results) {
      const metrics = (r as { metrics?: unknown })?.metrics;
      if (!Array.isArray(metrics)) continue;
      for (const m of metrics) {
        const { type, value } = (m ?? {}) as { type?: unknown; value?: unknown };
        if (typeof value === "number" && out.length < 20) out.push(`${typeof type === "string" ? type : "metric"} ${value.toFixed(3)}`);
      }
    }
  }
  return out;
}

/** Emphasis markers at a word's edge: `**not**`, `__never__`. */
const EMPHASIS = /\*{1,3}(?=\S)|(?<=\S)\*{1,3}|_{2,3}(?=\S)|(?<=\S)_{2,3}/g;

/** The first statement of each concept in the body: lines outside headings, code and comments (blanked). */
function mentions(doc: ParsedDocument, concepts: readonly CardConcept[]): Map<CardConcept, { text: string; range: Range }> {
  const found = new Map<CardConcept, { text: string; range: Range }>();
  const { lines } = doc.source;
  const { text, blocks } = readBody(doc.source.text, doc.bodyStart ?? 0, lines);
  const { kinds } = blocks;
  let pending: { concept: CardConcept; at: { text: string; range: Range } }[] = [];
  for (let n = lines.position(doc.bodyStart ?? 0).line; n < kinds.length && found.size < concepts.length; n++) {
    // Code, headings, blank lines, and table-of-contents entries (a list item that is only a link to a heading) state nothing.
    if (kinds[n] === LINE.CODE || kinds[n] === LINE.HEADING) continue;
    const start = lines.lineStart(n);
    const line = text.slice(start, lines.lineEnd(start));
    if (line.trim() === "" || /^\s*(?:[-*+]|\d+\.)\s+\[[^\]]*\]\(#[^)]*\)\s*$/.test(line)) continue;
    // A template's question ("Is it possible to identify individuals?") states nothing until it is answered: its
    // concepts count once the next line that says something is not another question.
    const answers = pending;
    pending = [];
    const isQuestion = line.trimEnd().endsWith("?");
    if (!isQuestion && !isPlaceholder(line)) for (const a of answers) if (!found.has(a.concept)) found.set(a.concept, a.at);
    // Emphasis inside a statement ("**not** a substitute for") does not change what it says.
    const plain = line.includes("*") || line.includes("__") ? line.replace(EMPHASIS, "") : line;
    for (const concept of concepts) {
      if (found.has(concept)) continue;
      if (!conceptPattern(concept, "mentions")?.test(plain)) continue;
      const at = { text: line.trim(), range: lines.range(start, start + line.length) };
      if (isQuestion) pending.push({ concept, at });
      else found.set(concept, at);
    }
    if (isQuestion) for (const a of answers) pending.push(a);
  }
  return found;
}
