// What must hold for any input, however hostile: shared by the hardening tests and by the fuzzer (fuzz/harness.ts
// bundles this file). Each check returns a list of problems in words; an empty list means the property holds.
import type { Finding } from "../../src/core/finding.js";

/** Line starts exactly as src/source/line-index.ts breaks lines: at \n, \r\n and a lone \r. */
function lineLengths(text: string): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lengths.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lengths.push(text.length - start);
  return lengths;
}

/** The text aimslint sees: UTF-8 (invalid bytes replaced, which keeps every position before them) without a BOM. */
export function visibleText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Every finding's range lies inside its file: 1 ≤ line ≤ number of lines, 1 ≤ column ≤ line length + 1, and
 * start ≤ end. `texts` maps a finding's file to the file's text (undefined: not readable as text, e.g. a link).
 */
export function rangeProblems(findings: readonly Finding[], texts: ReadonlyMap<string, string | undefined>): string[] {
  const problems: string[] = [];
  const cache = new Map<string, number[]>();
  for (const f of findings) {
    const { start, end } = f.range;
    const where = `${f.file}:${start.line}:${start.column}-${end.line}:${end.column} ${f.ruleId}`;
    for (const p of [start, end]) {
      if (!Number.isInteger(p.line) || !Number.isInteger(p.column) || p.line < 1 || p.column < 1) problems.push(`${where}: position is not 1-based whole numbers`);
    }
    if (end.line < start.line || (end.line === start.line && end.column < start.column)) problems.push(`${where}: end before start`);
    const text = texts.get(f.file);
    if (text === undefined) {
      if (start.line !== 1 || start.column !== 1) {
        if (!texts.has(f.file)) problems.push(`${where}: finding for a file that was not in the input`);
      }
      continue;
    }
    let lengths = cache.get(f.file);
    if (!lengths) cache.set(f.file, (lengths = lineLengths(text)));
    for (const [name, p] of [
      ["start", start],
      ["end", end],
    ] as const) {
      if (p.line > lengths.length) problems.push(`${where}: ${name} line ${p.line} is past the last line (${lengths.length})`);
      else if (p.column > (lengths[p.line - 1] as number) + 1) problems.push(`${where}: ${name} column ${p.column} is past the end of line ${p.line} (${lengths[p.line - 1]} characters)`);
    }
  }
  return problems;
}

/** Our own SGR colour codes (src/reporters/stylish.ts); any other ESC would come from untrusted text. */
const OUR_SGR = /\u001b\[(?:0|1|2|31|33|34)m/g;
/** An annotation as src/reporters/github.ts writes it: escaped properties, then `::`, then escaped data. */
const ANNOTATION = /^::(error|warning|notice) (file=[^,:]*,line=\d+,endLine=\d+(?:,col=\d+,endColumn=\d+)?,title=[^,:]*)::(.*)$/;

/**
 * No line of `output` can be read by the GitHub runner as a workflow command: no `::` at the start of a line
 * after leading whitespace (except our own annotations, whose properties and data are escaped), no legacy `##[`
 * anywhere, no raw CR, no ESC except our own colour codes when `color` is on. JSON formats must parse.
 */
/**
 * The HTML report's markup is all its own: one style sheet, one script, one policy, links that stay on the page,
 * in the repository or on GitHub; any other element or event handler came from the repository's text.
 */
function htmlProblems(output: string): string[] {
  const problems: string[] = [];
  const count = (re: RegExp) => (output.match(re) ?? []).length;
  if (count(/<script\b/gi) !== 1) problems.push(`html: ${count(/<script\b/gi)} script elements`);
  if (count(/<style\b/gi) !== 1) problems.push(`html: ${count(/<style\b/gi)} style elements`);
  if (count(/<meta\s+http-equiv/gi) !== 1) problems.push("html: not exactly one Content-Security-Policy");
  for (const tag of ["iframe", "object", "embed", "img", "svg", "link", "base", "form", "frame", "math", "template"]) {
    if (new RegExp(`<${tag}\\b`, "i").test(output)) problems.push(`html: a <${tag}> element`);
  }
  const handler = /<[a-z][^>]*\son[a-z]+\s*=/i.exec(output);
  if (handler) problems.push(`html: an event handler attribute: ${handler[0].slice(0, 120)}`);
  for (const m of output.matchAll(/\b(?:href|src|action)="([^"]*)"/gi)) {
    const url = m[1]!;
    if (!/^(?:#|https:\/\/|[A-Za-z0-9%._~-]+(?:\/|$)|\.\.\/)/.test(url) || /^[a-z][a-z0-9+.-]*:/i.test(url.replace(/^https:/, "")))
      problems.push(`html: a link that leaves the page, the repository or GitHub: ${url.slice(0, 120)}`);
  }
  return problems;
}

export function outputProblems(format: string, output: string, color = false): string[] {
  const problems: string[] = [];
  if (output.includes("\r")) problems.push(`${format}: raw carriage return`);
  const plain = color ? output.replace(OUR_SGR, "") : output;
  if (plain.includes("\u001b")) problems.push(`${format}: raw ESC (terminal escape sequence)`);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(plain.replace(/\u001b/g, ""))) problems.push(`${format}: raw control character`);
  // "Trojan Source": a right-to-left override in a file name or value can make the output read as something else.
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(plain)) problems.push(`${format}: raw bidirectional or invisible format character`);
  if (format === "html") problems.push(...htmlProblems(output));
  if (format === "json" || format === "sarif" || format === "gitlab") {
    try {
      JSON.parse(output);
    } catch (error) {
      problems.push(`${format}: output does not parse: ${(error as Error).message}`);
    }
  }
  output.split("\n").forEach((line, i) => {
    const at = `${format} line ${i + 1}: ${JSON.stringify(line.slice(0, 160))}`;
    if (line.includes("##[")) problems.push(`${at}: legacy ##[ command`);
    if (!line.trimStart().startsWith("::")) return;
    const annotation = format === "github" ? ANNOTATION.exec(line) : null;
    if (!annotation) {
      problems.push(`${at}: starts with :: (a workflow command)`);
      return;
    }
    const [, , properties = "", data = ""] = annotation;
    if (/%(?!25|0D|0A|3A|2C)/.test(properties)) problems.push(`${at}: unescaped % in the properties`);
    if (/%(?!25|0D|0A)/.test(data)) problems.push(`${at}: unescaped % in the message`);
  });
  return problems;
}
