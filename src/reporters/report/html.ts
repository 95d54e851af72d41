// The report as one HTML file: no external script, font, style or request (a Content-Security-Policy in the page
// says so to the browser), readable from file://, as a CI artefact and on paper. Every text that comes from the
// repository (file names, ids, messages, titles) goes through esc(): markup-inert, one line, control and
// bidirectional characters shown as escapes.
import type { Finding } from "../../core/finding.js";
import { safeText } from "../../util/safe-text.js";
import { plural } from "../../util/text.js";
import type { CoverageStatus } from "../coverage.js";
import { contentSecurityPolicy, SCRIPT, STYLE } from "./assets.js";
import { type CellState, type EvidenceCell, OLD_AFTER_DAYS } from "./evidence-matrix.js";
import type { ReportModel } from "./model.js";
import { type ReadinessState, type RequirementGroup, STATE_LABEL } from "./readiness.js";

/** Findings listed in the page; the rest are counted (the JSON and SARIF outputs hold them all). */
export const MAX_LISTED = 5000;

const SYMBOL: Record<ReadinessState, string> = { passing: "✔", partial: "◐", failing: "✖", "not-checkable": "○", "not-checked": "–", excluded: "⊘" };
const CELL_LABEL: Record<CellState, string> = {
  current: "✔ current",
  attention: "⚠ attention",
  failing: "✖ failing",
  draft: "✎ draft",
  missing: "✖ missing",
  "not-applicable": "n/a",
};
/** An Annex A area's status in the words of the job summary's coverage table. */
const AREA_LABEL: Record<CoverageStatus, string> = {
  fail: "failing",
  warn: "warnings",
  incomplete: "incomplete",
  "no-evidence": "no evidence",
  partial: "partial",
  pass: "passing",
  "not-checked": "not checked",
  excluded: "excluded in the SoA",
};
const FRAMEWORK_NAME = { iso42001: "ISO/IEC 42001", "eu-ai-act": "EU AI Act", "nist-ai-rmf": "NIST AI RMF", iso23894: "ISO/IEC 23894", iso42005: "ISO/IEC 42005" } as const;

