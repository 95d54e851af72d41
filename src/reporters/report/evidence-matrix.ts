// The evidence matrix: for each AI system in scope, the evidence it needs (evidence-columns.json), each cell the
// artefacts found for it, their state and their age. A cell is as bad as its worst artefact: an error finding in
// any of them fails the cell, and its age is that of the artefact reviewed longest ago.
import type { Finding } from "../../core/finding.js";
import type { IndexEntry } from "../../engine/index-entry.js";
import { isDate } from "../../engine/dates.js";
import { parsePath, resolvePath } from "../../engine/paths.js";
import { artefactAt, artefactsByFile } from "../../pipeline/applicability.js";
import { pointer, type PathSegment } from "../../source/locator.js";
import data from "./evidence-columns.json" with { type: "json" };

export interface EvidenceColumn {
  id: string;
  title: string;
  kind: string;
  link: "system" | "systems" | "own";
  also?: string;
  field?: string;
  optionalWhen?: string;
  iso42001: string[];
}

export const EVIDENCE_COLUMNS = data.columns as EvidenceColumn[];

/** Reviewed or approved longer ago than this, a cell is marked old. */
export const OLD_AFTER_DAYS = 365;

export type CellState = "current" | "attention" | "failing" | "draft" | "missing" | "not-applicable";

export interface EvidenceItem {
  file: string;
  line: number;
  label: string;
}

export interface EvidenceCell {
  column: string;
  state: CellState;
  items: EvidenceItem[];
  errors: number;
  warnings: number;
  /** The oldest review or approval date among the items, with its age in days and whether a review is overdue. */
  age?: { date: string; days: number; old: boolean; overdue: boolean };
}

export interface SystemRow {
  id: string;
  name: string;
  file: string;
  line: number;
  cells: EvidenceCell[];
}

export interface EvidenceMatrix {
  columns: EvidenceColumn[];
  systems: SystemRow[];
  /** Systems outside the scope of the management system, with the reason given. */
  outOfScope: { id: string; name: string; file: string; line: number; reason: string | undefined }[];
}

export type Locate = (entry: IndexEntry, path: readonly PathSegment[]) => number;

/** `byFile`: artefactsByFile(artefacts), when the caller has it already. */
export function evidenceMatrix(artefacts: readonly IndexEntry[], findings: readonly Finding[], today: string, locate: Locate, byFile = artefactsByFile(artefacts)): EvidenceMatrix {
  // Findings by the artefact they sit in, with their JSON pointer: a cell of the system record counts only its field's.
  const findingsOf = new Map<IndexEntry, Finding[]>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const entry = artefactAt(f, byFile.get(f.file) ?? []);
    if (!entry) continue;
    const list = findingsOf.get(entry);
    if (list) list.push(f);
    else findingsOf.set(entry, [f]);
  }
  const linked = new Map<string, Map<string, IndexEntry[]>>();
  for (const column of EVIDENCE_COLUMNS) {
    if (column.link === "own") continue;
    const map = new Map<string, IndexEntry[]>();
    for (const a of artefacts) {
      if (a.kind !== column.kind) continue;
      const named = a.data[column.link];
      for (const system of Array.isArray(named) ? named : [named]) if (typeof system === "string") push(map, system, a);
    }
    linked.set(column.id, map);
  }
  const withId = new Map<string, IndexEntry[]>();
  for (const a of artefacts) if (a.id) push(withId, a.id, a);

  const systems: SystemRow[] = [];
  const outOfScope: EvidenceMatrix["outOfScope"] = [];
  for (const system of artefacts) {
    if (system.kind !== "ai-system" || !system.id) continue;
    const name = text(system.data["name"]) ?? text(system.data["title"]) ?? system.id;
    const line = locate(system, system.root);
    if (system.data["in_scope"] === false) {
      outOfScope.push({ id: system.id, name, file: system.file, line, reason: text(system.data["scope_exclusion_reason"]) });
      continue;
    }
    const cells = EVIDENCE_COLUMNS.map((column): EvidenceCell => {
      if (column.link === "own") return ownCell(column, system, findingsOf.get(system) ?? [], today, locate);
      const found = new Set(linked.get(column.id)?.get(system.id!) ?? []);
      if (column.also) {
        for (const id of listed(system.data, column.also)) for (const a of withId.get(id) ?? []) if (a.kind === column.kind) found.add(a);
      }
      if (found.size === 0) {
        const optional = column.optionalWhen !== undefined && listed(system.data, column.optionalWhen).length === 0 && !Array.isArray(system.data[column.optionalWhen]);
        return { column: column.id, state: optional ? "not-applicable" : "missing", items: [], errors: 0, warnings: 0 };
      }
      const entries = [...found].sort((a, b) => (a.id ?? a.file).localeCompare(b.id ?? b.file, "en", { numeric: true }));
      return cellOf(
        column.id,
        entries.map((e) => ({ entry: e, findings: findingsOf.get(e) ?? [], item: { file: e.file, line: locate(e, e.root), label: e.id ?? e.file } })),
        today,
      );
    });
    systems.push({ id: system.id, name, file: system.file, line, cells });
  }
  systems.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { columns: EVIDENCE_COLUMNS, systems, outOfScope };
}

