// The job summary ($GITHUB_STEP_SUMMARY), written for the person reviewing the change: first the verdict and the
// counts; then the findings in the files the pull request changes, each linked to its line at the head commit;
// then, collapsed, the findings in other files, the suppressed ones, the ISO/IEC 42001 coverage (open on pushes,
// collapsed on pull requests) and the findings by rule with their crosswalks to other frameworks. GitHub refuses a
// step summary over 1 MiB (github/docs workflow-commands.md), so the finding lists are cut to fit, with a note
// saying so. Everything that comes from the repository (file names, messages, configured titles) is untrusted:
// md() makes it inert text.
import { CROSSWALK_FRAMEWORKS, type Crosswalks, crosswalksOf, FRAMEWORK_INFO } from "../core/crosswalks.js";
import { countFindings, type Finding, type Severity } from "../core/finding.js";
import { ruleCatalogue } from "../reporters/sarif.js";
import type { RuleMetadata } from "../reporters/types.js";
import { safeText } from "../util/safe-text.js";
import { plural } from "../util/text.js";
import type { Coverage, CoverageRow, CoverageStatus } from "../reporters/coverage.js";

/** Under GitHub's 1 MiB (1,048,576 bytes), leaving room for the truncation note. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;
/** Rows of the changed files' table shown open; the rest is collapsed under it. */
export const OPEN_ROWS = 50;

/** How the findings reached the diff. */
export type AnnotationReport = { method: "commands"; shown: number; omitted: number; fallback?: string } | { method: "checks"; shown: number; url?: string } | { method: "off" };

/** Where a file is shown on GitHub: `${serverUrl}/${repository}/blob/${sha}/`. Checked by linkBase(). */
export interface LinkBase {
  serverUrl: string;
  repository: string;
  sha: string;
}

export interface SummaryInput {
  version: string;
  /** Reported findings, suppressed ones included, sorted. */
  findings: readonly Finding[];
  rules: readonly RuleMetadata[];
  coverage: Coverage;
  filesChecked: number;
  artefactsChecked: number;
  /** What was reported on, e.g. "the whole repository" or "only the 4 files changed by pull request #7, listed by the GitHub API". */
  scope: string;
  annotations: AnnotationReport;
  sarifFile?: string;
  failOn: "error" | "warning" | "never";
  failed: boolean;
  /** What the pull request or push changes, when known: its findings come first. */
  changed?: { what: string; files: ReadonlySet<string> };
  /** A pull request's run: the coverage table starts collapsed. */
  pullRequest?: boolean;
  /** Links to the lines at the head commit; none without. */
  links?: LinkBase;
  limitBytes?: number;
  /** `check-run`: the check run's summary, which holds the verdict and the findings only (the API takes 65,535 characters). */
  variant?: "job" | "check-run";
}

const STATUS: Record<CoverageStatus, string> = {
  fail: "✖ failing",
  warn: "⚠ warnings",
  incomplete: "◌ incomplete",
  "no-evidence": "⚠ no evidence",
  partial: "◐ partial",
  pass: "✔ passing",
  "not-checked": "— not checked",
  excluded: "⊘ excluded in the SoA",
};

