// A document whose status is draft is work in progress: its gaps (missing fields, empty lists, template filler)
// become one warning that lists them, on its `status`. The first commit of a scaffold then passes, and what is
// left to do fits on one screen. Everything that is not a gap (a bad enum, a dangling id) is reported as usual.
import { CORE_RULES } from "../core/core-rules.js";
import type { Finding } from "../core/finding.js";
import { report } from "../core/report.js";
import type { IndexEntry } from "../engine/index-entry.js";
import { isGap } from "./one-per-problem.js";

/** Listed by name in the finding; the rest are counted. */
const LISTED = 8;

/**
 * `entries`: the index entries of the files reported on. `statusRange(entry)`: where the entry's `status` is.
 * A file is a draft when its outermost artefact (the register, not its entries) says `status: draft`.
 */
export function draftToDo(findings: readonly Finding[], entries: readonly IndexEntry[], statusRange: (entry: IndexEntry) => Finding["range"]): Finding[] {
  const drafts = new Map<string, IndexEntry>();
  for (const e of entries) {
    const known = drafts.get(e.file);
    if (e.data["status"] === "draft" && (!known || e.root.length < known.root.length)) drafts.set(e.file, e);
  }
  if (drafts.size === 0) return [...findings];
  const gaps = new Map<string, Finding[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (drafts.has(f.file) && !f.suppressed && f.severity !== "info" && isGap(f)) {
      const list = gaps.get(f.file) ?? [];
      list.push(f);
      gaps.set(f.file, list);
    } else out.push(f);
  }
  for (const [file, list] of gaps) {
    const entry = drafts.get(file)!;
    const items = [...new Set(list.map(fieldOf))];
    // The same field of many list items (the SoA's 38 owners) is one line of the to-do list.
    const groups = new Map<string, number>();
    for (const item of items) {
      const shape = item.replace(/\[\d+\]/g, "[*]");
      groups.set(shape, (groups.get(shape) ?? 0) + 1);
    }
    const fields = [...groups].map(([shape, n]) => (n > 1 ? `${shape} (${n})` : items.find((i) => i.replace(/\[\d+\]/g, "[*]") === shape)!));
    const shown = fields.slice(0, LISTED).join(", ");
    const more = fields.length > LISTED ? `, and ${fields.length - LISTED} more` : "";
    const message = `Draft with ${items.length} ${items.length === 1 ? "item" : "items"} still to fill in: ${shown}${more}. Fill them in, then set "status" past draft to have each checked on its own.`;
    out.push(report(CORE_RULES["draft/open-items"], file, statusRange(entry), message, { pointer: "/status" }));
  }
  return out;
}

/** `risks/0/treatment/owner` → `risks[0].treatment.owner`: how messages name fields. */
function fieldOf(f: Finding): string {
  if (f.pointer === undefined || f.pointer === "") return "(the document)";
  return f.pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), "");
}
