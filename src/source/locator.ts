// Maps a path inside a parsed document (["treatment", "controls", 1]) to its exact source range.
// Rules and schema errors speak in paths; only this module knows about YAML nodes and offsets.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { Range } from "../core/finding.js";
import type { LineIndex } from "./line-index.js";
import type { TopLevelKeys } from "./top-level-keys.js";

export type PathSegment = string | number;

export interface Located {
  range: Range;
  /** False when the path does not exist and the range is that of its nearest existing ancestor. */
  exact: boolean;
}

type NodeRange = [number, number, number];

/**
 * A document's text by top-level key, for a Locator to build `yaml` nodes only for the part under the key a path
 * starts with (parse.ts's fast path): `keys` finds them (undefined when the document's form does not allow it),
 * `parse` builds the nodes of the text between two offsets.
 */
export interface DocumentParts {
  keys: () => TopLevelKeys | undefined;
  /** Where each item of the list under the key between `start` and `end` starts (sequenceItems), if it can tell. */
  items: (key: string, start: number, end: number) => number[] | undefined;
  parse: (start: number, end: number) => Document.Parsed | undefined;
}

export class Locator {
  /** Ranges of values that do not come from YAML, e.g. Markdown sections read as model-card fields. */
  readonly synthetic = new Map<string, Range>();
  /**
   * Ranges computed on demand, for a view whose source has no YAML nodes or whose paths are not the source's (a
   * dependency manifest's: source/manifest-view.ts); undefined for a path it does not know.
   */
  resolve: ((path: readonly PathSegment[]) => Range | undefined) | undefined;

  private docValue: Document.Parsed | undefined;
  private docThunk: (() => Document.Parsed | undefined) | undefined;

  constructor(
    private readonly lines: LineIndex,
    /**
     * The YAML (or JSON, read as YAML) document, when there is one; or a function that builds it. Files read on
     * the fast path only pay for a position-keeping parse when a finding needs a position.
     */
    doc: Document.Parsed | undefined | (() => Document.Parsed | undefined),
    /** Offset of the document's text within the file (front matter starts after the opening ---). */
    private readonly base: number,
    /** Where to point when nothing better exists. */
    fallback: Range | (() => Range),
    /** With a document built on demand: its parts by top-level key, each built on its own when first needed. */
    parts?: DocumentParts,
  ) {
    this.fallbackOf = fallback;
    if (typeof doc === "function") this.docThunk = doc;
    else this.docValue = doc;
    this.parts = parts;
  }

  private parts: DocumentParts | undefined;
  private keysFound: TopLevelKeys | undefined | null;
  /** Nodes of the parts built so far, by the part's start offset. */
  private readonly partNodes = new Map<number, Node>();
  /** Where the items of a top-level key's list start, by the key's index (null: not a list the lines tell). */
  private readonly itemStarts = new Map<number, number[] | null>();

  private fallbackOf: Range | (() => Range);

  /** Where to point when nothing better exists (computed on first use, like the YAML document). */
  private get fallback(): Range {
    if (typeof this.fallbackOf === "function") this.fallbackOf = this.fallbackOf();
    return this.fallbackOf;
  }

  private get doc(): Document.Parsed | undefined {
    if (this.docThunk) {
      this.docValue = this.docThunk();
      this.docThunk = undefined;
    }
    return this.docValue;
  }

  /** Range of the value at `path`, or of its key when `target` is "key" and the value sits under a key. */
  locate(path: readonly PathSegment[], target: "key" | "value" = "value"): Located {
    const synthetic = this.synthetic.get(syntheticKey(path));
    if (synthetic) return { range: synthetic, exact: true };
    const resolved = this.resolve?.(path);
    if (resolved) return { range: resolved, exact: true };
    const part = this.partFor(path);
    if (part) return "range" in part ? part : this.walk(part.root, part.base, path, target, part.from);
    const root = this.doc?.contents;
    if (!root) return this.nearestSynthetic(path) ?? { range: this.fallback, exact: false };
    return this.walk(root, this.base, path, target);
  }

  /**
   * Where to walk `path` from without the whole document: the nodes of the part under its first key, or (for the
   * document itself, or a first key it lacks) the first line of its mapping, which needs no nodes. Undefined when
   * the whole document must be built (it is already, or it has no parts).
   */
  private partFor(path: readonly PathSegment[]): { root: Node; base: number; from: number } | Located | undefined {
    if (!this.parts || !this.docThunk) return undefined;
    const keys = (this.keysFound ??= this.parts.keys() ?? null);
    if (!keys) return undefined;
    const index = path.length > 0 ? keys.byKey.get(String(path[0])) : undefined;
    if (index === undefined) {
      // One key: its part is the whole document, whose mapping may end on its first line.
      if (keys.starts.length < 2) return undefined;
      const start = keys.starts[0]!;
      const range = this.toRange([start, this.lines.lineEnd(this.base + start) - this.base, 0]);
      return this.nearestSynthetic(path) ?? { range, exact: path.length === 0 };
    }
    const start = keys.starts[index]!;
    const end = keys.starts[index + 1] ?? keys.end;
    // An item of a list: the item's lines only (a register's entry, a Statement of Applicability's control).
    const item = path[1];
    if (typeof item === "number") {
      let items = this.itemStarts.get(index);
      if (items === undefined) this.itemStarts.set(index, (items = this.parts.items(String(path[0]), start, end) ?? null));
      if (items && item < items.length) {
        const root = this.partRoot(items[item]!, items[item + 1] ?? end, (contents) => (isSeq(contents) && contents.items.length === 1 ? (contents.items[0] as Node) : undefined));
        return root ? { root, base: this.base + items[item]!, from: 2 } : undefined;
      }
    }
    // Anything but the one key's pair means the part was not cut where a key starts: the whole document decides.
    const root = this.partRoot(start, end, (contents) =>
      isMap(contents) && contents.items.length === 1 && isPair(contents.items[0]) && keyText(contents.items[0]) === String(path[0]) ? contents : undefined,
    );
    return root ? { root, base: this.base + start, from: 0 } : undefined;
  }