/** "2 failing, 1 with warnings": how the coverage table's title counts rows. */
const COUNTED: Record<Exclude<CoverageStatus, "not-checked" | "excluded">, string> = {
  fail: "failing",
  warn: "with warnings",
  incomplete: "incomplete",
  "no-evidence": "without evidence",
  partial: "partial",
  pass: "passing",
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function renderSummary(input: SummaryInput): string {
  const checkRun = input.variant === "check-run";
  const limit = input.limitBytes ?? SUMMARY_LIMIT_BYTES;
  const totals = countFindings(input.findings);
  const active = input.findings.filter((f) => !f.suppressed);
  const changed = input.changed;
  const inChanged = changed ? active.filter((f) => changed.files.has(f.file)) : [];
  const elsewhere = changed ? active.filter((f) => !changed.files.has(f.file)) : active;

  // The verdict and the counts.
  const head: string[] = [];
  const mark = totals.errors > 0 ? "✖" : totals.warnings > 0 ? "⚠" : "✔";
  head.push(`## ${mark} aimslint: ${plural(totals.errors, "error")}, ${plural(totals.warnings, "warning")}${totals.infos ? `, ${plural(totals.infos, "notice")}` : ""}`, "");
  let verdict = `${input.failed ? "**This check fails**" : "This check passes"} (fails on: ${input.failOn}).`;
  if (changed) {
    const c = countFindings(inChanged);
    verdict += ` In the ${plural(changed.files.size, "file")} changed by ${md(changed.what)}: ${strong(c.errors, "error")}, ${strong(c.warnings, "warning")}${c.infos ? `, ${plural(c.infos, "notice")}` : ""}`;
    if (elsewhere.length > 0) {
      const o = countFindings(elsewhere);
      verdict += `; in other files: ${plural(o.errors, "error")}, ${plural(o.warnings, "warning")}${o.infos ? `, ${plural(o.infos, "notice")}` : ""}`;
    }
    verdict += ".";
  }
  head.push(verdict, "");
  head.push(
    `Checked ${plural(input.artefactsChecked, "artefact")} in ${plural(input.filesChecked, "file")} (${md(input.scope)})${totals.suppressed ? `; ${plural(totals.suppressed, "finding")} suppressed with a reason` : ""}. aimslint ${md(input.version)}.`,
    "",
  );
  head.push(...annotationNote(input), ...(input.sarifFile ? [`SARIF: \`${md(input.sarifFile).replace(/`/g, "")}\``, ""] : []));

  // The fixed sections, measured first: the finding lists get what is left of the budget.
  const coverageSection = checkRun ? [] : coverageLines(input.coverage, !input.pullRequest);
  const ruleSection = checkRun ? [] : byRuleLines(input.findings, input.rules);
  if (checkRun) coverageSection.push("The job summary of this run has the findings in every file, the suppressed ones and the ISO/IEC 42001 coverage.", "");
  const fixed = [...head, ...coverageSection, ...ruleSection].join("\n");
  const lists = new FindingLists(limit - byteLength(fixed) - 600, input.links);

  const body: string[] = [];
  if (changed) {
    body.push(`### Findings in the ${plural(changed.files.size, "file")} changed by ${md(changed.what)}`, "");
    if (inChanged.length === 0) body.push(`No findings in ${changed.files.size === 1 ? "it" : "them"}.`, "");
    else body.push(...lists.table(sortForReading(inChanged), { openRows: OPEN_ROWS, moreTitle: (n) => `${plural(n, "more finding")} in the changed files` }));
    if (elsewhere.length > 0) body.push(...lists.details(`Findings in other files (${breakdown(elsewhere)})`, sortForReading(elsewhere)));
  } else if (active.length > 0) {
    body.push(`### Findings (${breakdown(active)})`, "");
    body.push(...lists.table(sortForReading(active), { openRows: OPEN_ROWS, moreTitle: (n) => plural(n, "more finding") }));
  }
  const suppressed = input.findings.filter((f) => f.suppressed);
  if (suppressed.length > 0 && !checkRun) {
    body.push(
      ...lists.details(`Suppressed findings (${suppressed.length})`, suppressed, {
        header: "| Location | Severity | Rule | Message | Reason |\n|---|---|---|---|---|",
        extra: (f) => md(f.suppressed!.reason + (f.suppressed!.expires ? ` (until ${f.suppressed!.expires})` : "")),
      }),
    );
  }
  if (lists.left > 0) {
    const where = checkRun ? "this check run's summary is limited to 65,535 characters. The job summary" : "a job summary is limited to 1 MiB. The SARIF file and the step's log";
    body.push("> [!WARNING]", `> ${plural(lists.left, "more finding")} ${lists.left === 1 ? "is" : "are"} not listed: ${where} hold them all.`, "");
  }
  return [...head, ...body, ...coverageSection, ...ruleSection].join("\n");
}

