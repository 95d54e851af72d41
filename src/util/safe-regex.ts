// Regular expressions from the repository (custom rules' `match`/`notMatch`, rule options, organisation schemas'
// `pattern` and `patternProperties`) are data that a pull request can change: they must not be able to hang a scan.
// JavaScript's engine backtracks (`(a+)+$` doubles its time per character, `.*a.*a.*b` is cubic), and a run cannot
// be interrupted, so these patterns run on RE2 semantics instead (re2js, a pure JavaScript port of RE2, in the
// sidecar dist/linear-regexp.cjs): time linear in the text, whatever the pattern.
//
// Patterns are written in JavaScript syntax (`u` mode) and translated:
//   - `.`, `\s` and `\S` keep JavaScript's meaning (`.` stops at \n, \r, U+2028, U+2029; `\s` includes Unicode spaces);
//   - `\uXXXX`, `\u{…}`, `\cX`, `\0`, `[]` and `[^]` are written the RE2 way;
//   - lookbehinds without captures run as they are (RE2JS's linear-time lookbehinds);
//   - lookaheads right after a leading `^` (`^(?!draft)`, `^(?=.*\d)…`) become separate anchored tests, each linear;
// and what no linear engine can run is refused with the reason: back-references, other lookaheads, a repeat count
// over 1,000 (RE2's limit).
// The patterns of the built-in rules are ours, and run on JavaScript's engine (they use lookaheads anywhere).
import { createRequire } from "node:module";

export class UnsafePatternError extends Error {}

/** What a pattern offers its callers: whether it matches somewhere in a text. */
export interface PatternTest {
  test(text: string): boolean;
}

const MAX_LENGTH = 1000;

/** JavaScript's `\s`: ASCII whitespace, NBSP, the Unicode space separators, line and paragraph separators, BOM. */
const JS_SPACE = "\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}";
const JS_DOT = "[^\\n\\r\\x{2028}\\x{2029}]";

interface Re2Pattern {
  test(text: string): boolean;
}
interface Re2Engine {
  compile(source: string, flags?: number): Re2Pattern;
  LOOKBEHINDS: number;
}

/** Set by the build: the bundle loads RE2JS from its sidecar, a run from source from the package. */
declare const __AIMSLINT_BUNDLED__: boolean | undefined;

let engine: Re2Engine | undefined;
/** How many times the linear engine was loaded: a test's way to see that a run without patterns never loads it. */
export const engineLoads = { count: 0 };

/** Loaded on the first pattern from the repository (~260 KB of JavaScript, ~40 ms): most runs have none. */
function re2(): Re2Engine {
  if (engine) return engine;
  const load = createRequire(import.meta.url);
  engineLoads.count++;
  engine = (typeof __AIMSLINT_BUNDLED__ !== "undefined" ? load("./linear-regexp.cjs") : load("re2js")).RE2JS as Re2Engine;
  return engine;
}

const linear = new Map<string, PatternTest | string>();
const trustedCache = new Map<string, RegExp>();

/** Patterns of the built-in rule pack (src/config/load-rules.ts registers them): reviewed, ours. */
const TRUSTED = new Set<string>();

/** Rule packs registered but not walked yet: a run that uses no pattern never walks them (~1.5 ms of a start). */
const unwalked: (readonly unknown[])[] = [];

/** Registers the strings of built-in rules' options (call options and rule options' defaults) as trusted patterns. */
export function trustBuiltInPatterns(rules: readonly unknown[]): void {
  unwalked.push(rules);
}

function isTrusted(source: string): boolean {
  if (unwalked.length > 0) for (const rules of unwalked.splice(0)) collectTrusted(rules, false);
  return TRUSTED.has(source);
}

function collectTrusted(node: unknown, inOptions: boolean): void {
  if (typeof node === "string") {
    if (inOptions) TRUSTED.add(node);
  } else if (Array.isArray(node)) for (const item of node) collectTrusted(item, inOptions);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) collectTrusted(v, inOptions || k === "options");
}

/** Why `source` cannot run as safePattern runs it, or undefined when it can. Loads the linear engine. */
export function checkPattern(source: string): string | undefined {
  if (isTrusted(source)) return undefined;
  const compiled = compileLinear(source);
  return typeof compiled === "string" ? compiled : undefined;
}

/** A pattern from a rule (user-supplied unless it is one of the built-in pack's): throws UnsafePatternError. */
export function safePattern(source: string): PatternTest {
  if (isTrusted(source)) {
    let re = trustedCache.get(source);
    if (!re) trustedCache.set(source, (re = new RegExp(source, "u")));
    return re;
  }
  return linearPattern(source);
}

/** `source` on the linear engine: throws UnsafePatternError with the reason when it cannot run there. */
export function linearPattern(source: string, maxLength = MAX_LENGTH): PatternTest {
  const compiled = compileLinear(source, maxLength);
  if (typeof compiled === "string") throw new UnsafePatternError(compiled);
  return compiled;
}

function compileLinear(source: string, maxLength = MAX_LENGTH): PatternTest | string {
  let compiled = linear.get(source);
  if (compiled === undefined) {
    compiled = compileUncached(source, maxLength);
    linear.set(source, compiled);
  }
  return compiled;
}

