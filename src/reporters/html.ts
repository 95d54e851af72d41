// `--format html` and `aimslint report`: the audit-readiness report (report/). With the run's extras (the CLI and the
// Action pass them) it shows the readiness overview, the evidence matrix and the findings by system; given only
// findings, as every reporter may be, it shows the overview from those findings and the list.
import { renderHtml } from "./report/html.js";
import { reportModel } from "./report/model.js";
import type { Reporter } from "./types.js";

export const html: Reporter = (findings, context) =>
  renderHtml(
    reportModel({
      findings,
      rules: context.rules ?? [],
      version: context.version,
      filesChecked: context.filesChecked,
      artefactsChecked: context.artefactsChecked,
      framework: context.framework,
      extras: context.report,
    }),
  );
