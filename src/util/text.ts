// Small text helpers shared by messages: "did you mean", quoting values, lists.

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The candidate nearest to `word`, if it is near enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const target = word.toLowerCase();
  const max = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    // Cheap bound first: a length difference alone already exceeds the distance we accept.
    if (Math.abs(c.length - word.length) >= bestDistance) continue;
    const d = levenshtein(target, c.toLowerCase());
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
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
    if (text.length > max) text = text.slice(0, max) + "…";
  }
  return text;
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