function annotationNote(input: SummaryInput): string[] {
  const a = input.annotations;
  if (input.variant === "check-run") return [];
  const changed = input.changed ? ` The findings on the lines ${md(input.changed.what)} changes went first, then the rest of its files.` : "";
  if (a.method === "checks") {
    const run = a.url && /^https:\/\/[^\s()<>]+$/.test(a.url) ? `[the check run](${a.url})` : "the check run “aimslint”";
    return [`${a.shown === 1 ? "The finding is" : `All ${a.shown} findings are`} annotated on the diff through ${run}.`, ""];
  }
  if (a.method === "off") return [];
  if (a.omitted === 0 && !a.fallback) return [];
  const lines = ["> [!NOTE]"];
  if (a.omitted > 0) {
    lines.push(
      `> ${a.shown} findings are annotated on the diff; GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so the other ${a.omitted} are only listed below${input.sarifFile ? " and in the SARIF file" : ""}.${changed}`,
    );
  }
  if (a.fallback) lines.push(`> ${a.omitted > 0 ? "" : "Annotations went out as workflow commands: "}${md(a.fallback)}`);
  return [...lines, ""];
}

/** Errors first, then by file and position: what blocks the change at the top. */
function sortForReading(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column,
  );
}

/** "40 errors, 1 warning": the non-zero counts only. */
function breakdown(findings: readonly Finding[]): string {
  const t = countFindings(findings);
  return [t.errors ? plural(t.errors, "error") : "", t.warnings ? plural(t.warnings, "warning") : "", t.infos ? plural(t.infos, "notice") : ""].filter(Boolean).join(", ") || "none";
}

function strong(n: number, word: string): string {
  return n > 0 ? `**${plural(n, word)}**` : plural(n, word);
}

const FINDING_HEADER = "| Location | Severity | Rule | Message |\n|---|---|---|---|";

/** Finding tables that share one byte budget; `left` counts the findings that did not fit. */
class FindingLists {
  left = 0;
  private used = 0;

  constructor(
    private readonly budget: number,
    private readonly links: LinkBase | undefined,
  ) {}

  /** A table shown open for its first `openRows` rows, the rest collapsed under it. */
  table(findings: readonly Finding[], options: { openRows: number; moreTitle: (n: number) => string }): string[] {
    const open = findings.slice(0, options.openRows);
    const rest = findings.slice(options.openRows);
    const out = this.rows(open, FINDING_HEADER);
    if (rest.length > 0) out.push(...this.details(options.moreTitle(rest.length), rest));
    return out;
  }

  /** A collapsed table under a `<summary>` title (plain text: made inert by the caller). */
  details(title: string, findings: readonly Finding[], options: { header?: string; extra?: (f: Finding) => string } = {}): string[] {
    const opening = `<details><summary>${title}</summary>`;
    if (!this.fits(opening)) {
      this.left += findings.length;
      return [];
    }
    const rows = this.rows(findings, options.header ?? FINDING_HEADER, options.extra);
    if (rows.length === 0) return [];
    this.fits("</details>");
    return [opening, "", ...rows, "</details>", ""];
  }

  private rows(findings: readonly Finding[], header: string, extra?: (f: Finding) => string): string[] {
    if (findings.length === 0 || !this.fits(header)) {
      this.left += findings.length;
      return [];
    }
    const out = [header];
    let i = 0;
    for (; i < findings.length; i++) {
      const line = this.row(findings[i]!, extra);
      if (!this.fits(line)) break;
      out.push(line);
    }
    this.left += findings.length - i;
    out.push("");
    return out;
  }

  private row(f: Finding, extra?: (f: Finding) => string): string {
    const location = `${f.file}:${f.range.start.line}:${f.range.start.column}`;
    const url = this.links ? blobUrl(this.links, f.file, f.range.start.line, Math.max(f.range.end.line, f.range.start.line)) : undefined;
    const cell = url ? `[${md(location)}](${url})` : md(location);
    return `| ${cell} | ${f.severity} | ${code(f.ruleId)} | ${md(f.message)} |${extra ? ` ${extra(f)} |` : ""}`;
  }

