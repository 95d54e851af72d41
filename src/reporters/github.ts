// GitHub Actions workflow commands: one annotation per finding, escaped exactly as @actions/core escapes them.
import { escapeCommandData, escapeCommandProperty } from "../util/safe-text.js";
import type { Reporter } from "./types.js";

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

export const github: Reporter = (findings) => {
  const lines: string[] = [];
  for (const f of findings) {
    if (f.suppressed) continue;
    const { start, end } = f.range;
    const props = [`file=${escapeCommandProperty(f.file)}`, `line=${start.line}`, `endLine=${end.line}`];
    // Columns are only allowed on single-line ranges.
    if (start.line === end.line) props.push(`col=${start.column}`, `endColumn=${Math.max(end.column, start.column + 1)}`);
    props.push(`title=${escapeCommandProperty(f.ruleId)}`);
    const refs = f.iso42001.length > 0 ? ` (ISO/IEC 42001 ${f.iso42001.join(", ")})` : "";
    lines.push(`::${LEVEL[f.severity]} ${props.join(",")}::${escapeCommandData(f.message + refs + (f.help ? `\n${f.help}` : ""))}`);
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
};
