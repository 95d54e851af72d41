// What every reporter receives. Reporters are pure: (findings, context) => text.
import type { Finding } from "../finding.js";

export interface ReportContext {
  filesChecked: number;
  artefactsChecked: number;
  color: boolean;
  /** Tool version, for machine-readable formats. */
  version: string;
}

export type Reporter = (findings: readonly Finding[], context: ReportContext) => string;