  private fits(line: string): boolean {
    const size = byteLength(line) + 1;
    if (this.used + size > this.budget) return false;
    this.used += size;
    return true;
  }
}

/** The coverage table, collapsed under a one-line account of it. */
function coverageLines(coverage: Coverage, open: boolean): string[] {
  const count = (status: CoverageStatus) => coverage.rows.filter((r) => r.status === status).length;
  const parts = (["fail", "warn", "incomplete", "no-evidence", "partial", "pass"] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} ${COUNTED[s]}`);
  const out = [`<details${open ? " open" : ""}><summary>ISO/IEC 42001 coverage: ${parts.join(", ") || "nothing checked"}</summary>`, ""];
  out.push(
    "Evidence counts the whole repository; rules ran on the files reported on. Only a rule's finding fails a clause or area; findings of schema, parse or kind checks and template filler (TBD) make it *incomplete*. Numbers count distinct findings.",
    "",
  );
  const rows = coverage.rows.map((row) => {
    const held = row.evidence.filter((e) => e.count > 0);
    const evidence = row.evidence.length === 0 ? "—" : held.length > 0 ? held.map((e) => `${e.count} × ${md(e.title)}`).join("<br>") : `none (${row.evidence.map((e) => md(e.title)).join(", ")})`;
    const status = row.status === "partial" ? `${STATUS.partial} (no rule ran for ${row.gaps.join(", ")})` : STATUS[row.status];
    return [`**${md(row.ref)}** ${md(row.title)}`, evidence, String(row.ran.length), findingsCell(row), status];
  });
  out.push(
    ...table([{ title: "Clause / Annex A" }, { title: "Evidence in the repository" }, { title: "Rules run", right: true }, { title: "Findings", dropIfEmpty: true }, { title: "Status" }], rows),
  );
  const uncheckable = coverage.rows.flatMap((row) => row.uncheckable);
  if (uncheckable.length > 0) {
    out.push("", `Not checkable from files (they do not keep an area from passing): ${uncheckable.map((u) => `${u.control} (${md(u.reason.replace(/\.$/, ""))})`).join("; ")}.`);
  }
  const excluded = coverage.rows.flatMap((row) => row.excluded);
  if (excluded.length > 0) out.push("", `Excluded for every system by the Statement of Applicability (they do not keep an area from passing): ${excluded.join(", ")}.`);
  if (coverage.unchecked.length > 0) out.push("", `No rule or artefact kind of this run covers: ${coverage.unchecked.join(", ")}.`);
  out.push("", "</details>", "");
  return out;
}

function findingsCell(row: CoverageRow): string {
  const parts = row.failed.map((e) => `${code(e.ruleId)} (${counts(e)})`);
  const { documents, placeholders } = row.toComplete;
  if (documents > 0) parts.push(plural(documents, "schema or parse finding"));
  if (placeholders > 0) parts.push(plural(placeholders, "template-filler finding"));
  return parts.length === 0 ? "—" : parts.join("<br>");
}

/** The findings of each rule, with its ISO/IEC 42001 references; columns that would hold only zeros are left out. */
function byRuleLines(findings: readonly Finding[], rules: readonly RuleMetadata[]): string[] {
  const catalogue = new Map(ruleCatalogue(findings, rules).map((r) => [r.id, r]));
  const byRule = new Map<string, { errors: number; warnings: number; infos: number; suppressed: number }>();
  for (const f of findings) {
    const c = byRule.get(f.ruleId) ?? { errors: 0, warnings: 0, infos: 0, suppressed: 0 };
    if (f.suppressed) c.suppressed++;
    else if (f.severity === "error") c.errors++;
    else if (f.severity === "warning") c.warnings++;
    else c.infos++;
    byRule.set(f.ruleId, c);
  }
  if (byRule.size === 0) return [];
  const ordered = [...byRule].sort(([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || y.infos - x.infos || y.suppressed - x.suppressed || (a < b ? -1 : 1));
  const rows = ordered.map(([id, c]) => {
    const rule = catalogue.get(id);
    const crosswalks = rule ? compactCrosswalks(crosswalksOf(rule)) : "";
    return [code(id), String(c.errors), String(c.warnings), String(c.infos), String(c.suppressed), (rule?.iso42001 ?? []).map(md).join(", "), crosswalks || "—", md(rule?.title ?? "")];
  });
  const columns: Column[] = [
    { title: "Rule" },
    { title: "Errors", right: true, dropIfEmpty: true },
    { title: "Warnings", right: true, dropIfEmpty: true },
    { title: "Notices", right: true, dropIfEmpty: true },
    { title: "Suppressed", right: true, dropIfEmpty: true },
    { title: "ISO/IEC 42001" },
    { title: "Crosswalks", dropIfEmpty: true },
    { title: "Requirement" },
  ];
  return [`<details><summary>Findings by rule (${plural(byRule.size, "rule")})</summary>`, "", ...table(columns, rows), "", "</details>", ""];
}

/** `EU AI Act: Art. 9, Art. 27<br>NIST AI RMF: MAP 1.1`: references without their titles, which `explain` gives. */
function compactCrosswalks(crosswalks: Crosswalks): string {
  return CROSSWALK_FRAMEWORKS.filter((f) => crosswalks[f]?.length)
    .map((f) => `${FRAMEWORK_INFO[f].name}: ${crosswalks[f]!.map(md).join(", ")}`)
    .join("<br>");
}

interface Column {
  title: string;
  right?: boolean;
  /** Leave the column out when every cell is 0, — or empty. */
  dropIfEmpty?: boolean;
}

/** A GFM table of cells that are already Markdown-safe. */
export function table(columns: readonly Column[], rows: readonly string[][]): string[] {
  const keep = columns.map((c, i) => !c.dropIfEmpty || rows.some((r) => !["0", "—", ""].includes(r[i] ?? "")));
  const pick = <T>(cells: readonly T[]) => cells.filter((_, i) => keep[i]);
  return [`| ${pick(columns.map((c) => c.title)).join(" | ")} |`, `|${pick(columns.map((c) => (c.right ? "--:" : "---"))).join("|")}|`, ...rows.map((r) => `| ${pick(r).join(" | ")} |`)];
}

/**
 * The URL of a file's lines at the head commit: each path segment percent-encoded (so that no character of a file
 * name can end the Markdown link or the URL), `?plain=1` for Markdown files, which GitHub otherwise renders
 * without line anchors.
 */
export function blobUrl(base: LinkBase, file: string, line: number, endLine: number): string {
  const path = file
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
  const plain = /\.(?:md|markdown|mdx)$/i.test(file) ? "?plain=1" : "";
  return `${base.serverUrl}/${base.repository}/blob/${base.sha}/${path}${plain}#L${line}${endLine > line ? `-L${endLine}` : ""}`;
}

/**
 * The link base from the runner's variables, or undefined when one does not look as GitHub sets it (the links
 * are then left out rather than pointing anywhere).
 */
export function linkBase(serverUrl: string | undefined, repository: string | undefined, sha: string | undefined): LinkBase | undefined {
  const server = (serverUrl || "https://github.com").replace(/\/+$/, "");
  if (!/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/.test(server)) return undefined;
  if (!repository || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) return undefined;
  if (!sha || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) return undefined;
  return { serverUrl: server, repository, sha };
}

/** Untrusted text in a Markdown table cell: one line, no HTML, no Markdown syntax, no cell breaks. */
export function md(text: string): string {
  return safeText(text).replace(/[&<>"'|\\`*_[\]~!@$]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A rule id as code; ids are kebab-case paths (meta-schema), anything else is dropped. */
function code(id: string): string {
  return `\`${id.replace(/[^A-Za-z0-9/_.-]/g, "")}\``;
}

function counts(c: { errors: number; warnings: number; infos: number }): string {
  return [c.errors ? plural(c.errors, "error") : "", c.warnings ? plural(c.warnings, "warning") : "", c.infos ? plural(c.infos, "notice") : ""].filter(Boolean).join(", ");
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
