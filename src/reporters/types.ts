// What every reporter receives. Reporters are pure: (findings, context) => text.
import type { Finding } from "../core/finding.js";
import type { RuleDefinition } from "../engine/types.js";
import type { ReportFramework } from "./formats.js";
import type { ReportExtras } from "./report/extras.js";

/** What reporters may say about a rule (SARIF's rule catalogue, the job summary). */
export type RuleMetadata = Pick<RuleDefinition, "id" | "title" | "severity" | "iso42001" | "crosswalks" | "rationale" | "help"> & { source?: string };

export interface ReportContext {
  filesChecked: number;
  artefactsChecked: number;
  color: boolean;
  /** Tool version, for machine-readable formats. */
  version: string;
  /** The rules of the run, for formats that describe them (SARIF). Optional: other reporters ignore it. */
  rules?: readonly RuleMetadata[];
  /**
   * The files reported on that hold artefacts, for formats that list what passed as well as what failed (JUnit).
   * Files with findings are known from the findings.
   */
  files?: readonly string[];
  /** Stylish output and the HTML report: group the findings by this framework's references (`--framework`). */
  framework?: ReportFramework;
  /** The HTML report: the run's coverage input, the repository's artefacts, an earlier result to compare with. */
  report?: ReportExtras;
  /** Lines for people after the totals (first contact with a repository); formats for machines leave them out. */
  notes?: readonly string[];
}

export type Reporter = (findings: readonly Finding[], context: ReportContext) => string;
