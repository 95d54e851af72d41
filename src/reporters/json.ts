// Machine output: every finding with its full range, plus totals. Stable key order, sorted findings.
import { countFindings } from "../finding.js";
import type { Reporter } from "./types.js";

export const json: Reporter = (findings, context) =>
  JSON.stringify(
    {
      tool: { name: "aimslint", version: context.version },
      summary: { ...countFindings(findings), filesChecked: context.filesChecked, artefactsChecked: context.artefactsChecked },
      findings,
    },
    null,
    2,
  ) + "\n";
