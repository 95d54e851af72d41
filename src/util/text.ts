// Small text helpers shared by messages: "did you mean", quoting values, lists.

/**
 * Edit distance between two strings. With `bound`, the exact distance when it is at most `bound`, else some
 * number above it, found early: "did you mean" compares one word with every id of a large repository.
 */
export function levenshtein(a: string, b: string, bound = Infinity): number {
  if (a === b) return 0;
  // Two rows reused from call to call: "did you mean" may compare one word with thousands of ids. A freak long
  // string gets rows of its own, so that they are not kept.
  if (rowA.length <= b.length && b.length < 4096) [rowA, rowB] = [new Uint32Array(2 * b.length + 2), new Uint32Array(2 * b.length + 2)];
  let prev = rowA.length > b.length ? rowA : new Uint32Array(b.length + 1);
  let cur = rowB.length > b.length ? rowB : new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > bound) return bound + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

let rowA = new Uint32Array(64);
let rowB = new Uint32Array(64);

/**
 * The candidate nearest to `word`, if it is near enough to be a likely typo. With a `budget`, each comparison takes
 * the product of the two lengths from `budget.cells`; once it is spent there is no suggestion, from this call or any
 * later one sharing the budget.
 */
export function closest(word: string, candidates: Iterable<string>, budget?: { cells: number }): string | undefined {
  const target = word.toLowerCase();
  const max = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    // Cheap bound first: a length difference alone already exceeds the distance we accept.
    if (Math.abs(c.length - word.length) >= bestDistance) continue;
    if (budget && (budget.cells -= target.length * c.length) < 0) return undefined;
    const d = levenshtein(target, c.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** A value quoted for a message, shortened so one long string cannot flood the output. */
export function quote(value: unknown, max = 60): string {
  let text: string;
  if (typeof value === "string") text = JSON.stringify(value.length > max ? value.slice(0, max) + "…" : value);
  else if (value === undefined) text = "nothing";
  // JSON.stringify writes Infinity and NaN (1e400 in a file, .inf, .nan) as null, which would misquote them.
  else if (typeof value === "number" && !Number.isFinite(value)) text = String(value);
  else {
    try {
      text = jsonPrefix(value, max + 1) ?? String(value);
    } catch {
      text = String(value);
    }
    if (text.length > max) text = text.slice(0, max) + "…";
  }
  return text;
}

/**
 * JSON.stringify(value), or its first `limit` characters or a little more: the walk stops once that much is
 * written, so quoting a list of 50,000 items costs what quoting its first few does.
 */
function jsonPrefix(value: unknown, limit: number): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  let out = "";
  const write = (v: unknown): void => {
    if (out.length > limit) return;
    if (v === null || typeof v !== "object" || typeof (v as { toJSON?: unknown }).toJSON === "function") {
      out += JSON.stringify(v) ?? "null";
      return;
    }
    const list = Array.isArray(v);
    out += list ? "[" : "{";
    let first = true;
    for (const key of list ? v.keys() : Object.keys(v)) {
      if (out.length > limit) return;
      const item = (v as Record<string | number, unknown>)[key];
      if (!list && (item === undefined || typeof item === "function")) continue;
      if (!first) out += ",";
      first = false;
      if (!list) out += `${JSON.stringify(key)}:`;
      write(item);
    }
    out += list ? "]" : "}";
  };
  write(value);
  return out;
}

export function list(values: readonly unknown[], max = 12): string {
  const shown = values.slice(0, max).map((v) => quote(v));
  return shown.join(", ") + (values.length > max ? `, … (${values.length - max} more)` : "");
}

/** A kind title inside a sentence: "Model card" → "model card"; "AI risk register" and "Statement of Applicability" keep their capitals. */
export function asNoun(title: string): string {
  return /^[A-Z][a-z]/.test(title) && !title.startsWith("Statement") ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

/** "a" or "an" before a noun phrase ("an AI system record", "a model card"). */
export function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) || /^AI\b/.test(phrase) ? "an" : "a";
}

/** "1 error", "2 errors". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A literal text as a regular expression that matches it and nothing else. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}
