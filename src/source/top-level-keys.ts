// Where each top-level key of a YAML document starts, found from its lines, so that a finding's position can be
// worked out from the part of the document under one key instead of from the whole document (parse.ts builds
// `yaml` nodes only for files with findings; a typical finding sits under one of a dozen keys).

/** The text under each top-level key: from its line to the next key's line (or the document's end). */
export interface TopLevelKeys {
  /** Start offsets of the keys' lines, in order; the first is where the document's mapping starts. */
  starts: number[];
  /** Each key's index in `starts`. */
  byKey: ReadonlyMap<string, number>;
  /** Where the last key's text ends. */
  end: number;
}

// A key `yaml` and js-yaml both read as itself: letters, digits, `_` and `-`, starting with a letter or `_`, and
// not one of the words YAML 1.2's core schema reads as true, false or null.
const KEY_LINE = /^([A-Za-z_][\w-]*)[ ]*:(?=[ \r\n]|$)/;
const NOT_TEXT = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;
// Blank lines, comments and a `---` line may come before the first key.
const PREAMBLE_LINE = /^(?:[ \t]*(?:#.*)?|---(?:[ \t]+#.*)?[ \t]*)\r?$/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t\r]|$)/;

/**
 * The top-level keys of `text`, one YAML document whose value (as parsed) is `data`; undefined unless every
 * top-level key was found on a line of its own, in order, as a plain key of the simple form above. The keys found
 * must be exactly the keys of `data`: a line inside a multi-line string that looks like a key makes them differ,
 * and the whole document is then used instead.
 */
export function topLevelKeys(text: string, data: unknown): TopLevelKeys | undefined {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  const expected = Object.keys(data);
  const starts: number[] = [];
  const byKey = new Map<string, number>();
  let at = 0;
  while (at < text.length) {
    const newline = text.indexOf("\n", at);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(at, lineEnd);
    const key = KEY_LINE.exec(line)?.[1];
    if (key !== undefined) {
      if (NOT_TEXT.test(key) || key !== expected[starts.length]) return undefined;
      byKey.set(key, starts.length);
      starts.push(at);
    } else if (starts.length === 0 ? !PREAMBLE_LINE.test(line) : DOCUMENT_MARKER.test(line)) {
      // Content before the first key (a root that is not a plain mapping), or a second document.
      return undefined;
    }
    at = lineEnd + 1;
  }
  return starts.length > 0 && starts.length === expected.length ? { starts, byKey, end: text.length } : undefined;
}

/**
 * Where each item of a block sequence starts, when `text` from `start` to `end` is a top-level key whose value
 * (as parsed) is a list of `length` items written as a block sequence: the key's line holds nothing after the
 * colon, and every item begins on a line of its own with its `-` at one indentation. Undefined otherwise, and
 * when the lines that look like items are not exactly `length` (a multi-line string holding such a line).
 */
export function sequenceItems(text: string, start: number, end: number, length: number): number[] | undefined {
  const firstEnd = text.indexOf("\n", start);
  if (firstEnd < 0 || firstEnd >= end || !/:[ \t]*(?:#.*)?\r?$/.test(text.slice(start, firstEnd))) return undefined;
  const items: number[] = [];
  let indent: string | undefined;
  for (let at = firstEnd + 1; at < end; ) {
    const newline = text.indexOf("\n", at);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    const line = text.slice(at, lineEnd);
    const item = /^([ ]*)-(?=[ \r]|$)/.exec(line);
    if (item && (indent === undefined || item[1] === indent)) {
      indent = item[1];
      items.push(at);
    } else if (indent === undefined && !/^[ \t]*(?:#.*)?\r?$/.test(line)) {
      return undefined; // content before the first item: not a block sequence
    }
    at = lineEnd + 1;
  }
  return items.length === length && length > 0 ? items : undefined;
}
