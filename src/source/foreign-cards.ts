// Model cards in formats of their own: Model Card Toolkit JSON (`model_details`, `model_parameters`,
// `quantitative_analysis`, `considerations`) and the `modelCard` of a CycloneDX ML-BOM component. Each is read into
// the model-card fields the rules check, with the positions of the original fields, so that what it says counts as
// evidence and what it lacks is reported where its author would add it, under the format's own field name.
import type { Range } from "../core/finding.js";
import { isPlaceholder } from "../util/placeholder.js";
import { CARD_CONCEPTS, conceptPattern } from "./markdown.js";
import { type PathSegment, syntheticKey } from "./locator.js";
import type { ParsedDocument } from "./parse.js";

export interface ForeignCard {
  /** The format's name, as findings show it. */
  format: string;
  /** For each model-card field (dotted, as messages show it), where the format keeps it, as findings say it. */
  labels: Map<string, string>;
}

/** Our field, the format's fields that hold it (the first found), or, when it has none, the one to say it in. */
type Mapping = [ours: string, theirs: string[][], sayItIn?: string[]];

/** Model Card Toolkit (schema 0.0.1 to 0.0.2): `model_parameters.data` is a list, or `train` and `eval` splits. */
const MCT: Mapping[] = [
  ["title", [["model_details", "name"]]],
  ["out_of_scope_use", [], ["considerations", "limitations"]],
  ["human_oversight", [], ["considerations", "ethical_considerations"]],
  ["intended_use", [["considerations", "use_cases"]]],
  ["intended_users", [["considerations", "users"]]],
  [
    "training_data",
    [
      ["model_parameters", "data", "train"],
      ["model_parameters", "data"],
    ],
  ],
  ["evaluation.data", [["model_parameters", "data", "eval"]]],
  ["evaluation.metrics", [["quantitative_analysis", "performance_metrics"]]],
  ["limitations", [["considerations", "limitations"]]],
  ["bias_considerations", [["considerations", "ethical_considerations"]]],
  ["license", [["model_details", "licenses"]]],
];

/** CycloneDX 1.5+ `components[].modelCard`; the licence is the component's. */
const CYCLONEDX: Mapping[] = [
  ["out_of_scope_use", [], ["considerations", "technicalLimitations"]],
  ["human_oversight", [], ["considerations", "ethicalConsiderations"]],
  [
    "intended_use",
    [
      ["considerations", "useCases"],
      ["modelParameters", "task"],
    ],
  ],
  ["intended_users", [["considerations", "users"]]],
  ["training_data", [["modelParameters", "datasets"]]],
  ["evaluation.metrics", [["quantitativeAnalysis", "performanceMetrics"]]],
  ["limitations", [["considerations", "technicalLimitations"]]],
  [
    "bias_considerations",
    [
      ["considerations", "ethicalConsiderations"],
      ["considerations", "fairnessAssessments"],
    ],
  ],
  ["license", [["..", "licenses"]]],
];

/** A Model Card Toolkit document: `model_details` and at least one other of its sections. */
export function isModelCardToolkit(record: Record<string, unknown>): boolean {
  return isObject(record["model_details"]) && ["model_parameters", "quantitative_analysis", "considerations"].some((k) => isObject(record[k]));
}

/** Indexes of the components of a CycloneDX BOM that carry a model card. */
export function cycloneDxModelCards(record: Record<string, unknown>): number[] {
  if (record["bomFormat"] !== "CycloneDX" || !Array.isArray(record["components"])) return [];
  return record["components"].flatMap((c, i) => (isObject(c) && isObject(c["modelCard"]) ? [i] : []));
}

export function modelCardToolkitView(doc: ParsedDocument, record: Record<string, unknown>): { data: Record<string, unknown>; foreign: ForeignCard } {
  return translate(doc, record, [], MCT, "Model Card Toolkit");
}

export function cycloneDxView(doc: ParsedDocument, record: Record<string, unknown>, component: number): { data: Record<string, unknown>; foreign: ForeignCard } {
  const components = record["components"] as Record<string, unknown>[];
  const owner = components[component]!;
  // The card's fields, and its component's licences beside them as ".." (the component itself).
  const card = { ...(owner["modelCard"] as Record<string, unknown>), "..": owner };
  const view = translate(doc, card, ["components", component, "modelCard"], CYCLONEDX, "CycloneDX modelCard");
  const name = owner["name"];
  if (typeof name === "string") view.data["title"] = name;
  return view;
}

