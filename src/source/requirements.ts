// pip's requirements files (requirements.txt, requirements-dev.txt, requirements/*.txt) and the PEP 508 requirement
// strings that pyproject.toml lists too: which packages they name, with which version specs, and where. Only read:
// `-r` and `-c` name other files or URLs, which are never followed (no read beyond what discovery lists, no network).
import type { Range } from "../core/finding.js";
import type { LineIndex } from "./line-index.js";
import type { PathSegment } from "./locator.js";

/** One requirement as the normalised view of a manifest holds it (docs/ai-use.md). */
export interface Dependency {
  /** The name as written. */
  name: string;
  /** The version spec as written (`>=1.2,<2`, `^4.0.0`), or the URL it is installed from; "" when there is none. */
  spec: string;
  /** Where it is declared: `dependencies`, `project.optional-dependencies.llm`, `packages`, `requirements`… */
  section: string;
  /** A requirements file's `--hash`: pip installs exactly the file with that digest. */
  hashed?: true;
}

/** A PEP 508 requirement, offsets relative to the string it was read from. */
export interface Pep508 {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Version specifiers, or the URL after `@`; "" when there is none. */
  spec: string;
  specStart: number;
  specEnd: number;
}

const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;

/** `name [extras] (specifiers | @ url) ; marker`, or undefined when the text does not start with a name. */
export function parsePep508(text: string): Pep508 | undefined {
  let i = skipSpace(text, 0);
  NAME.lastIndex = i;
  const m = NAME.exec(text);
  if (!m) return undefined;
  const nameStart = i;
  const nameEnd = i + m[0].length;
  i = skipSpace(text, nameEnd);
  if (text[i] === "[") {
    const close = text.indexOf("]", i);
    if (close === -1) return undefined;
    i = skipSpace(text, close + 1);
  }
  const semicolon = text.indexOf(";", i);
  let end = semicolon === -1 ? text.length : semicolon;
  if (text[i] === "@") {
    // A URL ends at whitespace (PEP 508: whitespace must come before the `;` of a marker after a URL).
    i = skipSpace(text, i + 1);
    let j = i;
    while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
    end = j;
  } else if (text[i] === "(") {
    const close = text.indexOf(")", i);
    if (close !== -1 && close < end) {
      i++;
      end = close;
    }
  }
  while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
  if (end < i) end = i;
  const spec = text.slice(i, end);
  return { name: m[0], nameStart, nameEnd, spec, specStart: spec === "" ? nameEnd : i, specEnd: spec === "" ? nameEnd : end };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 12 || c === 11;

/**
 * A logical line of a requirements file: physical lines joined where one ends with a backslash (as pip joins
 * them), with the physical offset where each piece starts, so positions point into the file as written.
 */
interface LogicalLine {
  text: string;
  /** [logical offset, physical offset] where each piece starts, in order. */
  pieces: number[];
}

function* logicalLines(text: string): Generator<LogicalLine> {
  let parts: string[] = [];
  let pieces: number[] = [];
  let length = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    // pip: a comment line never continues, and a line ending with a backslash always does.
    const continues = line.endsWith("\\") && !/^\s*#/.test(line);
    const piece = continues ? line.replace(/^\\+|\\+$/g, "") : line;
    const leading = continues && line.startsWith("\\") ? line.length - line.replace(/^\\+/, "").length : 0;
    pieces.push(length, start + leading);
    parts.push(piece);
    length += piece.length;
    if (!continues || end === text.length) {
      yield { text: parts.length === 1 ? piece : parts.join(""), pieces };
      parts = [];
      pieces = [];
      length = 0;
    }
    if (end === text.length) break;
    start = end + 1;
  }
}

function physical(line: LogicalLine, offset: number): number {
  const { pieces } = line;
  let k = 0;
  while (k + 2 < pieces.length && (pieces[k + 2] as number) <= offset) k += 2;
  return (pieces[k + 1] as number) + offset - (pieces[k] as number);
}

/** The text before a comment: `#` at the start or after whitespace (pip's rule; `#egg=` in a URL is no comment). */
function withoutComment(text: string): string {
  for (let i = text.indexOf("#"); i !== -1; i = text.indexOf("#", i + 1)) {
    if (i === 0 || isSpace(text.charCodeAt(i - 1))) return text.slice(0, i);
  }
  return text;
}