export function renderHtml(m: ReportModel): string {
  const total = m.totals.error + m.totals.warning + m.totals.info;
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>aimslint report${m.scope ? ` — ${esc(m.scope)}` : ""}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>ISO/IEC 42001 readiness${m.scope ? ` — ${esc(m.scope)}` : ""}</h1>`,
    `<p class="meta">aimslint ${esc(m.version)} · ${esc(m.today)} · ${plural(m.artefactsChecked, "artefact")} in ${plural(m.filesChecked, "file")} · aimslint checks the evidence in files, not legal or certification compliance.</p>`,
    "</header>",
    "<main>",
    overview(m, total),
    heatMap(m),
    matrix(m),
    findingsSection(m),
    comparison(m),
    suppressedSection(m),
    requirements(m),
    "</main>",
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function overview(m: ReportModel, total: number): string {
  const r = m.readiness;
  const judged = r.counts.passing + r.counts.partial + r.counts.failing;
  const figure = r.figure === undefined ? "—" : `${r.figure} %`;
  return [
    '<section aria-labelledby="overview"><h2 id="overview">Overview</h2><div class="top">',
    `<div class="figure" id="readiness"><span>Readiness</span><strong data-figure="${r.figure ?? ""}">${figure}</strong><span class="note">${r.counts.passing} of ${plural(judged, "checked requirement")} pass</span></div>`,
    '<ul class="counts" aria-label="Findings">',
    `<li><span class="sev-error">${m.totals.error}</span> ${m.totals.error === 1 ? "error" : "errors"}</li>`,
    `<li><span class="sev-warning">${m.totals.warning}</span> ${m.totals.warning === 1 ? "warning" : "warnings"}</li>`,
    `<li><span class="sev-info">${m.totals.info}</span> ${m.totals.info === 1 ? "notice" : "notices"}</li>`,
    `<li>${plural(m.baselined.length, "finding")} in the baseline</li>`,
    "</ul></div>",
    `<p class="note">Readiness is the share of requirements (clauses 4–10 and Annex A controls) checked by a rule of this run and not excluded in the Statement of Applicability whose evidence passes every rule: passing ÷ (passing + partial + failing). ${total === 0 ? "No findings." : ""}</p>`,
    "</section>",
  ].join("\n");
}

function heatMap(m: ReportModel): string {
  const r = m.readiness;
  const legend = (Object.keys(STATE_LABEL) as ReadinessState[]).map(
    (s) => `<li><span class="cell s-${s}" aria-hidden="true">${SYMBOL[s]}</span> ${STATE_LABEL[s]}: <span data-count="${s}">${r.counts[s]}</span></li>`,
  );
  return [
    '<section aria-labelledby="heat"><h2 id="heat">Clauses and Annex A controls</h2>',
    `<ul class="legend">${legend.join("")}</ul>`,
    '<h3>Clauses 4 to 10</h3><div class="heat">',
    ...r.clauses.map((g) => heatRow(g, `${g.ref} ${g.title}`)),
    '</div><h3>Annex A controls</h3><div class="heat">',
    ...r.annex.map((g) => heatRow(g, `${g.ref} ${g.title}`, g.status)),
    "</div></section>",
  ].join("\n");
}

function heatRow(group: RequirementGroup, title: string, status?: string): string {
  const cells = group.items.map((item) => {
    const label = `${item.ref} ${item.title}: ${STATE_LABEL[item.state]}${item.reason ? ` (${item.reason})` : ""}`;
    return `<a class="cell s-${item.state}" href="#req-${anchor(item.ref)}" data-ref="${esc(item.ref)}" data-state="${item.state}" title="${esc(label)}" aria-label="${esc(label)}"><b>${SYMBOL[item.state]} ${esc(item.ref)}</b></a>`;
  });
  const area = status ? `<small class="area" data-area-status="${status}">area: ${AREA_LABEL[status as CoverageStatus]}</small>` : "";
  return `<div class="group">${esc(title)}${area}</div><div class="cells">${cells.join("")}</div>`;
}

function matrix(m: ReportModel): string {
  if (!m.matrix) return "";
  const { columns, systems, outOfScope } = m.matrix;
  const out = ['<section aria-labelledby="evidence"><h2 id="evidence">Evidence per AI system</h2>'];
  if (systems.length === 0) out.push("<p>No AI system record in scope: nothing to show evidence for. An AI system record (kind: ai-system) is where each system's evidence starts.</p>");
  else {
    out.push(
      `<p class="note">Each cell is the evidence the system needs, linked to its files, as bad as its worst artefact: an error fails it; warnings, an overdue review or an age over ${OLD_AFTER_DAYS} days call for attention.</p>`,
      '<table class="matrix" id="matrix"><thead><tr><th scope="col">AI system</th>',
      ...columns.map((c) => `<th scope="col">${esc(c.title)} <span class="note">(${c.iso42001.map(esc).join(", ")})</span></th>`),
      "</tr></thead><tbody>",
    );
    for (const s of systems) {
      out.push(`<tr data-system="${esc(s.id)}"><th scope="row">${link(m, s.file, s.line, `${esc(s.name)}`)}<br><code>${esc(s.id)}</code></th>`);
      out.push(...s.cells.map((cell) => matrixCell(m, cell)));
      out.push("</tr>");
    }
    out.push("</tbody></table>");
  }
  if (outOfScope.length > 0) {
    out.push(
      `<p>Outside the scope of the management system: ${outOfScope.map((s) => `${link(m, s.file, s.line, esc(s.name))} (<code>${esc(s.id)}</code>${s.reason ? `: ${esc(s.reason)}` : ", no reason given"})`).join("; ")}.</p>`,
    );
  }
  out.push("</section>");
  return out.join("\n");
}

function matrixCell(m: ReportModel, cell: EvidenceCell): string {
  const counts = [cell.errors ? plural(cell.errors, "error") : "", cell.warnings ? plural(cell.warnings, "warning") : ""].filter(Boolean).join(", ");
  const age = cell.age
    ? `<span class="age${cell.age.old || cell.age.overdue ? " old" : ""}">${cell.age.overdue ? "review overdue; " : ""}reviewed ${esc(cell.age.date)} (${plural(cell.age.days, "day")} ago)</span>`
    : "";
  const files = cell.items.length > 0 ? `<ul class="files">${cell.items.map((i) => `<li>${link(m, i.file, i.line, esc(i.label))}</li>`).join("")}</ul>` : "";
  return `<td class="m-${cell.state}" data-column="${esc(cell.column)}" data-state="${cell.state}"><span class="state c-${cell.state}">${CELL_LABEL[cell.state]}</span>${counts ? ` <span class="note">${counts}</span>` : ""}${age}${files}</td>`;
}

function findingsSection(m: ReportModel): string {
  const out = ['<section aria-labelledby="findings"><h2 id="findings">Findings</h2>'];
  const all = m.groups.reduce((n, g) => n + g.findings.length, 0);
  if (all === 0) {
    out.push("<p>No findings.</p></section>");
    return out.join("\n");
  }
  const fw = FRAMEWORK_NAME[m.framework];
  out.push(
    '<div class="filters" role="search">',
    '<label>Text<input id="f-text" type="search" placeholder="file, rule or message"></label>',
    `<fieldset><legend>Severity</legend>${(["error", "warning", "info"] as const).map((s) => `<label><input type="checkbox" data-sev-filter value="${s}" checked>${s}</label>`).join("")}</fieldset>`,
    `<label>AI system<select id="f-system"><option value="">all</option>${m.groups.map((g) => `<option value="${esc(g.id)}">${esc(g.id || "not tied to one system")}</option>`).join("")}</select></label>`,
    `<label>${esc(fw)} reference<select id="f-ref"><option value="">all</option>${m.byReference.map((r) => `<option value="${esc(r.ref)}">${esc(r.ref)}</option>`).join("")}</select></label>`,
    `<output id="f-shown" aria-live="polite">${all} shown</output>`,
    "</div>",
    `<table id="findings-table"><caption class="note">By AI system; ${fw} references in the last column.</caption><thead><tr><th scope="col">Location</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message</th><th scope="col">${esc(fw)}</th></tr></thead>`,
  );
  let listed = 0;
  for (const g of m.groups) {
    out.push(`<tbody><tr class="sys" data-group="${esc(g.id)}"><th colspan="5" scope="rowgroup">${esc(g.title)} — ${plural(g.findings.length, "finding")}</th></tr>`);
    for (const { finding: f, refs } of g.findings) {
      if (listed++ >= MAX_LISTED) break;
      out.push(
        `<tr data-sev="${f.severity}" data-group="${esc(g.id)}" data-refs="${esc(refs.join(" "))}"><td>${location(m, f)}</td><td class="sev-${f.severity}">${f.severity}</td><td><code>${esc(f.ruleId)}</code></td><td class="msg">${esc(f.message)}${f.help ? `<details class="fix"><summary>How to fix</summary>${esc(f.help)}</details>` : ""}</td><td>${refs.map(esc).join(", ")}</td></tr>`,
      );
    }
    out.push("</tbody>");
  }
  out.push("</table>");
  if (listed > MAX_LISTED) out.push(`<p class="note">${plural(listed - MAX_LISTED, "more finding")} not listed here; the JSON and SARIF outputs hold them all.</p>`);
  out.push(
    `<h3>By ${esc(fw)} reference</h3>`,
    `<table id="by-reference"><thead><tr><th scope="col">Reference</th><th scope="col">Title</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Notices</th></tr></thead><tbody>`,
    ...m.byReference.map(
      (r) =>
        `<tr><td><button type="button" class="ref" data-ref="${esc(r.ref)}">${esc(r.ref)}</button></td><td>${esc(r.title)}</td><td class="num">${r.errors}</td><td class="num">${r.warnings}</td><td class="num">${r.infos}</td></tr>`,
    ),
    "</tbody></table></section>",
  );
  return out.join("\n");
}

function comparison(m: ReportModel): string {
  const c = m.comparison;
  if (!c) return "";
  const delta = (before: number, after: number) => {
    const d = after - before;
    return d === 0 ? "±0" : d > 0 ? `<span class="up">+${d}</span>` : `<span class="down">${d}</span>`;
  };
  const list = (title: string, findings: readonly Finding[], id: string) =>
    findings.length === 0
      ? `<p>${title}: none.</p>`
      : `<details id="${id}"><summary>${title}: ${findings.length}</summary><ul>${findings
          .slice(0, 500)
          .map((f) => `<li><code>${esc(f.ruleId)}</code> ${location(m, f)} ${esc(f.message)}</li>`)
          .join("")}</ul>${findings.length > 500 ? `<p class="note">${findings.length - 500} more not listed.</p>` : ""}</details>`;
  return [
    '<section aria-labelledby="change"><h2 id="change">Change since the earlier run</h2>',
    `<p>Compared with a run of aimslint ${esc(c.version)}: errors ${c.before.errors} → ${c.after.errors} (${delta(c.before.errors, c.after.errors)}), warnings ${c.before.warnings} → ${c.after.warnings} (${delta(c.before.warnings, c.after.warnings)}).</p>`,
    c.areas.length > 0
      ? `<table id="change-areas"><thead><tr><th scope="col">Clause or area</th><th scope="col" class="num">Before</th><th scope="col" class="num">Now</th><th scope="col" class="num">Change</th></tr></thead><tbody>${c.areas
          .map((a) => `<tr><td>${esc(a.ref)}</td><td class="num">${a.before}</td><td class="num">${a.after}</td><td class="num">${delta(a.before, a.after)}</td></tr>`)
          .join("")}</tbody></table>`
      : "<p>No clause or area changed its count of errors and warnings.</p>",
    list("New findings", c.added, "change-added"),
    list("Resolved findings", c.resolved, "change-resolved"),
    "</section>",
  ].join("\n");
}

function suppressedSection(m: ReportModel): string {
  if (m.baselined.length === 0 && m.suppressed.length === 0) return "";
  const rows = (findings: readonly Finding[], reason: boolean) =>
    findings
      .slice(0, MAX_LISTED)
      .map(
        (f) =>
          `<tr><td>${location(m, f)}</td><td class="sev-${f.severity}">${f.severity}</td><td><code>${esc(f.ruleId)}</code></td><td class="msg">${esc(f.message)}</td>${reason ? `<td>${esc(f.suppressed?.reason ?? "")}${f.suppressed?.expires ? ` (until ${esc(f.suppressed.expires)})` : ""}</td>` : ""}</tr>`,
      )
      .join("");
  const out = ['<section aria-labelledby="accepted"><h2 id="accepted">Accepted findings</h2>'];
  if (m.baselined.length > 0) {
    out.push(
      `<details id="baselined"><summary>In the baseline: ${m.baselined.length} (accepted when the baseline was written; new findings are reported above)</summary><table><thead><tr><th scope="col">Location</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message</th></tr></thead><tbody>${rows(m.baselined, false)}</tbody></table></details>`,
    );
  }
  if (m.suppressed.length > 0) {
    out.push(
      `<details id="suppressed"><summary>Suppressed by a comment: ${m.suppressed.length}</summary><table><thead><tr><th scope="col">Location</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message</th><th scope="col">Reason</th></tr></thead><tbody>${rows(m.suppressed, true)}</tbody></table></details>`,
    );
  }
  out.push("</section>");
  return out.join("\n");
}

function requirements(m: ReportModel): string {
  const rows = [...m.readiness.clauses, ...m.readiness.annex].flatMap((g) =>
    g.items.map((item) => {
      const row = item.row;
      const evidence = row?.evidence.filter((e) => e.count > 0).map((e) => `${e.count} × ${esc(e.title)}`) ?? [];
      const failed =
        row?.failed.map(
          (e) =>
            `<code>${esc(e.ruleId)}</code> (${[e.errors ? plural(e.errors, "error") : "", e.warnings ? plural(e.warnings, "warning") : "", e.infos ? plural(e.infos, "notice") : ""].filter(Boolean).join(", ")})`,
        ) ?? [];
      const toComplete = row ? row.toComplete.documents + row.toComplete.placeholders : 0;
      if (toComplete > 0) failed.push(`${plural(toComplete, "finding")} of documents to complete`);
      const note = item.reason ?? (item.state === "not-checked" ? "No rule of this run checks it." : item.state === "excluded" ? "Excluded for every system by the Statement of Applicability." : "");
      return `<tr id="req-${anchor(item.ref)}" data-state="${item.state}"><th scope="row">${esc(item.ref)}</th><td>${esc(item.title)}</td><td><span class="cell s-${item.state}">${SYMBOL[item.state]} ${STATE_LABEL[item.state]}</span></td><td>${evidence.join("<br>") || "—"}</td><td class="num">${row?.ran.length ?? 0}</td><td>${failed.join("<br>") || "—"}${note ? `<br><span class="note">${esc(note)}</span>` : ""}</td></tr>`;
    }),
  );
  return [
    '<section aria-labelledby="requirements"><h2 id="requirements">Requirements in detail</h2>',
    '<table id="requirements-table"><thead><tr><th scope="col">Ref</th><th scope="col">Requirement</th><th scope="col">State</th><th scope="col">Evidence in the repository</th><th scope="col" class="num">Rules run</th><th scope="col">Findings</th></tr></thead><tbody>',
    ...rows,
    "</tbody></table></section>",
  ].join("\n");
}

function location(m: ReportModel, f: Finding): string {
  return link(m, f.file, f.range.start.line, `${esc(f.file)}:${f.range.start.line}:${f.range.start.column}`);
}

function link(m: ReportModel, file: string, line: number, html: string): string {
  const href = m.href(file, line);
  return href ? `<a href="${esc(href)}">${html}</a>` : html;
}

function anchor(ref: string): string {
  return ref.replace(/[^A-Za-z0-9.-]/g, "_");
}

/** Untrusted text as inert HTML text or attribute value. */
export function esc(text: string): string {
  // A line break is a space in HTML text; safeText would show it as "\n".
  return safeText(text.replace(/\r\n|\r|\n/g, " ")).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
