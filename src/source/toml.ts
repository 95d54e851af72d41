// TOML (pyproject.toml, Pipfile): values from smol-toml, a small, spec-compliant parser with no dependencies of its
// own; positions from a scanner of our own, since no TOML parser keeps them. The scanner runs only on text the
// parser has accepted, and only when a finding needs a position.
import type { PathSegment } from "./locator.js";
import { syntheticKey } from "./locator.js";

/** Where a key and its value are: offsets in the text, the end exclusive. */
export interface TomlPlace {
  key?: [number, number];
  value: [number, number];
}

/**
 * Every key and value of a valid TOML text by its path (`syntheticKey`): tables, dotted and quoted keys, arrays
 * and their items, inline tables, arrays of tables (`[[x]]` as `x`, index, …). A table header's place is its
 * bracketed name.
 */
export function tomlPlaces(text: string): Map<string, TomlPlace> {
  return new TomlScanner(text).scan();
}

const SPACE = (c: string | undefined) => c === " " || c === "\t";

class TomlScanner {
  private i = 0;
  private readonly places = new Map<string, TomlPlace>();
  /** Current index of each array of tables, by its resolved path. */
  private readonly arrays = new Map<string, number>();

  constructor(private readonly s: string) {}

  scan(): Map<string, TomlPlace> {
    const { s } = this;
    let table: PathSegment[] = [];
    while (this.skipVoid() < s.length) {
      const before = this.i;
      if (s[this.i] === "[") table = this.header();
      else this.keyValue(table);
      // Never loop on text the scanner does not understand (it only sees accepted TOML, but stays safe).
      if (this.i === before) this.i++;
    }
    return this.places;
  }

  private header(): PathSegment[] {
    const { s } = this;
    const start = this.i;
    const isArray = s[this.i + 1] === "[";
    this.i += isArray ? 2 : 1;
    const keys = this.key();
    this.skipSpace();
    this.i += isArray ? 2 : 1;
    const path: PathSegment[] = [];
    keys.forEach(({ name }, k) => {
      path.push(name);
      const id = syntheticKey(path);
      if (k === keys.length - 1 && isArray) {
        const n = (this.arrays.get(id) ?? -1) + 1;
        this.arrays.set(id, n);
        path.push(n);
      } else {
        const n = this.arrays.get(id);
        if (n !== undefined) path.push(n);
      }
    });
    const last = keys[keys.length - 1];
    this.places.set(syntheticKey(path), { ...(last ? { key: [last.start, last.end] as [number, number] } : {}), value: [start, this.i] });
    return path;
  }

  private keyValue(table: readonly PathSegment[]): void {
    const keys = this.key();
    this.skipSpace();
    if (this.s[this.i] !== "=") return;
    this.i++;
    this.skipSpace();
    const path = [...table, ...keys.map((k) => k.name)];
    const start = this.i;
    this.value(path);
    const last = keys[keys.length - 1];
    this.places.set(syntheticKey(path), { ...(last ? { key: [last.start, last.end] as [number, number] } : {}), value: [start, this.i] });
  }

  /** A dotted key: its parts, each with where it is written (quotes included). */
  private key(): { name: string; start: number; end: number }[] {
    const { s } = this;
    const parts: { name: string; start: number; end: number }[] = [];
    for (;;) {
      this.skipSpace();
      const start = this.i;
      let name: string;
      if (s[this.i] === '"') {
        const end = this.basicEnd(this.i + 1);
        name = decodeBasic(s.slice(this.i + 1, end - 1));
        this.i = end;
      } else if (s[this.i] === "'") {
        const close = s.indexOf("'", this.i + 1);
        const end = close === -1 ? s.length : close + 1;
        name = s.slice(this.i + 1, end - 1);
        this.i = end;
      } else {
        while (this.i < s.length && /[A-Za-z0-9_-]/.test(s[this.i] as string)) this.i++;
        name = s.slice(start, this.i);
      }
      parts.push({ name, start, end: this.i });
      this.skipSpace();
      if (s[this.i] !== "." || this.i === start) break;
      this.i++;
    }
    return parts;
  }

  private value(path: PathSegment[]): void {
    const { s } = this;
    const c = s[this.i];
    if (c === '"' || c === "'") {
      const triple = s.startsWith(c.repeat(3), this.i);
      if (triple) this.i = this.multilineEnd(c, this.i + 3);
      else if (c === '"') this.i = this.basicEnd(this.i + 1);
      else {
        const close = s.indexOf("'", this.i + 1);
        this.i = close === -1 ? s.length : close + 1;
      }
    } else if (c === "[") {
      this.i++;
      for (let index = 0; this.skipVoid() < s.length && s[this.i] !== "]"; index++) {
        const start = this.i;
        const item = [...path, index];
        this.value(item);
        this.places.set(syntheticKey(item), { value: [start, this.i] });
        if (this.skipVoid() < s.length && s[this.i] === ",") this.i++;
        if (this.i === start) break;
      }
      this.i++;
    } else if (c === "{") {
      this.i++;
      while (this.skipVoid() < s.length && s[this.i] !== "}") {
        const start = this.i;
        this.keyValue(path);
        if (this.skipVoid() < s.length && s[this.i] === ",") this.i++;
        if (this.i === start) break;
      }
      this.i++;
    } else {
      // A number, a boolean or a date (which may hold one space: 1979-05-27 07:32:00Z).
      const start = this.i;
      while (this.i < s.length && !",]}#\r\n".includes(s[this.i] as string)) this.i++;
      while (this.i > start && SPACE(s[this.i - 1])) this.i--;
    }
  }

  /** Just after the closing quote of a basic string whose content starts at `i`. */
  private basicEnd(i: number): number {
    const { s } = this;
    while (i < s.length && s[i] !== '"' && s[i] !== "\n") i += s[i] === "\\" ? 2 : 1;
    return Math.min(s.length, i + 1);
  }

  /** Just after a multi-line string's closing delimiter (with the one or two quotes TOML allows before it). */
  private multilineEnd(quote: string, i: number): number {
    const { s } = this;
    const close = quote.repeat(3);
    while (i < s.length && !s.startsWith(close, i)) i += quote === '"' && s[i] === "\\" ? 2 : 1;
    let end = Math.min(s.length, i + 3);
    while (end < s.length && end < i + 5 && s[end] === quote) end++;
    return end;
  }

  private skipSpace(): void {
    while (SPACE(this.s[this.i])) this.i++;
  }

  /** Spaces, line breaks and comments; returns the new position. */
  private skipVoid(): number {
    const { s } = this;
    for (;;) {
      const c = s[this.i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.i++;
      else if (c === "#") {
        const eol = s.indexOf("\n", this.i);
        this.i = eol === -1 ? s.length : eol;
      } else return this.i;
    }
  }
}

/** The value of a basic string's content (TOML escapes, including 1.1's \e and \xHH). */
export function decodeBasic(raw: string): string {
  if (!raw.includes("\\")) return raw;
  const simple: Record<string, string> = { b: "\b", t: "\t", n: "\n", f: "\f", r: "\r", e: "\u001b", '"': '"', "\\": "\\" };
  return raw.replace(/\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g, (all, x?: string, u?: string, U?: string, c?: string) => {
    const hex = x ?? u ?? U;
    if (hex !== undefined) {
      const code = Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return simple[c as string] ?? all;
  });
}
