// Annotations on the pull request's diff. GitHub shows at most 10 error, 10 warning and 10 notice annotations
// per step and drops the rest silently (actions/toolkit docs/problem-matchers.md): the most severe go first, at
// most 10 of each level, then one notice that says how many more there are and where they are.
import type { AnnotationProperties } from "@actions/core";
import type { Finding, Severity } from "../core/finding.js";
import { annotationOf } from "../reporters/github.js";
import { annotationText } from "./log.js";

export const ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  level: "error" | "warning" | "notice";
  message: string;
  properties: AnnotationProperties;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings annotated. */
  shown: number;
  /** Findings not annotated (over the limit), in all. */
  omitted: number;
}

/**
 * `findings` are sorted by file and position, hold no suppressed ones, and their paths are relative to the
 * repository root (GITHUB_WORKSPACE), where annotations must point to land on the diff. `where` names the full
 * report (the job summary, the SARIF file).
 */
export function planAnnotations(findings: readonly Finding[], where: string): AnnotationPlan {
  const by = (s: Severity) => findings.filter((f) => f.severity === s);
  const [errors, warnings, infos] = [by("error"), by("warning"), by("info")];
  const omitted = {
    errors: Math.max(0, errors.length - ANNOTATIONS_PER_LEVEL),
    warnings: Math.max(0, warnings.length - ANNOTATIONS_PER_LEVEL),
    infos: Math.max(0, infos.length - ANNOTATIONS_PER_LEVEL),
  };
  // The closing notice takes one of the 10 notice slots.
  const overflow = omitted.errors + omitted.warnings > 0 || infos.length > ANNOTATIONS_PER_LEVEL;
  const infoSlots = overflow ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
  omitted.infos = Math.max(0, infos.length - infoSlots);
  const shown = [...errors.slice(0, ANNOTATIONS_PER_LEVEL), ...warnings.slice(0, ANNOTATIONS_PER_LEVEL), ...infos.slice(0, infoSlots)];
  const annotations = shown.map(toAnnotation);
  const total = omitted.errors + omitted.warnings + omitted.infos;
  if (total > 0) {
    const parts = [count(omitted.errors, "error"), count(omitted.warnings, "warning"), count(omitted.infos, "notice")].filter(Boolean);
    annotations.push({
      level: "notice",
      message: `${total} more finding${total === 1 ? " is" : "s are"} not shown as annotations (${parts.join(", ")}): GitHub shows at most ${ANNOTATIONS_PER_LEVEL} errors, ${ANNOTATIONS_PER_LEVEL} warnings and ${ANNOTATIONS_PER_LEVEL} notices per step. Every finding is in ${where}.`,
      properties: { title: "aimslint: more findings" },
    });
  }
  return { annotations, shown: shown.length, omitted: total };
}

function toAnnotation(f: Finding): Annotation {
  const { level, message, title, file, ...place } = annotationOf(f);
  return { level, message: annotationText(message), properties: { title: annotationText(title, true), file: annotationText(file, true), ...place } };
}

function count(n: number, word: string): string {
  return n > 0 ? `${n} ${word}${n === 1 ? "" : "s"}` : "";
}