  /**
   * The node `pick` finds in the part between two offsets, built once; when it finds none, the part was not cut
   * where it should have been, and from then on the whole document is used.
   */
  private partRoot(start: number, end: number, pick: (contents: unknown) => Node | undefined): Node | undefined {
    let root = this.partNodes.get(start);
    if (!root) {
      root = this.parts ? pick(this.parts.parse(start, end)?.contents) : undefined;
      if (!root) {
        this.parts = undefined;
        return undefined;
      }
      this.partNodes.set(start, root);
    }
    return root;
  }

  /** Follows `path` from `root`, which is where its first `from` steps lead. */
  private walk(root: Node, base: number, path: readonly PathSegment[], target: "key" | "value", from = 0): Located {
    let node: Node = root;
    let pair: Pair | undefined;
    for (let i = from; i < path.length; i++) {
      const segment = path[i] as PathSegment;
      const next = this.child(node, segment);
      if (!next) {
        const above = this.nearestSynthetic(path);
        if (above) return above;
        return { range: this.objectRange(node, pair, base), exact: false };
      }
      pair = next.pair;
      node = next.node;
      if (isAlias(node) && i < path.length - 1) {
        // Report at the alias use site: that is the line the author wrote in this place.
        return { range: this.toRange(node.range as NodeRange, base), exact: false };
      }
    }
    if (target === "key" && pair && isScalar(pair.key) && pair.key.range) return { range: this.toRange(pair.key.range as NodeRange, base), exact: true };
    if (isMap(node) || isSeq(node)) return { range: this.objectRange(node, pair, base), exact: true };
    if (node.range) return { range: this.toRange(node.range as NodeRange, base), exact: true };
    if (pair && isScalar(pair.key) && pair.key.range) return { range: this.toRange(pair.key.range as NodeRange, base), exact: true };
    return { range: this.fallback, exact: false };
  }

  private child(node: Node, segment: PathSegment): { node: Node; pair?: Pair } | undefined {
    if (isMap(node)) {
      const item = this.pairOf(node, String(segment));
      if (!item) return undefined;
      const value = item.value as Node | null;
      const range = value?.range;
      // `key:` with nothing after it (no node, or an empty one): the key is the best place to point at.
      const empty = !range || (range[0] === range[1] && isScalar(value) && value.value === null);
      return { node: empty ? (item.key as Node) : (value as Node), pair: item };
    }
    if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      return item ? { node: item } : undefined;
    }
    return undefined;
  }

  /** Pairs of large mappings, by key: a hostile file with 100,000 keys and as many findings must stay linear. */
  private readonly pairIndex = new WeakMap<object, Map<string, Pair>>();

  /** The first pair of `map` whose key reads as `key`. */
  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    if (map.items.length <= 16) return map.items.find((item) => isPair(item) && keyText(item) === key);
    let index = this.pairIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        if (!isPair(item)) continue;
        const text = keyText(item);
        if (!index.has(text)) index.set(text, item);
      }
      this.pairIndex.set(map, index);
    }
    return index.get(key);
  }

  /**
   * Where to point for a problem with a whole mapping or sequence (e.g. a missing property): its key when it
   * has one, otherwise its first line. Pointing at a 200-line range helps nobody.
   */
  private objectRange(node: Node, pair: Pair | undefined, base: number): Range {
    if (pair && isScalar(pair.key) && pair.key.range) return this.toRange(pair.key.range as NodeRange, base);
    if (!node.range) return this.fallback;
    const [start, , end] = node.range as NodeRange;
    const firstLineEnd = this.lines.lineEnd(base + start) - base;
    return this.toRange([start, Math.min(end, firstLineEnd), Math.min(end, firstLineEnd)], base);
  }

  private nearestSynthetic(path: readonly PathSegment[]): Located | undefined {
    for (let n = path.length - 1; n >= 1; n--) {
      const found = this.synthetic.get(syntheticKey(path.slice(0, n)));
      if (found) return { range: found, exact: false };
    }
    return undefined;
  }

  /** `range`'s offsets are from `base`: the document's start in the file, or a part's. */
  private toRange(range: NodeRange, base = this.base): Range {
    let end = range[1];
    // Trim trailing whitespace and line breaks that block scalars include in their value range.
    const text = this.lines.text;
    while (end > range[0] && /\s/.test(text.charAt(base + end - 1))) end--;
    return this.lines.range(base + range[0], base + end);
  }
}

function keyText(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

export function syntheticKey(path: readonly PathSegment[]): string {
  return path.map(String).join("\u0000");
}

export function pointer(path: readonly PathSegment[]): string {
  return path.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

export function parsePointer(p: string): PathSegment[] {
  if (p === "") return [];
  return p
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}
