// What the HTML report needs beyond the findings, which the CLI (cli/report.ts) and the Action gather from the run.
import type { IndexEntry } from "../../engine/index-entry.js";
import type { RepoIndex } from "../../engine/repo-index.js";
import type { CoverageInput } from "../coverage.js";
import type { PreviousResult } from "./compare.js";
import type { Locate } from "./evidence-matrix.js";

/** What a report needs beyond the findings: the run's coverage input and the repository's artefacts. */
export interface ReportExtras {
  coverage: CoverageInput;
  /** Every artefact of the repository, with the report's fields kept (fields.ts). */
  artefacts: readonly IndexEntry[];
  locate: Locate;
  today: string;
  /** Where a file's line is shown: a relative path next to the report, or a link to the commit on GitHub. */
  href?: (file: string, line: number) => string | undefined;
  previous?: PreviousResult;
  /** What was checked, e.g. "examples/acme-governance". */
  scope: string;
}

/** What every caller takes alike from the run: the coverage, the artefacts, their lines, the configured today. */
export function runExtras(
  coverage: CoverageInput,
  today: string,
  run: { artefacts: readonly IndexEntry[]; index?: RepoIndex | undefined },
): Pick<ReportExtras, "coverage" | "artefacts" | "locate" | "today"> {
  const index = run.index;
  return { coverage, artefacts: run.artefacts, locate: (entry, path) => index?.locate(entry, path).start.line ?? 1, today };
}
