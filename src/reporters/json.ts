// Machine output: every finding with its full range, plus totals. Stable key order, sorted findings.
import { countFindings } from "../finding.js";
import type { Reporter } from "./types.js";

// `##[` is written `##\u005b`: the same JSON value, but the runner's legacy command parser cannot see it.
export const json: Reporter = (findings, context) =>
  JSON.stringify(
    {
      tool: { name: "aimslint", version: context.version },
      summary: { ...countFindings(findings), filesChecked: context.filesChecked, artefactsChecked: context.artefactsChecked },
      findings,
    },
    null,
    2,
  ).replace(/##\[/g, "##\\u005b") + "\n";
