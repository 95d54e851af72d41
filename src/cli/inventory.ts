// `aimslint inventory`: what the repository's AI use is and which AI system record covers each piece. It runs the
// same pipeline as a check (the same discovery, catalogue and coverage), and prints instead of judging.
import type { ResolvedConfig } from "../config/resolve-config.js";
import { VERSION } from "../core/version.js";
import { inventoryOf, withInventoryFields } from "../engine/ai-inventory.js";
import { catalogueFor } from "../engine/functions/ai-use.js";
import { lint } from "../pipeline/lint.js";
import type { InventoryFormat } from "../reporters/formats.js";
import { inventoryCycloneDx, inventoryJson, inventoryTable } from "../reporters/inventory.js";
import { safeText } from "../util/safe-text.js";
import { UsageError } from "./args.js";
import type { Io } from "./io.js";

const RENDER = { table: inventoryTable, json: inventoryJson, cyclonedx: inventoryCycloneDx } as const;

export async function runInventory(paths: readonly string[], format: InventoryFormat, config: ResolvedConfig, io: Io): Promise<number> {
  // What the inventory reads is kept whatever rules are on (a team may have turned the inventory rules off).
  const fields = withInventoryFields(config.indexFields);
  const result = await lint({ cwd: io.cwd, inputs: paths, config: { ...config, indexFields: fields } });
  if (result.unmatched.length > 0 || !result.index) {
    throw new UsageError(`No files matching ${result.unmatched.map((p) => `"${safeText(p)}"`).join(", ")} were found.`);
  }
  const index = result.index;
  const inventory = inventoryOf(
    result.artefacts,
    (file) => index.fromRoot(file),
    catalogueFor({ actions: config.aiUse.actions, secrets: config.aiUse.secrets, npm: config.aiUse.packages.npm, pypi: config.aiUse.packages.pypi }),
  );
  const lineOf = (use: { entry: (typeof result.artefacts)[number]; at: (string | number)[] }) => index.locate(use.entry, [...use.entry.root, ...use.at]).start.line;
  io.stdout(RENDER[format](inventory, { version: VERSION, lineOf }));
  return 0;
}
