// What `aimslint init` finds of the repository's AI use before it writes the scaffold, so that the example
// system record covers it from the start: a team meeting aimslint gets a record of what it already runs.
import { isAbsolute } from "node:path";
import { resolveConfig } from "../config/resolve-config.js";
import { inventoryOf, withInventoryFields } from "../engine/ai-inventory.js";
import { catalogueFor } from "../engine/functions/ai-use.js";
import { lint } from "../pipeline/lint.js";
import type { FoundAiUse } from "./templates/governance.js";

export interface Found {
  /** AI use no record covers yet; undefined when there is none. */
  aiUse: FoundAiUse | undefined;
  /** Model and data cards that name no AI system (display paths from the project). */
  unlinkedCards: string[];
}

/** What the project already holds that the scaffold can record: AI use no record covers, cards no system claims. */
export async function findExisting(project: string, today: string): Promise<Found> {
  let config: ReturnType<typeof resolveConfig>;
  try {
    config = resolveConfig({ cwd: project, startDir: project, today });
  } catch {
    return { aiUse: undefined, unlinkedCards: [] }; // a broken configuration is the scan's to report, not the scaffold's
  }
  const fields = withInventoryFields(config.indexFields);
  const result = await lint({ cwd: project, inputs: [project], config: { ...config, indexFields: fields } });
  // Only what no record covers yet: a repository with an inventory keeps it.
  const unlinkedCards = [
    ...new Set(
      result.artefacts
        .filter((e) => (e.kind === "model-card" && !e.data["system"]) || (e.kind === "data-card" && !(Array.isArray(e.data["systems"]) && e.data["systems"].length > 0)))
        .map((e) => e.file),
    ),
  ];
  const { uncovered } = inventoryOf(
    result.artefacts,
    (f) => result.index?.fromRoot(f) ?? f,
    catalogueFor({ actions: config.aiUse.actions, secrets: config.aiUse.secrets, npm: config.aiUse.packages.npm, pypi: config.aiUse.packages.pypi }),
  );
  if (uncovered.length === 0) return { aiUse: undefined, unlinkedCards };
  const inside = (file: string) => !file.startsWith("../") && !isAbsolute(file);
  const found: FoundAiUse = { paths: [], actions: [], components: [], agents: false, ci: false, writes: false };
  const seen = new Set<string>();
  for (const use of uncovered) {
    found.agents ||= use.agent;
    found.ci ||= use.what === "job";
    found.writes ||= use.writes;
    const file = use.entry.file;
    if (inside(file)) {
      const path = found.paths.find((p) => p.path === file);
      const what = use.what === "job" ? `job "${use.name}"` : use.what === "package" ? `package ${use.name}` : "agent configuration";
      if (path) path.what += `, ${what}`;
      else found.paths.push({ path: file, what });
    } else for (const a of use.actions) if (!found.actions.includes(a)) found.actions.push(a);
    for (const name of [...use.actions, ...use.packages]) {
      if (seen.has(name)) continue;
      seen.add(name);
      found.components.push({ name, type: use.actions.includes(name) ? "tool" : "library", version: use.versions[name] ?? "TBD" });
    }
  }
  return { aiUse: found, unlinkedCards };
}
