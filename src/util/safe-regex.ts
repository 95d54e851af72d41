// Regular expressions from configuration and custom rules are data from the repository: they must not be able
// to hang the scan. JavaScript regexes backtrack, and a run cannot be interrupted, so the patterns that can take
// exponential or high polynomial time are refused before they run:
//   - a repeated group that contains a quantifier or alternatives: (a+)+, (a|aa)+, (\w|\d)*, (a?){25}, ((x)+y)+
//   - two unbounded quantifiers that can take turns on the same text: \d*\d*, .*x?.*, \s+\s*
//   - back-references (\1, \k<name>)
// The pattern function also tests at most the first 10,000 characters of a value (src/engine/functions/document.ts).

export class UnsafePatternError extends Error {}

const MAX_LENGTH = 500;
const UNBOUNDED = Number.POSITIVE_INFINITY;

/** Characters tried against two quantified atoms to tell whether they can match the same text. */
const PROBES = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), "é", "ß", "İ", "中", "\u00a0", "\u2028", "😀"];

interface Atom {
  type: "atom";
  src: string;
  min: number;
  max: number;
  /** Anchors, \b and lookarounds: they match no character. */
  zeroWidth: boolean;
}

interface Group {
  type: "group";
  src: string;
  branches: Node[][];
  min: number;
  max: number;
  zeroWidth: boolean;
}

type Node = Atom | Group;

const cache = new Map<string, RegExp>();

export function checkPattern(source: string): string | undefined {
  if (source.length > MAX_LENGTH) return `pattern is longer than ${MAX_LENGTH} characters`;
  try {
    new RegExp(source, "u");
  } catch (error) {
    return (error as Error).message;
  }
  let tree: Node[][];
  try {
    tree = parse(source);
  } catch (error) {
    return (error as Error).message;
  }
  return checkBranches(tree);
}

export function safePattern(source: string): RegExp {
  let re = cache.get(source);
  if (!re) {
    const problem = checkPattern(source);
    if (problem) throw new UnsafePatternError(problem);
    re = new RegExp(source, "u");
    cache.set(source, re);
  }
  return re;
}

function checkBranches(branches: Node[][]): string | undefined {
  for (const branch of branches) {
    for (const node of branch) {
      if (node.type === "group") {
        if (node.max > 1 && (hasQuantifier(node.branches) || hasAlternatives(node.branches))) {
          return `pattern repeats a group that itself repeats or has alternatives (e.g. (a+)+ or (a|aa)+), which can take exponential time: ${node.src}`;
        }
        const inner = checkBranches(node.branches);
        if (inner) return inner;
      } else if (/^\\(?:[1-9]|k<)/.test(node.src)) {
        return "pattern uses a back-reference, which can take exponential time";
      }
    }
    const overlap = competingQuantifiers(flatten(branch));
    if (overlap) return `pattern has two unbounded quantifiers that can match the same text (${overlap}), which can take polynomial time on long values`;
  }
  return undefined;
}

function hasQuantifier(branches: Node[][]): boolean {
  return branches.some((b) => b.some((n) => !n.zeroWidth && (n.min !== 1 || n.max !== 1 || (n.type === "group" && hasQuantifier(n.branches)))));
}

function hasAlternatives(branches: Node[][]): boolean {
  return branches.length > 1 || branches.some((b) => b.some((n) => n.type === "group" && !n.zeroWidth && hasAlternatives(n.branches)));
}

/** Groups that are not repeated and have one branch are read as part of the surrounding sequence. */
function flatten(branch: Node[]): Node[] {
  const out: Node[] = [];
  for (const node of branch) {
    if (node.type === "group" && node.min === 1 && node.max === 1 && node.branches.length === 1 && !node.zeroWidth) out.push(...flatten(node.branches[0]!));
    else out.push(node);
  }
  return out;
}

/** Two unbounded quantifiers with only optional parts between them, on atoms that share a character. */
function competingQuantifiers(sequence: Node[]): string | undefined {
  for (let i = 0; i < sequence.length; i++) {
    const a = sequence[i]!;
    if (a.max !== UNBOUNDED) continue;
    for (let j = i + 1; j < sequence.length; j++) {
      const b = sequence[j]!;
      if (b.zeroWidth) continue;
      if (b.max === UNBOUNDED && overlaps(a, b)) return `${a.src} and ${b.src}`;
      if (b.min > 0) break;
    }
  }
  return undefined;
}

function overlaps(a: Node, b: Node): boolean {
  const ra = single(a);
  const rb = single(b);
  if (!ra || !rb) return true;
  return PROBES.some((c) => ra.test(c) && rb.test(c));
}

/** A regex matching the texts one repetition of `node` can start with (approximated by its whole body). */
function single(node: Node): RegExp | undefined {
  const body = node.type === "group" ? node.branches.map((b) => b.map((n) => n.src).join("")).join("|") : stripQuantifier(node.src);
  try {
    return new RegExp(`^(?:${body})`, "u");
  } catch {
    return undefined;
  }
}

function stripQuantifier(src: string): string {
  return src.replace(/(?:[*+?]|\{\d+(?:,\d*)?\})\??$/, "");
}

/** A small parser for the `u`-mode syntax: enough structure to find quantifiers, groups and alternatives. */
function parse(source: string): Node[][] {
  let i = 0;
  const readBranches = (closing: boolean): Node[][] => {
    const branches: Node[][] = [[]];
    while (i < source.length) {
      const c = source[i]!;
      if (c === ")") {
        if (!closing) throw new Error("unbalanced parenthesis");
        return branches;
      }
      if (c === "|") {
        i++;
        branches.push([]);
        continue;
      }
      const start = i;
      let node: Node;
      if (c === "(") {
        const head = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i))![0];
        i += head.length;
        const inner = readBranches(true);
        i++; // ")"
        const zeroWidth = /^\(\?(?:=|!|<=|<!)$/.test(head);
        node = { type: "group", src: "", branches: inner, min: 1, max: 1, zeroWidth };
      } else if (c === "[") {
        i++;
        while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
        i++;
        node = { type: "atom", src: "", min: 1, max: 1, zeroWidth: false };
      } else if (c === "\\") {
        const esc = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[pP]\{[^}]*\}|c[A-Za-z]|k<[^>]*>|\d+|[\s\S])/.exec(source.slice(i))![0];
        i += esc.length;
        node = { type: "atom", src: "", min: 1, max: 1, zeroWidth: esc === "\\b" || esc === "\\B" };
      } else {
        i += c.codePointAt(0)! > 0xffff ? 2 : 1;
        node = { type: "atom", src: "", min: 1, max: 1, zeroWidth: c === "^" || c === "$" };
      }
      const quantifier = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(source.slice(i));
      if (quantifier) {
        i += quantifier[0].length;
        if (quantifier[1]) [node.min, node.max] = quantifier[1] === "*" ? [0, UNBOUNDED] : quantifier[1] === "+" ? [1, UNBOUNDED] : [0, 1];
        else {
          node.min = Number(quantifier[2]);
          node.max = quantifier[3] ? (quantifier[4] ? Number(quantifier[4]) : UNBOUNDED) : node.min;
        }
      }
      node.src = source.slice(start, i);
      branches[branches.length - 1]!.push(node);
    }
    if (closing) throw new Error("unbalanced parenthesis");
    return branches;
  };
  return readBranches(false);
}