function translate(doc: ParsedDocument, record: Record<string, unknown>, root: PathSegment[], table: Mapping[], format: string): { data: Record<string, unknown>; foreign: ForeignCard } {
  const data: Record<string, unknown> = {};
  const labels = new Map<string, string>();
  const texts: { text: string; range: Range }[] = [];
  const sourceOf = (theirs: string[]) => [...root.slice(0, theirs[0] === ".." ? -1 : undefined), ...theirs.filter((p) => p !== "..")];
  const set = (ours: string, value: string, range: Range) => {
    const path = ours.split(".");
    if (path.length === 1) data[ours] = value;
    else data[path[0]!] = { ...(data[path[0]!] as object | undefined), [path[1]!]: value };
    doc.locator.synthetic.set(syntheticKey([...root, ...path]), range);
  };
  for (const [ours, candidates, sayItIn] of table) {
    const theirs = candidates.find((path) => at(record, path) !== undefined);
    const name = (path: string[]) => `"${path.filter((p) => p !== "..").join(".")}"`;
    labels.set(ours, theirs || !sayItIn ? `${format} ${name(theirs ?? candidates[0]!)}` : `${format} has no field for it: say it in ${name(sayItIn)}`);
    if (!theirs) {
      // Not there: point where it would go, the section the format keeps it in.
      const where = sayItIn ?? candidates[0]!.slice(0, -1);
      const found = [...where];
      while (found.length > 0 && at(record, found) === undefined) found.pop();
      if (found.length > 0 && found[0] !== "..") doc.locator.synthetic.set(syntheticKey([...root, ...ours.split(".")]), doc.locator.locate(sourceOf(found), "key").range);
      continue;
    }
    const text = statements(at(record, theirs), theirs.at(-1)!, theirs.at(-2));
    const range = doc.locator.locate(sourceOf(theirs)).range;
    set(ours, text, range);
    if (text !== "") texts.push({ text, range });
  }
  // What the format has no field for (out-of-scope use in the toolkit, human oversight in both) may still be said in
  // another field: "not for medical diagnosis" among the use cases or limitations.
  for (const concept of CARD_CONCEPTS["model-card"]) {
    const ours = concept.path.join(".");
    const re = conceptPattern(concept, "mentions");
    if (!re || ours.includes(".") || (typeof data[ours] === "string" && data[ours] !== "")) continue;
    const said = texts.flatMap(({ text, range }) => text.split("\n").map((line) => ({ line, range }))).find(({ line }) => re.test(line));
    if (said) set(ours, said.line, said.range);
  }
  return { data, foreign: { format, labels } };
}

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const p of path) v = isObject(v) ? v[p] : undefined;
  return v;
}

/**
 * The informative text of a field: strings, and the strings inside its lists and objects, without template filler,
 * without values that only repeat a field's name (`"use_cases"`, `"limitations1"`, `"data name"` — what the
 * toolkit's own templates and test data hold), without a template's questions, images and the list of sensitive
 * attributes (which says what the data holds, not what it is). Empty when nothing is left.
 */
function statements(value: unknown, key: string, parent: string | undefined): string {
  const out: string[] = [];
  const walk = (v: unknown, k: string, p: string | undefined, depth: number) => {
    if (depth > 6 || out.length >= 50) return;
    if (typeof v === "string") {
      // A template's question ("Who are the intended users of the model?") is no answer.
      if (!isPlaceholder(v) && !echoesKey(v, k, p) && !v.trimEnd().endsWith("?")) out.push(v.trim());
    } else if (typeof v === "number" || typeof v === "boolean") out.push(String(v));
    else if (Array.isArray(v)) for (const item of v) walk(item, k, p, depth + 1);
    else if (isObject(v)) for (const [ck, cv] of Object.entries(v)) if (!/^(?:image|graphics|content|contentType|encoding|sensitive)$/.test(ck)) walk(cv, ck, k, depth + 1);
  };
  walk(value, key, parent, 0);
  return out.filter((s) => s !== "").join("\n");
}

function echoesKey(value: string, key: string, parent: string | undefined): boolean {
  const words = (s: string) =>
    s
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .replace(/[\s_-]+/g, " ")
      .replace(/\d+$/, "")
      .trim();
  const v = words(value);
  const k = words(key);
  const p = parent === undefined ? undefined : words(parent);
  return v === k || v === p || v === `${p} ${k}` || (p !== undefined && v === `${p?.replace(/s$/, "")} ${k}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
