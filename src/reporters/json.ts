// Machine output: every finding with its full range, plus totals. Stable key order, sorted findings.
import { countFindings } from "../core/finding.js";
import type { Reporter } from "./types.js";
import { printableJson } from "./json-text.js";

export const json: Reporter = (findings, context) =>
  printableJson({
    tool: { name: "aimslint", version: context.version },
    summary: { ...countFindings(findings), filesChecked: context.filesChecked, artefactsChecked: context.artefactsChecked },
    findings,
  });
