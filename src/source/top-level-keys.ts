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
/** A blank line or a comment. */
const QUIET_LINE = /^[ \t]*(?:#.*)?\r?$/;
/** Besides quiet lines, a `---` line may come before the first key. */
const START_LINE = /^---(?:[ \t]+#.*)?[ \t]*\r?$/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t\r]|$)/;
const ITEM_LINE = /^([ ]*)-(?=[ \r]|$)/;

/** Each line of `text` from `start` (a line's start) to `end`, with the offset where it starts. */
function* linesOf(text: string, start: number, end: number): Generator<[number, string]> {
  for (let at = start; at < end; ) {
    const newline = text.indexOf("\n", at);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    yield [at, text.slice(at, lineEnd)];
    at = lineEnd + 1;
  }
}

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
  for (const [at, line] of linesOf(text, 0, text.length)) {
    const key = KEY_LINE.exec(line)?.[1];
    if (key !== undefined) {
      if (NOT_TEXT.test(key) || key !== expected[starts.length]) return undefined;
      byKey.set(key, starts.length);
      starts.push(at);
    } else if (starts.length === 0 ? !QUIET_LINE.test(line) && !START_LINE.test(line) : DOCUMENT_MARKER.test(line)) {
      // Content before the first key (a root that is not a plain mapping), or a second document.
      return undefined;
    }
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
  for (const [at, line] of linesOf(text, firstEnd + 1, end)) {
    const item = ITEM_LINE.exec(line);
    if (item && (indent === undefined || item[1] === indent)) {
      indent = item[1];
      items.push(at);
    } else if (indent === undefined && !QUIET_LINE.test(line)) {
      return undefined; // content before the first item: not a block sequence
    }
  }
  return items.length === length && length > 0 ? items : undefined;
}
