// Every finding as an annotation of a check run (REST: POST /repos/{owner}/{repo}/check-runs, then PATCH
// /check-runs/{id}). The API takes at most 50 annotations per request and adds those of each update to the run's
// (github/docs "Update a check run"), so they go in batches of 50: the first with the creation, the others as
// updates, the last one completing the run. Needs a token with `checks: write`; a pull request from a fork never
// has one (403), which the caller answers by falling back to workflow commands.
import type { Finding } from "../core/finding.js";
import { annotationOf } from "../reporters/github.js";
import { unicodeEscaped } from "../util/safe-text.js";

export const CHECK_ANNOTATIONS_PER_REQUEST = 50;
/** The API's limits on a check run's output: 65,535 characters for the summary and text; 64 KB for a message. */
export const CHECK_SUMMARY_LIMIT = 65_535;
const MESSAGE_LIMIT = 60_000;
const TITLE_LIMIT = 255;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "failure" | "warning" | "notice";
  message: string;
  title: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  annotations?: CheckAnnotation[];
}

/** The two calls this module makes; main.ts implements them with Octokit, tests with a local HTTP server. */
export interface ChecksClient {
  create(body: { name: string; head_sha: string; status: "in_progress" | "completed"; conclusion?: Conclusion; output: CheckOutput }): Promise<{ id: number; html_url?: string | null }>;
  update(id: number, body: { status?: "completed"; conclusion?: Conclusion; output: CheckOutput }): Promise<void>;
}

export type Conclusion = "success" | "failure" | "neutral";

export interface CheckRunResult {
  id: number;
  url: string | undefined;
  annotations: number;
  requests: number;
}

const LEVEL = { error: "failure", warning: "warning", info: "notice" } as const;

/** A finding as a check-run annotation. The API takes plain text; control characters are still shown escaped. */
export function checkAnnotation(f: Finding): CheckAnnotation {
  const a = annotationOf(f);
  const annotation: CheckAnnotation = {
    path: a.file,
    start_line: a.startLine,
    end_line: a.endLine,
    annotation_level: LEVEL[f.severity],
    message: cut(unicodeEscaped(a.message.replace(/\r\n?/g, "\n"), /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g), MESSAGE_LIMIT),
    title: cut(unicodeEscaped(a.title), TITLE_LIMIT),
  };
  if (a.startColumn !== undefined && a.endColumn !== undefined) {
    annotation.start_column = a.startColumn;
    annotation.end_column = a.endColumn;
  }
  return annotation;
}

/**
 * Creates the check run `name` on `headSha` with every annotation, in batches of 50, and completes it with
 * `conclusion`. Throws what the client throws; a failure after the run exists still tries to complete it, so that
 * no run stays "in progress" for ever, and rethrows.
 */
export async function postCheckRun(
  client: ChecksClient,
  run: { name: string; headSha: string; title: string; summary: string; conclusion: Conclusion; annotations: readonly CheckAnnotation[] },
): Promise<CheckRunResult> {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < run.annotations.length; i += CHECK_ANNOTATIONS_PER_REQUEST) batches.push(run.annotations.slice(i, i + CHECK_ANNOTATIONS_PER_REQUEST));
  const output = (annotations: CheckAnnotation[] | undefined): CheckOutput => ({
    title: cut(run.title, TITLE_LIMIT),
    summary: cut(run.summary, CHECK_SUMMARY_LIMIT),
    ...(annotations ? { annotations } : {}),
  });
  const only = batches.length <= 1;
  const created = await client.create({
    name: run.name,
    head_sha: run.headSha,
    ...(only ? { status: "completed" as const, conclusion: run.conclusion } : { status: "in_progress" as const }),
    output: output(batches[0]),
  });
  let requests = 1;
  try {
    for (let i = 1; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await client.update(created.id, { ...(last ? { status: "completed" as const, conclusion: run.conclusion } : {}), output: output(batches[i]) });
      requests++;
    }
  } catch (error) {
    try {
      await client.update(created.id, {
        status: "completed",
        conclusion: run.conclusion,
        output: output(undefined),
      });
    } catch {
      // The first error is the one to report.
    }
    throw error;
  }
  return { id: created.id, url: created.html_url ?? undefined, annotations: run.annotations.length, requests };
}

/** At most `limit` characters (UTF-16 code units, as the API counts), cut at a line end when one is near. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = "\n…(cut)";
  const room = limit - note.length;
  const at = text.lastIndexOf("\n", room);
  let end = at > room - 2000 ? at : room;
  // Never between the two halves of a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? "")) end--;
  return text.slice(0, end) + note;
}
