// V8 keeps a substring as a view of the string it was cut from: an id parsed out of a file keeps the whole
// file's text alive. Whatever outlives its file (index entries, deferred checks) is copied with detach().

/** A copy of `value` whose strings share no storage with the text they were parsed from. */
export function detach<T>(value: T): T {
  if (typeof value === "string") return copyString(value) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(detach) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, k, detach(v));
  return out as T;
}

/** Sets an own key of a copy: a plain assignment to "__proto__" (documents may hold such keys) would set the prototype. */
export function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Concatenation builds a new string; the slice then points into that copy, not into the file. */
const copyString = (s: string): string => (s.length < 13 ? s : (" " + s).slice(1));
