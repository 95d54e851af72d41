// `aimslint inventory`: the repository's AI use grouped by the AI system records that cover it, as a table for
// people, as JSON, and as a CycloneDX 1.6 BOM. Every name comes from the repository and is untrusted text.
import { randomUUID } from "node:crypto";
import type { AiUse, Inventory } from "../engine/ai-inventory.js";
import { quote } from "../util/text.js";
import { safeLineStart, safeText } from "../util/safe-text.js";
import { printableJson } from "./json-text.js";

export interface InventoryContext {
  version: string;
  /** Where each use is: `file:line`, from the index (the file is read again). */
  lineOf: (use: AiUse) => number;
  /** The time the BOM records; a fresh serial number comes with it. */
  now?: Date;
}

interface UseRecord {
  file: string;
  line: number;
  kind: AiUse["what"];
  name: string;
  actions: { name: string; version?: string }[];
  models: string[];
  packages: { name: string; version?: string }[];
  modelApiKeys: string[];
  agent: boolean;
  writes: boolean;
}

function record(use: AiUse, ctx: InventoryContext): UseRecord {
  const versioned = (names: string[]) => names.map((name) => ({ name, ...(use.versions[name] ? { version: use.versions[name] } : {}) }));
  return {
    file: use.entry.file,
    line: ctx.lineOf(use),
    kind: use.what,
    name: use.name,
    actions: versioned(use.actions),
    models: use.models,
    packages: versioned(use.packages),
    modelApiKeys: use.secrets,
    agent: use.agent,
    writes: use.writes,
  };
}

const system = (claim: Inventory["systems"][number]["claim"]) => ({
  id: claim.system.id ?? null,
  name: typeof claim.system.data["name"] === "string" ? claim.system.data["name"] : null,
  file: claim.system.file,
});

export function inventoryJson(inventory: Inventory, ctx: InventoryContext): string {
  return printableJson({
    tool: { name: "aimslint", version: ctx.version },
    summary: summary(inventory),
    systems: inventory.systems.map((s) => ({ ...system(s.claim), uses: s.uses.map((u) => record(u, ctx)) })),
    notInInventory: inventory.uncovered.map((u) => record(u, ctx)),
  });
}

function summary(inventory: Inventory) {
  const count = (what: AiUse["what"]) => inventory.uses.filter((u) => u.what === what).length;
  return { jobs: count("job"), agentConfigs: count("agent-config"), packages: count("package"), systems: inventory.systems.length, notInInventory: inventory.uncovered.length };
}

export function inventoryTable(inventory: Inventory, ctx: InventoryContext): string {
  const s = summary(inventory);
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const lines: string[] = [];
  if (inventory.uses.length === 0) {
    lines.push("No AI use found: no workflow runs AI, no agent configuration, no AI package (catalogue: docs/ai-use.md).");
  } else {
    lines.push(
      `AI use in this repository: ${plural(s.jobs, "workflow job")}, ${plural(s.agentConfigs, "agent configuration")}, ${plural(s.packages, "AI package")}; ` +
        `${s.notInInventory === 0 ? "all in the AI system inventory" : `${s.notInInventory} not in the AI system inventory`}.`,
    );
  }
  const rows = (uses: AiUse[]) => {
    const cells = uses.map((u) => [safeLineStart(`${u.entry.file}:${ctx.lineOf(u)}`), safeText(label(u)), safeText(detail(u))]);
    const width = (i: number) => Math.max(0, ...cells.map((c) => (c[i] as string).length));
    return cells.map((c) => `  ${(c[0] as string).padEnd(width(0))}  ${(c[1] as string).padEnd(width(1))}  ${c[2]}`.trimEnd());
  };
  for (const { claim, uses } of inventory.systems) {
    const { id, name, file } = system(claim);
    lines.push("", safeLineStart(`${id ?? "(no id)"}${name ? `  ${name}` : ""}  (${file})`));
    lines.push(...(uses.length > 0 ? rows(uses) : ["  no AI use in this repository"]));
  }
  if (inventory.uncovered.length > 0) {
    lines.push("", "Not in the AI system inventory");
    lines.push(...rows(inventory.uncovered));
    lines.push("", 'Add each to the ai_use of the AI system record it belongs to; "aimslint init" seeds an inventory from this list.');
  }
  return `${lines.join("\n")}\n`;
}

function label(use: AiUse): string {
  return use.what === "job" ? `job ${quote(use.name)}` : use.what === "package" ? `package ${quote(use.name)}` : "agent configuration";
}

function detail(use: AiUse): string {
  const parts = [
    ...use.actions.map((a) => (use.versions[a] ? `${a}@${use.versions[a]}` : a)),
    ...use.models.map((m) => `model ${m}`),
    ...use.packages.map((p) => (use.versions[p] ? `version ${use.versions[p]}` : "no version")),
  ];
  if (use.what === "job" && use.actions.length === 0) parts.push(`model API key ${use.secrets.join(", ")}`.trim());
  if (use.agent) parts.push("agent");
  if (use.writes) parts.push("may write");
  return parts.join(", ");
}