export interface RequirementsRead {
  dependencies: Dependency[];
  /** Four offsets in the file per dependency: name start and end, spec start and end. */
  offsets: number[];
}

/**
 * The requirements of a requirements file (the first `max`), with where each name and spec is. Lines that name no
 * package are skipped.
 */
export function readRequirements(text: string, max = Number.POSITIVE_INFINITY): RequirementsRead {
  const dependencies: Dependency[] = [];
  const offsets: number[] = [];
  for (const line of logicalLines(text)) {
    if (dependencies.length >= max) break;
    const content = withoutComment(line.text);
    let i = skipSpace(content, 0);
    if (i === content.length) continue;
    const add = (name: string, nameStart: number, nameEnd: number, spec: string, specStart: number, specEnd: number, hashed: boolean) => {
      dependencies.push({ name, spec, section: "requirements", ...(hashed ? { hashed: true as const } : {}) });
      offsets.push(physical(line, nameStart), physical(line, nameEnd), physical(line, specStart), physical(line, specEnd));
    };
    if (content[i] === "-") {
      // Options: -r/-c name other files (never read), -i/--index-url, --hash… Only an editable VCS install names a package.
      const option = /^(?:-e|--editable)(?:[ \t]+|=)/.exec(content.slice(i));
      if (!option) continue;
      i = skipSpace(content, i + option[0].length);
      let end = i;
      while (end < content.length && !isSpace(content.charCodeAt(end))) end++;
      const url = content.slice(i, end);
      const egg = /#(?:.*&)?egg=([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(url);
      if (!egg || !/^[a-z][a-z0-9+.-]*:/i.test(url)) continue; // a local folder: the code is in the repository
      const nameStart = i + egg.index + egg[0].length - (egg[1] as string).length;
      add(egg[1] as string, nameStart, nameStart + (egg[1] as string).length, url, i, end, false);
      continue;
    }
    // The requirement ends where its options start (pip splits the line at the first word starting with "-").
    const options = content.search(/\s-/);
    const reqEnd = options === -1 ? content.length : options;
    const requirement = content.slice(0, reqEnd);
    const hashed = /(?:^|\s)--hash[=\s]/.test(content.slice(reqEnd));
    const first = requirement.slice(i).split(/\s/, 1)[0] as string;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(first) || /^(?:\.{0,2}\/|[A-Za-z]:\\)/.test(first) || /\.(?:whl|zip|tar\.gz|tgz|tar\.bz2)$/i.test(first)) {
      // A bare URL or archive: its package is named only by #egg=.
      const egg = /#(?:.*&)?egg=([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(first);
      if (!egg || !/^[a-z][a-z0-9+.-]*:\/\//i.test(first)) continue;
      const nameStart = i + egg.index + egg[0].length - (egg[1] as string).length;
      add(egg[1] as string, nameStart, nameStart + (egg[1] as string).length, first, i, i + first.length, hashed);
      continue;
    }
    const parsed = parsePep508(requirement);
    if (!parsed) continue;
    add(parsed.name, parsed.nameStart, parsed.nameEnd, parsed.spec, parsed.specStart, parsed.specEnd, hashed);
  }
  return { dependencies, offsets };
}

/**
 * Where a path of a manifest's view is, from four offsets per dependency: ["dependencies", i, "spec"] is the spec,
 * or the name when there is no spec; the entry itself and its other fields are the name.
 */
export function dependencyRange(lines: LineIndex, offsets: readonly number[], dependencies: readonly Dependency[], path: readonly PathSegment[]): Range | undefined {
  if (path[0] !== "dependencies" || typeof path[1] !== "number") return undefined;
  const i = path[1];
  const dep = dependencies[i];
  if (!dep || offsets.length < 4 * (i + 1)) return undefined;
  const [nameStart, nameEnd, specStart, specEnd] = offsets.slice(4 * i, 4 * i + 4) as [number, number, number, number];
  return path[2] === "spec" && dep.spec !== "" ? lines.range(specStart, specEnd) : lines.range(nameStart, nameEnd);
}