function compileUncached(source: string, maxLength: number): PatternTest | string {
  if (source.length > maxLength) return `pattern is longer than ${maxLength} characters`;
  try {
    new RegExp(source, "u");
  } catch (error) {
    return (error as Error).message;
  }
  try {
    const { lookaheads, rest } = leadingLookaheads(source);
    const main = re2Compile(rest);
    if (lookaheads.length === 0) return main;
    // `^(?!X)(?=Y)R` matches when `^(?:X)` does not, `^(?:Y)` does, and `^R` does: each a linear test at position 0.
    const parts = lookaheads.map(({ negate, body }) => ({ negate, re: re2Compile(`^(?:${body})`) }));
    return { test: (text) => parts.every(({ negate, re }) => re.test(text) !== negate) && main.test(text) };
  } catch (error) {
    return (error as Error).message;
  }
}

function re2Compile(source: string): Re2Pattern {
  const translated = toRe2(source);
  const engine = re2();
  try {
    return engine.compile(translated, engine.LOOKBEHINDS);
  } catch (error) {
    const message = (error as Error).message.replace(/^error parsing regexp: /, "");
    if (/invalid repeat count/.test(message)) throw new Error(`pattern repeats more than 1,000 times (${message}); write a smaller count or + or *`);
    throw new Error(`pattern cannot run on a linear-time engine: ${message}`);
  }
}

/** Lookaheads right after a leading `^`, when the pattern has no top-level alternatives. */
function leadingLookaheads(source: string): { lookaheads: { negate: boolean; body: string }[]; rest: string } {
  const lookaheads: { negate: boolean; body: string }[] = [];
  if (!source.startsWith("^") || topLevelAlternatives(source)) return { lookaheads, rest: source };
  let i = 1;
  while (source.startsWith("(?=", i) || source.startsWith("(?!", i)) {
    const end = closingParen(source, i);
    lookaheads.push({ negate: source[i + 2] === "!", body: source.slice(i + 3, end) });
    i = end + 1;
  }
  return { lookaheads, rest: `^${source.slice(i)}` };
}

/** Steps over an escape or a character class starting at `i`; returns the index after it, or undefined. */
function skipAtom(source: string, i: number): number | undefined {
  if (source[i] === "\\") return i + 2;
  if (source[i] !== "[") return undefined;
  let j = i + 1;
  if (source[j] === "^") j++;
  while (j < source.length && source[j] !== "]") j += source[j] === "\\" ? 2 : 1;
  return j + 1;
}

function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; ) {
    const skipped = skipAtom(source, i);
    if (skipped !== undefined) {
      i = skipped;
      continue;
    }
    if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return i;
    i++;
  }
  return source.length;
}

function topLevelAlternatives(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; ) {
    const skipped = skipAtom(source, i);
    if (skipped !== undefined) {
      i = skipped;
      continue;
    }
    const c = source[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
    i++;
  }
  return false;
}

const hex = (codePoint: number) => `\\x{${codePoint.toString(16)}}`;

/** JavaScript `u`-mode syntax (already known to be valid) to RE2 syntax with the same meaning. */
function toRe2(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    if (c === "\\") {
      const next = source[i + 1]!;
      let m: RegExpExecArray | null;
      if ((m = /^\\u\{([0-9a-fA-F]+)\}/.exec(source.slice(i, i + 12)))) {
        out += hex(Number.parseInt(m[1]!, 16));
        i += m[0].length;
      } else if ((m = /^\\u([0-9a-fA-F]{4})(?:\\u([0-9a-fA-F]{4}))?/.exec(source.slice(i, i + 12)))) {
        const high = Number.parseInt(m[1]!, 16);
        const low = m[2] === undefined ? undefined : Number.parseInt(m[2], 16);
        if (low !== undefined && high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          out += hex((high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
          i += 12;
        } else {
          out += hex(high);
          i += 6;
        }
      } else if (next === "c") {
        out += hex(source.charCodeAt(i + 2) % 32);
        i += 3;
      } else if (next === "0") {
        out += hex(0);
        i += 2;
      } else if (/[1-9]/.test(next) || next === "k") {
        throw new Error("pattern uses a back-reference, which no linear-time engine can run");
      } else if (next === "s" || next === "S") {
        out += inClass ? (next === "s" ? JS_SPACE : "\\S") : next === "s" ? `[${JS_SPACE}]` : `[^${JS_SPACE}]`;
        i += 2;
      } else if ((m = /^\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([^}]*)\}/.exec(source.slice(i, i + 60)))) {
        out += `\\${m[1]}{${m[2]}}`;
        i += m[0].length;
      } else {
        const length = next.codePointAt(0)! > 0xffff ? 3 : 2;
        out += source.slice(i, i + length);
        i += length;
      }
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      // A `[` in a class is literal in JavaScript; RE2 would read `[:alpha:]` as a POSIX class.
      out += c === "[" ? "\\[" : c;
      i++;
      continue;
    }
    if (c === "[") {
      if (source.startsWith("[]", i)) {
        out += "[^\\x{0}-\\x{10ffff}]";
        i += 2;
      } else if (source.startsWith("[^]", i)) {
        out += "[\\x{0}-\\x{10ffff}]";
        i += 3;
      } else {
        inClass = true;
        const head = source[i + 1] === "^" ? "[^" : "[";
        out += head;
        i += head.length;
      }
      continue;
    }
    if (c === ".") {
      out += JS_DOT;
      i++;
      continue;
    }
    if (source.startsWith("(?=", i) || source.startsWith("(?!", i)) {
      throw new Error(
        'pattern uses a lookahead ((?= or (?!) other than right after a leading ^, which no linear-time engine can run; write "must not match" as notMatch, or put the lookahead first: ^(?!…)',
      );
    }
    out += c;
    i++;
  }
  return out;
}