/**
 * CycloneDX 1.6: each AI system record is an application, each action, package and agent configuration a
 * component (actions as pkg:github purls, packages as npm or PyPI purls, models as machine-learning-model), each
 * model API reached with a key a service; `dependencies` ties systems to what they use, and what no record
 * covers carries the property aimslint:inventory = "not in the AI system inventory".
 */
export function inventoryCycloneDx(inventory: Inventory, ctx: InventoryContext): string {
  const components = new Map<string, Record<string, unknown>>();
  const services = new Map<string, Record<string, unknown>>();
  const refsOf = new Map<AiUse, string[]>();
  const occurrence = (use: AiUse) => ({ location: use.entry.file, line: ctx.lineOf(use) });
  const add = (map: Map<string, Record<string, unknown>>, ref: string, use: AiUse, make: () => Record<string, unknown>) => {
    const existing = map.get(ref);
    if (map === services) {
      // A service has no evidence in CycloneDX: where it is reached from goes into properties.
      const where = { name: "aimslint:occurrence", value: `${use.entry.file}:${ctx.lineOf(use)}` };
      if (existing) (existing["properties"] as unknown[]).push(where);
      else map.set(ref, { "bom-ref": ref, ...make(), properties: [where] });
    } else if (existing) (existing["evidence"] as { occurrences: unknown[] }).occurrences.push(occurrence(use));
    else map.set(ref, { "bom-ref": ref, ...make(), evidence: { occurrences: [occurrence(use)] } });
    refsOf.set(use, [...(refsOf.get(use) ?? []), ref]);
  };
  for (const use of inventory.uses) {
    for (const action of use.actions) {
      const version = use.versions[action];
      const [group, ...rest] = action.split("/");
      const repo = rest[0] ?? "";
      add(components, `action:${action}@${version ?? ""}`, use, () => ({
        type: "application",
        group,
        name: rest.join("/"),
        ...(version ? { version } : {}),
        purl: `pkg:github/${encodeURIComponent(group ?? "")}/${encodeURIComponent(repo)}${version ? `@${encodeURIComponent(version)}` : ""}${rest.length > 1 ? `#${rest.slice(1).map(encodeURIComponent).join("/")}` : ""}`,
        properties: [{ name: "aimslint:kind", value: "github-action" }],
      }));
    }
    for (const model of use.models) add(components, `model:${model}`, use, () => ({ type: "machine-learning-model", name: model }));
    for (const pkg of use.packages) {
      const version = use.versions[pkg];
      add(components, `package:${use.entry.file}:${pkg}`, use, () => ({ type: "library", name: pkg, ...(version ? { version } : {}), properties: [{ name: "aimslint:spec", value: version ?? "" }] }));
    }
    if (use.what === "agent-config")
      add(components, `agent-config:${use.entry.file}`, use, () => ({ type: "file", name: use.entry.file, properties: [{ name: "aimslint:kind", value: "agent-config" }] }));
    for (const key of use.secrets) add(services, `service:${key}`, use, () => ({ name: `Model API reached with ${key}`, authenticated: true, "x-trust-boundary": true }));
  }
  const uncoveredRefs = new Set(inventory.uncovered.flatMap((u) => refsOf.get(u) ?? []));
  const covered = new Set(inventory.systems.flatMap((s) => s.uses.flatMap((u) => refsOf.get(u) ?? [])));
  for (const [ref, c] of [...components, ...services]) {
    if (!uncoveredRefs.has(ref) || covered.has(ref)) continue;
    c["properties"] = [...((c["properties"] as unknown[]) ?? []), { name: "aimslint:inventory", value: "not in the AI system inventory" }];
  }
  const systems = inventory.systems.map(({ claim, uses }, i) => {
    const { id, name, file } = system(claim);
    const ref = `system:${id ?? i}:${file}`;
    return {
      component: { "bom-ref": ref, type: "application", name: name ?? id ?? file, ...(id ? { description: `AI system record ${id}` } : {}), properties: [{ name: "aimslint:record", value: file }] },
      dependency: { ref, dependsOn: [...new Set(uses.flatMap((u) => refsOf.get(u) ?? []))] },
    };
  });
  return printableJson({
    $schema: "http://cyclonedx.org/schema/bom-1.6.schema.json",
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: { timestamp: (ctx.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"), tools: { components: [{ type: "application", name: "aimslint", version: ctx.version }] } },
    components: [...systems.map((s) => s.component), ...components.values()],
    services: [...services.values()],
    dependencies: systems.map((s) => s.dependency),
  });
}
