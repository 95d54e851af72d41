// `aimslint baseline`: write the findings of the whole project as accepted (per file and rule), so that later
// runs report only new ones; `--prune` drops what no longer occurs and never accepts anything new.
import { relative } from "node:path";
import type { ResolvedConfig } from "../config/resolve-config.js";
import { lint } from "../pipeline/lint.js";
import { baselinePath, baselineText, countsOf, pruned, readBaseline } from "../pipeline/baseline.js";
import { safeText } from "../util/safe-text.js";
import { UnsafeWriteError, writeInside } from "../util/safe-write.js";
import { plural } from "../util/text.js";
import { UsageError } from "./args.js";
import type { Io } from "./io.js";

export async function runBaseline(options: { baseline: string | undefined; prune: boolean }, config: ResolvedConfig, io: Io): Promise<number> {
  const file = baselinePath(config.root, options.baseline);
  const result = await lint({ cwd: io.cwd, inputs: [], config, baseline: false });
  const index = result.index;
  const found = countsOf(result.findings, (f) => index?.fromRoot(f) ?? f);
  let next = found;
  let note: string;
  if (options.prune) {
    const existing = readBaseline(file);
    if (!existing) throw new UsageError(`There is no baseline to prune at ${safeText(relative(io.cwd, file) || file)}; write one with "aimslint baseline".`);
    next = pruned(existing, found);
    const before = total(existing);
    note = `pruned ${plural(before - total(next), "accepted finding")} that no longer occur; ${plural(total(next), "finding")} remain accepted`;
  } else {
    note = `${plural(total(next), "finding")} in ${plural(next.size, "file")} accepted`;
  }
  try {
    writeInside(config.root, file, baselineText(next));
  } catch (error) {
    if (error instanceof UnsafeWriteError) throw new UsageError(`The baseline is written inside the project (${safeText(config.root)}) and never through a symbolic link: ${safeText(error.message)}.`);
    throw error;
  }
  io.stdout(
    `aimslint baseline: ${note} in ${safeText(relative(io.cwd, file) || file)}.\nCommit it; review it like code: every entry is a finding the team accepted. Later runs report only new findings.\n`,
  );
  return 0;
}

function total(baseline: Map<string, Map<string, number>>): number {
  let n = 0;
  for (const rules of baseline.values()) for (const count of rules.values()) n += count;
  return n;
}