/** A cell about a field of the system record itself: present or missing, judged by the findings on that field. */
function ownCell(column: EvidenceColumn, system: IndexEntry, findings: readonly Finding[], today: string, locate: Locate): EvidenceCell {
  const field = column.field!;
  if (system.data[field] === undefined || system.data[field] === null) {
    // A record still in draft is not approved yet, rightly; an approved one without its date is missing it.
    const draft = column.id === "approval" && system.data["status"] !== "approved";
    const items = draft ? [{ file: system.file, line: locate(system, [...system.root, "status"]), label: "status" }] : [];
    return { column: column.id, state: draft ? "draft" : "missing", items, errors: 0, warnings: 0 };
  }
  const at = `${pointer(system.root)}/`;
  const own = findings.filter((f) => (f.pointer ?? "").startsWith(`${at}${field}`) || (column.id === "approval" && /\/(?:approved_by|status)$/.test(f.pointer ?? "")));
  const item = { file: system.file, line: locate(system, [...system.root, field]), label: column.id === "approval" ? `${field}: ${text(system.data[field]) ?? "?"}` : field };
  const cell = cellOf(column.id, [{ entry: system, findings: own, item }], today);
  // A record not yet approved is a draft, whatever its findings say.
  if (column.id === "approval" && system.data["status"] !== "approved" && cell.state !== "failing") cell.state = "draft";
  return cell;
}

function cellOf(column: string, parts: { entry: IndexEntry; findings: readonly Finding[]; item: EvidenceItem }[], today: string): EvidenceCell {
  let errors = 0;
  let warnings = 0;
  let draft = false;
  let age: EvidenceCell["age"];
  for (const { entry, findings } of parts) {
    for (const f of findings) {
      if (f.severity === "error") errors++;
      else if (f.severity === "warning") warnings++;
    }
    const status = entry.data["status"];
    if (typeof status === "string" && /^(?:draft|in-review|proposed)$/.test(status)) draft = true;
    // A date that is no date (2026-13-01; its schema finding says so) gives the cell no age.
    const date = latest(text(entry.data["last_reviewed"]), text(entry.data["approved_on"]));
    if (date && (!age || date < age.date)) {
      const days = Math.floor((Date.parse(today) - Date.parse(date)) / 86_400_000);
      age = { date, days, old: days > OLD_AFTER_DAYS, overdue: false };
    }
  }
  const overdue = parts.some(({ entry }) => {
    const next = entry.data["next_review"];
    return isDate(next) && next < today;
  });
  if (age) age.overdue = overdue;
  const state: CellState = errors > 0 ? "failing" : draft ? "draft" : warnings > 0 || overdue || age?.old ? "attention" : "current";
  return { column, state, items: parts.map((p) => p.item), errors, warnings, ...(age ? { age } : {}) };
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  const dates = [a, b].filter(isDate);
  return dates.sort().at(-1);
}

function listed(data: Record<string, unknown>, path: string): string[] {
  return resolvePath(data, parsePath(path))
    .map((m) => m.value)
    .filter((v): v is string => typeof v === "string");
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  // YAML dates arrive as Date objects when a document was parsed by the full parser.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
