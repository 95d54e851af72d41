// The GitHub Action's pure parts: which findings take the annotation slots, the changed lines of a diff, the
// check run's batches, the coverage table's verdicts, and the summary's links and tables.
import { describe, expect, it } from "vitest";
import { annotationOrder, type DiffScope, planAnnotations } from "../src/action/annotations.js";
import { addedLines, parseGitDiff, unquoteGitPath, WHOLE_FILE } from "../src/action/changed-files.js";
import { type CheckAnnotation, type ChecksClient, checkAnnotation, postCheckRun } from "../src/action/checks.js";
import { coverage } from "../src/reporters/coverage.js";
import { blobUrl, linkBase, table } from "../src/action/summary.js";
import type { Finding, Severity } from "../src/core/finding.js";

function finding(file: string, line: number, ruleId: string, severity: Severity = "error", options: { column?: number; message?: string; iso42001?: string[] } = {}): Finding {
  const column = options.column ?? 1;
  return {
    ruleId,
    severity,
    message: options.message ?? `${ruleId} at ${line}`,
    file,
    range: { start: { line, column }, end: { line, column: column + 3 } },
    iso42001: options.iso42001 ?? [],
  };
}

const tbd = (file: string, line: number) => finding(file, line, "doc/no-placeholders", "error", { message: `"TBD" in "x${line}" is template filler, not an answer.` });
const key = (f: Finding) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.ruleId}`;

describe("annotation order", () => {
  // b.yaml changes lines 5-6; c.yaml changed, lines unknown (no patch); d.yaml changes lines 1-3; a.yaml is untouched.
  const diff: DiffScope = {
    files: new Set(["b.yaml", "c.yaml", "d.yaml"]),
    lines: new Map([
      ["b.yaml", [[5, 6]] as const],
      ["d.yaml", [[1, 3]] as const],
    ]),
  };
  const findings: Finding[] = [
    tbd("a.yaml", 1),
    tbd("a.yaml", 2),
    finding("a.yaml", 3, "schema/enum"),
    finding("a.yaml", 4, "x/rule", "warning"),
    finding("b.yaml", 5, "x/ref"),
    finding("b.yaml", 5, "x/dup", "error", { column: 20 }),
    finding("b.yaml", 6, "schema/type"),
    finding("b.yaml", 9, "x/ref"),
    finding("c.yaml", 1, "parse/syntax"),
    finding("c.yaml", 2, "x/ref"),
    finding("d.yaml", 1, "x/status", "info"),
    finding("d.yaml", 2, "x/ref"),
    tbd("d.yaml", 3),
    { ...finding("d.yaml", 2, "x/owner"), suppressed: { reason: "agreed", line: 1 } },
  ];

  it("puts errors on changed lines first, then changed files, then the rest; document, schema, rule, filler; one per file in turn", () => {
    expect(annotationOrder(findings, diff).map(key)).toEqual([
      // Errors on changed lines: the schema error, then rule errors one per file (b, d) before b's second, then filler.
      "b.yaml:6:1 schema/type",
      "b.yaml:5:1 x/ref",
      "d.yaml:2:1 x/ref",
      "b.yaml:5:20 x/dup",
      "d.yaml:3:1 doc/no-placeholders",
      // Errors elsewhere in changed files: a file that does not parse first.
      "c.yaml:1:1 parse/syntax",
      "b.yaml:9:1 x/ref",
      "c.yaml:2:1 x/ref",
      // Errors in other files: the schema error before the filler.
      "a.yaml:3:1 schema/enum",
      "a.yaml:1:1 doc/no-placeholders",
      "a.yaml:2:1 doc/no-placeholders",
      // Then warnings, then notices; the suppressed finding not at all.
      "a.yaml:4:1 x/rule",
      "d.yaml:1:1 x/status",
    ]);
  });

  it("without a diff, orders by severity, class and file in turn", () => {
    expect(annotationOrder(findings).map(key)).toEqual([
      "c.yaml:1:1 parse/syntax",
      "a.yaml:3:1 schema/enum",
      "b.yaml:6:1 schema/type",
      "b.yaml:5:1 x/ref",
      "c.yaml:2:1 x/ref",
      "d.yaml:2:1 x/ref",
      "b.yaml:5:20 x/dup",
      "b.yaml:9:1 x/ref",
      "a.yaml:1:1 doc/no-placeholders",
      "d.yaml:3:1 doc/no-placeholders",
      "a.yaml:2:1 doc/no-placeholders",
      "a.yaml:4:1 x/rule",
      "d.yaml:1:1 x/status",
    ]);
  });

  it("spreads a file full of TBDs over the slots instead of giving it all of them", () => {
    const many = [...Array.from({ length: 12 }, (_, i) => tbd("a-archive.yaml", i + 1)), finding("z.yaml", 3, "x/ref"), tbd("m.yaml", 1)];
    expect(annotationOrder(many).slice(0, 4).map(key)).toEqual([
      "z.yaml:3:1 x/ref",
      "a-archive.yaml:1:1 doc/no-placeholders",
      "m.yaml:1:1 doc/no-placeholders",
      "a-archive.yaml:2:1 doc/no-placeholders",
    ]);
  });
});

describe("annotation plan (workflow commands)", () => {
  const diff: DiffScope = { files: new Set(["changed.yaml"]), lines: new Map([["changed.yaml", [[1, 100]] as const]]) };
  const changedErrors = Array.from({ length: 12 }, (_, i) => finding("changed.yaml", i + 1, "x/ref"));
  const level = (plan: ReturnType<typeof planAnnotations>) => plan.annotations.map((a) => `${a.level} ${a.properties.title} ${a.properties.file ?? ""}:${a.properties.startLine ?? ""}`);

  it("shows the changed files' errors that do not fit in free warning slots, saying so", () => {
    const others = Array.from({ length: 3 }, (_, i) => tbd("other.yaml", i + 1));
    const plan = planAnnotations([...others, ...changedErrors], "the job summary", diff);
    expect(level(plan)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `error x/ref changed.yaml:${i + 1}`),
      "warning x/ref (error) changed.yaml:11",
      "warning x/ref (error) changed.yaml:12",
      "notice aimslint: more findings :",
    ]);
    expect(plan.annotations[10]!.message).toBe("Error, shown as a warning: GitHub shows at most 10 error annotations per step.\nx/ref at 11");
    expect(plan.annotations.at(-1)!.message).toBe(
      "3 more findings are not shown as annotations (3 errors): GitHub shows at most 10 errors, 10 warnings and 10 notices per step. Every finding is in the job summary.",
    );
    expect(plan).toMatchObject({ shown: 12, omitted: 3 });
  });

  it("needs no closing notice when the free slots take everything", () => {
    const plan = planAnnotations(changedErrors, "the job summary", diff);
    expect(plan).toMatchObject({ shown: 12, omitted: 0 });
    expect(plan.annotations.map((a) => a.level)).toEqual([...Array(10).fill("error"), "warning", "warning"]);
  });

  it("uses the notice slots when the warning slots are taken, keeping one for the closing notice", () => {
    const warnings = Array.from({ length: 10 }, (_, i) => finding("w.yaml", i + 1, "x/warn", "warning"));
    const extra = Array.from({ length: 20 }, (_, i) => finding("changed.yaml", i + 13, "x/ref"));
    const plan = planAnnotations([...warnings, ...changedErrors, ...extra], "the job summary", diff);
    expect(plan.annotations.map((a) => a.level)).toEqual([...Array(10).fill("error"), ...Array(10).fill("warning"), ...Array(10).fill("notice")]);
    expect(plan.annotations[20]!.properties.title).toBe("x/ref (error)");
    expect(plan).toMatchObject({ shown: 29, omitted: 13 });
  });

  it("moves nothing outside the changed files, nor anything when nobody knows what changed", () => {
    const plan = planAnnotations(changedErrors, "the job summary");
    expect(plan.annotations.map((a) => a.level)).toEqual([...Array(10).fill("error"), "notice"]);
    expect(plan).toMatchObject({ shown: 10, omitted: 2 });
  });
});

describe("changed lines", () => {
  it("reads the added lines of a patch: context advances, removals do not, hunks restart the count", () => {
    const patch = [
      "@@ -1,4 +1,5 @@ kind: note",
      " kind: note",
      "-status: final",
      "+status: sometimes",
      "+owner: x",
      " id: N-1",
      "\\ No newline at end of file",
      "@@ -20,2 +21,3 @@",
      " a: 1",
      "",
      "+b: 2",
    ].join("\n");
    expect(addedLines(patch)).toEqual([
      [2, 3],
      [23, 23],
    ]);
    expect(addedLines("")).toEqual([]);
  });

  it("splits git diff output per file, unquoting names, and drops names it cannot place", () => {
    const output = [
      "diff --git a/notes/a.yaml b/notes/a.yaml",
      "index 1..2 100644",
      "--- a/notes/a.yaml",
      "+++ b/notes/a.yaml",
      "@@ -3 +3 @@",
      "-x: 1",
      "+x: 2",
      'diff --git "a/notes/t\\tab \\"q\\" \\303\\251.yaml" "b/notes/t\\tab \\"q\\" \\303\\251.yaml"',
      "new file mode 100644",
      "--- /dev/null",
      '+++ "b/notes/t\\tab \\"q\\" \\303\\251.yaml"',
      "@@ -0,0 +1,2 @@",
      "+kind: note",
      "++++ a line that starts with three plus signs",
      "diff --git a/img.png b/img.png",
      "Binary files a/img.png and b/img.png differ",
      "diff --git a/notes/unlisted.yaml b/notes/unlisted.yaml",
      "+++ b/notes/unlisted.yaml",
      "@@ -1 +1 @@",
      "+x",
    ].join("\n");
    const lines = parseGitDiff(output, new Set(["notes/a.yaml", 'notes/t\tab "q" é.yaml', "img.png"]));
    expect([...lines]).toEqual([
      ["notes/a.yaml", [[3, 3]]],
      ['notes/t\tab "q" é.yaml', [[1, 2]]],
    ]);
  });

  it("unquotes git's C-style paths, bytes as UTF-8", () => {
    expect(unquoteGitPath("plain/name.yaml")).toBe("plain/name.yaml");
    expect(unquoteGitPath('"a\\\\b\\nc\\342\\234\\223.yaml"')).toBe("a\\b\nc✓.yaml");
    expect(unquoteGitPath('"bad\\q"')).toBeUndefined();
    expect(unquoteGitPath('"unterminated')).toBeUndefined();
  });

  it("takes every line of an added file whose patch GitHub left out", () => {
    expect(WHOLE_FILE[0]![0]).toBe(1);
    expect(WHOLE_FILE[0]![1]).toBeGreaterThan(1e9);
  });
});

describe("check run", () => {
  function fakeClient(fail?: { at: number; status: number }) {
    const calls: { op: string; body: { status?: string; conclusion?: string; output: { annotations?: CheckAnnotation[] } } }[] = [];
    const client: ChecksClient = {
      create: async (body) => {
        calls.push({ op: "create", body });
        return { id: 9, html_url: "https://github.com/o/r/runs/9" };
      },
      update: async (_id, body) => {
        calls.push({ op: "update", body });
        if (fail && calls.length === fail.at) throw Object.assign(new Error("x"), { status: fail.status });
      },
    };
    return { client, calls };
  }
  const annotations = Array.from({ length: 120 }, (_, i) => checkAnnotation(finding("a.yaml", i + 1, "x/ref", i % 2 ? "warning" : "error")));
  const run = { name: "aimslint", headSha: "a".repeat(40), title: "t", summary: "s", conclusion: "failure" as const, annotations };

  it("posts 50 annotations per request: created in progress, updated, completed with the last batch", async () => {
    const { client, calls } = fakeClient();
    const result = await postCheckRun(client, run);
    expect(calls.map((c) => `${c.op} ${c.body.status ?? "-"} ${c.body.conclusion ?? "-"} ${c.body.output.annotations?.length}`)).toEqual([
      "create in_progress - 50",
      "update - - 50",
      "update completed failure 20",
    ]);
    expect(calls.flatMap((c) => c.body.output.annotations!.map((a) => a.start_line))).toEqual(annotations.map((a) => a.start_line));
    expect(result).toEqual({ id: 9, url: "https://github.com/o/r/runs/9", annotations: 120, requests: 3 });
  });

  it("creates a completed run in one request when 50 or fewer", async () => {
    const { client, calls } = fakeClient();
    await postCheckRun(client, { ...run, annotations: annotations.slice(0, 50) });
    expect(calls.map((c) => `${c.op} ${c.body.status} ${c.body.conclusion} ${c.body.output.annotations?.length}`)).toEqual(["create completed failure 50"]);
  });

  it("completes the run when an update fails, and reports the failure", async () => {
    const { client, calls } = fakeClient({ at: 2, status: 502 });
    await expect(postCheckRun(client, run)).rejects.toMatchObject({ status: 502 });
    expect(calls.map((c) => `${c.op} ${c.body.status ?? "-"}`)).toEqual(["create in_progress", "update -", "update completed"]);
  });

  it("maps severities to annotation levels, with columns only on one line", () => {
    const oneLine = checkAnnotation({ ...finding("a.yaml", 3, "x/ref", "info"), help: "Fix it.\r\nNow \u001b[31m" });
    expect(oneLine).toEqual({
      path: "a.yaml",
      start_line: 3,
      end_line: 3,
      start_column: 1,
      end_column: 4,
      annotation_level: "notice",
      message: "x/ref at 3\nFix it.\nNow \\u001b[31m",
      title: "x/ref",
    });
    const span = checkAnnotation({ ...finding("a.yaml", 3, "x/ref"), range: { start: { line: 3, column: 2 }, end: { line: 5, column: 1 } } });
    expect(span).toMatchObject({ annotation_level: "failure", start_line: 3, end_line: 5 });
    expect(span).not.toHaveProperty("start_column");
  });
});

describe("coverage verdicts", () => {
  // An AI system record's schema error carries all six of the kind's references.
  const AI_SYSTEM = ["4.1", "4.3", "5.3", "A.4.2", "A.6.2.5", "A.9.4"];
  const rules = [{ id: "system/owner", iso42001: ["5.3"] }];
  const rows = (findings: Finding[]) => coverage({ findings, rules, ran: new Set(["system/owner"]), kinds: [] }).rows;

  it("does not fail six clauses for one schema typo: each counts it once, as incomplete", () => {
    const typo = finding("systems/a.yaml", 4, "schema/enum", "error", { iso42001: AI_SYSTEM });
    const result = rows([typo]);
    expect(result.filter((r) => r.status === "fail")).toEqual([]);
    expect(result.filter((r) => r.status === "incomplete").map((r) => r.ref)).toEqual(["4.1", "4.3", "5.3", "A.4", "A.6", "A.9"]);
    expect(result.find((r) => r.ref === "A.6")!.toComplete).toEqual({ documents: 1, placeholders: 0 });
  });

  it("fails a clause for a rule's error, counting distinct findings; filler only makes it incomplete", () => {
    const result = rows([
      finding("systems/a.yaml", 2, "system/owner", "error", { iso42001: ["5.3"] }),
      finding("systems/b.yaml", 2, "system/owner", "error", { iso42001: ["5.3"] }),
      tbd("systems/c.yaml", 5),
      { ...tbd("systems/c.yaml", 6), iso42001: ["7.5.2"] },
    ]);
    expect(result.find((r) => r.ref === "5.3")).toMatchObject({ status: "fail", failed: [{ ruleId: "system/owner", errors: 2 }] });
    expect(result.find((r) => r.ref === "7.5.2")).toMatchObject({ status: "incomplete", toComplete: { documents: 0, placeholders: 1 } });
  });
});

describe("summary links and tables", () => {
  const base = { serverUrl: "https://github.com", repository: "o/r", sha: "c".repeat(40) };

  it("links a file's line at the head commit, every path segment encoded", () => {
    expect(blobUrl(base, "governance/risks/RISK-7.yaml", 12, 12)).toBe(`https://github.com/o/r/blob/${"c".repeat(40)}/governance/risks/RISK-7.yaml#L12`);
    expect(blobUrl(base, "a b/(x)#?'.yaml", 3, 5)).toBe(`https://github.com/o/r/blob/${"c".repeat(40)}/a%20b/%28x%29%23%3F%27.yaml#L3-L5`);
    // GitHub renders Markdown files without line anchors unless asked for the plain text.
    expect(blobUrl(base, "models/bot/README.md", 1, 1)).toBe(`https://github.com/o/r/blob/${"c".repeat(40)}/models/bot/README.md?plain=1#L1`);
  });

  it("makes links only from variables that look as GitHub sets them", () => {
    expect(linkBase(undefined, "o/r", "c".repeat(40))).toEqual(base);
    expect(linkBase("https://ghe.example.com/", "o/r", "c".repeat(40))).toEqual({ ...base, serverUrl: "https://ghe.example.com" });
    expect(linkBase("javascript:alert(1)", "o/r", "c".repeat(40))).toBeUndefined();
    expect(linkBase("https://github.com", "o/r/../x", "c".repeat(40))).toBeUndefined();
    expect(linkBase("https://github.com", "o/r", "HEAD")).toBeUndefined();
    expect(linkBase("https://github.com", "o/r", undefined)).toBeUndefined();
  });

  it("leaves out the columns that would hold only zeros", () => {
    const columns = [{ title: "Rule" }, { title: "Errors", right: true, dropIfEmpty: true }, { title: "Notices", right: true, dropIfEmpty: true }, { title: "Note", dropIfEmpty: true }];
    expect(
      table(columns, [
        ["`a/b`", "2", "0", "—"],
        ["`c/d`", "1", "0", ""],
      ]),
    ).toEqual(["| Rule | Errors |", "|---|--:|", "| `a/b` | 2 |", "| `c/d` | 1 |"]);
  });
});
