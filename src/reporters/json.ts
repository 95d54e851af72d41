// Machine output: every finding with its full range, plus totals. Stable key order, sorted findings. Each finding
// carries its rule's crosswalks to other frameworks (core/crosswalks.ts), when it has any.
import { countFindings } from "../core/finding.js";
import type { Reporter } from "./types.js";
import { printableJson } from "./json-text.js";
import { findingCrosswalks } from "./finding-crosswalks.js";

export const json: Reporter = (findings, context) => {
  const crosswalksOf = findingCrosswalks(context.rules);
  return printableJson({
    tool: { name: "aimslint", version: context.version },
    summary: { ...countFindings(findings), filesChecked: context.filesChecked, artefactsChecked: context.artefactsChecked },
    findings: findings.map((f) => {
      const c = crosswalksOf(f);
      return Object.keys(c).length > 0 ? { ...f, crosswalks: c } : f;
    }),
  });
};
