// V8 keeps a substring as a view of the string it was cut from: an id parsed out of a file keeps the whole
// file's text alive. Whatever outlives its file (index entries, deferred checks, findings) is copied by a Keeper.
import type { Finding } from "../core/finding.js";

/**
 * Makes the copies of what outlives its file, for one run. Short strings (ids, control ids, references) are
 * shared: a 10,000-artefact project names the same few thousand ids some 60,000 times. Paths are shared too.
 */
export class Keeper {
  private readonly strings = new Map<string, string>();
  private readonly paths = new Map<string, (string | number)[]>();

  /** A copy of `value` whose strings share no storage with the text they were parsed from. */
  value<T>(value: T): T {
    if (typeof value === "string") return this.string(value) as T;
    if (value === null || typeof value !== "object" || value instanceof Date) return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item)) as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, this.value(v));
    return out as T;
  }

  string(s: string): string {
    if (s.length > MAX_SHARED_LENGTH) return flatCopy(s);
    let kept = this.strings.get(s);
    if (kept === undefined) {
      kept = flatCopy(s);
      this.strings.set(kept, kept);
    }
    return kept;
  }

  /**
   * Copies in place the strings of a finding that may hold on to its file's text: a message quoting a value is
   * a concatenation that keeps the value's slice, and so the whole text, alive until the report.
   */
  finding(finding: Finding): Finding {
    finding.message = flatCopy(finding.message);
    if (finding.pointer !== undefined) finding.pointer = this.string(finding.pointer);
    return finding;
  }

  /**
   * One array for each distinct path ("system" of 6,000 risks), its keys copied too (a key is cut from its file's
   * text like any string); paths are read, never changed, once kept.
   */
  path<P extends (string | number)[]>(path: P): P {
    if (path.length === 0) return NO_PATH as P;
    const key = JSON.stringify(path);
    let kept = this.paths.get(key);
    if (!kept) this.paths.set(key, (kept = path.map((segment) => (typeof segment === "string" ? this.string(segment) : segment))));
    return kept as P;
  }
}

const NO_PATH: (string | number)[] = [];

/** Longer strings (descriptions) rarely repeat: a table entry would cost more than it saves. */
const MAX_SHARED_LENGTH = 64;

/** A copy of `value` that shares nothing with its source's text (for one-off copies; a run uses its Keeper). */
export function detach<T>(value: T): T {
  return new Keeper().value(value);
}

/** Sets an own key of a copy: a plain assignment to "__proto__" (documents may hold such keys) would set the prototype. */
export function setOwn(target: object, key: string | number, value: unknown): void {
  // Only that key needs defineProperty: objects built with it for every key go to V8's dictionary mode, several
  // times larger, and the index keeps thousands of them.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string | number, unknown>)[key] = value;
}

/**
 * A flat copy. V8 never slices strings under 13 characters, so those are copies already. Longer ones go through
 * JSON, whose parser builds a fresh sequential string: `(" " + s).slice(1)`, used before, made a 32-byte slice
 * plus a flattened parent, 80 bytes for a 24-character id where this takes 48.
 */
function flatCopy(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
