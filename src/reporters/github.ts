// GitHub Actions workflow commands: one annotation per finding, escaped exactly as @actions/core escapes them.
// annotationOf() is also what the Action hands to @actions/core (action/annotations.ts).
import type { Finding } from "../core/finding.js";
import { escapeCommandData, escapeCommandProperty } from "../util/safe-text.js";
import type { Reporter } from "./types.js";

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

export interface Annotation {
  level: "error" | "warning" | "notice";
  /** The message with the ISO/IEC 42001 references, and the fix on a line of its own; not escaped. */
  message: string;
  title: string;
  file: string;
  startLine: number;
  endLine: number;
  /** Only on a single-line range: GitHub refuses columns on ranges that span lines. */
  startColumn?: number;
  endColumn?: number;
}

export function annotationOf(f: Finding): Annotation {
  const { start, end } = f.range;
  const refs = f.iso42001.length > 0 ? ` (ISO/IEC 42001 ${f.iso42001.join(", ")})` : "";
  const help = f.help?.trim();
  const annotation: Annotation = {
    level: LEVEL[f.severity],
    message: f.message + refs + (help ? `\n${help}` : ""),
    title: f.ruleId,
    file: f.file,
    startLine: start.line,
    endLine: Math.max(end.line, start.line),
  };
  if (start.line === end.line) {
    annotation.startColumn = start.column;
    annotation.endColumn = Math.max(end.column, start.column + 1);
  }
  return annotation;
}

export const github: Reporter = (findings) => {
  const lines: string[] = [];
  for (const f of findings) {
    if (f.suppressed) continue;
    const a = annotationOf(f);
    const props = [`file=${escapeCommandProperty(a.file)}`, `line=${a.startLine}`, `endLine=${a.endLine}`];
    if (a.startColumn !== undefined) props.push(`col=${a.startColumn}`, `endColumn=${a.endColumn}`);
    props.push(`title=${escapeCommandProperty(a.title)}`);
    lines.push(`::${a.level} ${props.join(",")}::${escapeCommandData(a.message)}`);
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
};
