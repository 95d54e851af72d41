// Annotations on the pull request's diff. Through workflow commands, GitHub shows at most 10 error, 10 warning and
// 10 notice annotations per step and drops the rest silently (actions/toolkit docs/problem-matchers.md), so which
// findings take those slots matters: annotationOrder() puts first what the pull request's author must see, and
// planAnnotations() spends the slots in that order. The Checks API takes every annotation (checks.ts).
import type { AnnotationProperties } from "@actions/core";
import type { Finding, Severity } from "../core/finding.js";
import { annotationOf } from "../reporters/github.js";
import { type LineRanges, touches } from "./changed-files.js";
import { CLASS_RANK, classOf } from "../reporters/finding-class.js";
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

/** What the pull request (or push) changes; undefined when nobody could tell. */
export interface DiffScope {
  files: ReadonlySet<string>;
  /** A changed file missing here has unknown lines: its findings count as in a changed file, not on a changed line. */
  lines: ReadonlyMap<string, LineRanges>;
}

/** 0: on a line the diff adds or changes; 1: elsewhere in a changed file; 2: in another file (or nothing is known). */
export type Tier = 0 | 1 | 2;

export function tierOf(f: Finding, diff: DiffScope | undefined): Tier {
  if (!diff?.files.has(f.file)) return 2;
  const ranges = diff.lines.get(f.file);
  return ranges && touches(ranges, f.range.start.line, Math.max(f.range.end.line, f.range.start.line)) ? 0 : 1;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * The order in which findings take annotation slots. By severity (errors, warnings, notices: each level has its
 * own slots); within a severity by tier (on the diff's changed lines, then elsewhere in changed files, then other
 * files); within a tier by class (document, schema, rule, placeholder); within a class one finding per file in
 * turn (files in path order, each file's findings by position) before a second one of any file, so that one file
 * full of TBDs cannot take every slot. Pure; suppressed findings are left out.
 */
export function annotationOrder(findings: readonly Finding[], diff?: DiffScope): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const key = `${SEVERITIES.indexOf(f.severity)}${tierOf(f, diff)}${CLASS_RANK[classOf(f)]}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const out: Finding[] = [];
  for (const key of [...groups.keys()].sort()) out.push(...roundRobin(groups.get(key)!));
  return out;
}

/** One finding of each file in turn: files in path order, each file's findings by position. */
function roundRobin(findings: readonly Finding[]): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of [...findings].sort(byPosition)) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const queues = [...byFile.keys()].sort(compareStrings).map((file) => byFile.get(file)!);
  const out: Finding[] = [];
  for (let round = 0; out.length < findings.length; round++) {
    for (const queue of queues) if (round < queue.length) out.push(queue[round]!);
  }
  return out;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

/**
 * The workflow-command annotations for `findings` (paths relative to the repository root, GITHUB_WORKSPACE, where
 * annotations must point to land on the diff): at most 10 per level in annotationOrder(). A level's unused slots
 * go to the errors, then warnings, of the changed files that did not fit into their own level, marked as such, so
 * that no problem on the diff is dropped while a slot is free. When anything is left out, a last notice says how
 * many and where they are (`where`: the job summary, the SARIF file).
 */
export function planAnnotations(findings: readonly Finding[], where: string, diff?: DiffScope): AnnotationPlan {
  const ordered = annotationOrder(findings, diff);
  const by = (s: Severity) => ordered.filter((f) => f.severity === s);
  const [errors, warnings, infos] = [by("error"), by("warning"), by("info")];
  const N = ANNOTATIONS_PER_LEVEL;
  const onDiff = (f: Finding) => tierOf(f, diff) < 2;

  const shown: Annotation[] = [];
  const spillable = [...errors.slice(N).filter(onDiff), ...warnings.slice(N).filter(onDiff)];
  shown.push(...errors.slice(0, N).map((f) => toAnnotation(f)));
  shown.push(...warnings.slice(0, N).map((f) => toAnnotation(f)));
  // Unused warning slots take errors of changed files that did not fit.
  const intoWarnings = spillable.filter((f) => f.severity === "error").slice(0, Math.max(0, N - warnings.length));
  shown.push(...intoWarnings.map((f) => toAnnotation(f, "warning")));
  const left = spillable.filter((f) => !intoWarnings.includes(f));
  // Notice slots: the notices, then what is still left of the changed files' errors and warnings. The closing
  // notice takes one slot when anything at all stays out.
  const outside = errors.length - Math.min(errors.length, N) + warnings.length - Math.min(warnings.length, N) - intoWarnings.length;
  const fitsAll = outside === left.length && infos.length + left.length <= N;
  const noticeSlots = fitsAll ? N : N - 1;
  const ownNotices = infos.slice(0, noticeSlots);
  const intoNotices = left.slice(0, Math.max(0, noticeSlots - ownNotices.length));
  shown.push(...ownNotices.map((f) => toAnnotation(f)));
  shown.push(...intoNotices.map((f) => toAnnotation(f, "notice")));

  const count = shown.length;
  const shownSet = new Set([...errors.slice(0, N), ...warnings.slice(0, N), ...intoWarnings, ...ownNotices, ...intoNotices]);
  const omittedBy = { error: 0, warning: 0, info: 0 };
  for (const f of ordered) if (!shownSet.has(f)) omittedBy[f.severity]++;
  const total = omittedBy.error + omittedBy.warning + omittedBy.info;
  if (total > 0) {
    const parts = [plural(omittedBy.error, "error"), plural(omittedBy.warning, "warning"), plural(omittedBy.info, "notice")].filter(Boolean);
    shown.push({
      level: "notice",
      message: `${total} more finding${total === 1 ? " is" : "s are"} not shown as annotations (${parts.join(", ")}): GitHub shows at most ${N} errors, ${N} warnings and ${N} notices per step. Every finding is in ${where}.`,
      properties: { title: "aimslint: more findings" },
    });
  }
  return { annotations: shown, shown: count, omitted: total };
}

/** One finding as a workflow-command annotation; `as` shows it at a lower level than its own, saying so. */
function toAnnotation(f: Finding, as?: "warning" | "notice"): Annotation {
  const { level, message, title, file, ...place } = annotationOf(f);
  const own = LEVEL[f.severity];
  const moved = as && as !== own;
  const text = moved ? `${capitalised(own)}, shown as a ${as}: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} ${own} annotations per step.\n${message}` : message;
  return {
    level: moved ? as : level,
    message: annotationText(text),
    properties: { title: annotationText(moved ? `${title} (${own})` : title, true), file: annotationText(file, true), ...place },
  };
}

function capitalised(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function plural(n: number, word: string): string {
  return n > 0 ? `${n} ${word}${n === 1 ? "" : "s"}` : "";
}
