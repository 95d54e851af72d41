// Machine output: every finding with its full range, plus totals. Stable key order, sorted findings.
import { countFindings } from "../core/finding.js";
import type { Reporter } from "./types.js";
import { INVISIBLE_FORMAT } from "../util/safe-text.js";

/** Escaped in the JSON text, the same value once parsed: C1 controls, line separators, invisible format characters. */
const JSON_ESCAPED = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${INVISIBLE_FORMAT}]`, "g");

// `##[` is written `##\u005b`: the same JSON value, but the runner's legacy command parser cannot see it. C1
// controls (U+009B is an 8-bit CSI) and line separators are escaped too, as in SARIF.
export const json: Reporter = (findings, context) =>
  JSON.stringify(
    {
      tool: { name: "aimslint", version: context.version },
      summary: { ...countFindings(findings), filesChecked: context.filesChecked, artefactsChecked: context.artefactsChecked },
      findings,
    },
    null,
    2,
  )
    .replace(/##\[/g, "##\\u005b")
    .replace(JSON_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) + "\n";
