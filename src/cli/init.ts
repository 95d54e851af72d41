// `aimslint init [dir]`: scaffold a governance folder from templates. Never overwrites a file: a path that
// exists (file, folder or link) is reported as kept and left alone.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { addMonths, isDate, todayUtc } from "../engine/dates.js";
import { safeText } from "../util/safe-text.js";
import { UnsafeWriteError, writeInside } from "../util/safe-write.js";
import { VERSION } from "../core/version.js";
import { UsageError, type CliOptions } from "./args.js";
import type { Io } from "./io.js";
import { governanceTemplates, IDS, PATHS, type TemplateFile } from "./templates/governance.js";
import { findExisting } from "./seed-inventory.js";
import { plural } from "../util/text.js";
import { packageRoot } from "../util/package-root.js";

/** Where `init` copies the schemas when aimslint is not installed in the project (never scanned: DEFAULT_IGNORES). */
export const SCHEMA_COPY = ".aimslint/schemas";

/** Every kind's schema, the shared definitions and the configuration's: what the scaffold's modelines reach. */
function schemaCopies(): TemplateFile[] {
  const dir = join(packageRoot(), "schemas");
  const names = [...readdirSync(dir).filter((n) => n.endsWith(".schema.json")), "meta/config.schema.json"];
  return names.map((name) => ({ path: `${SCHEMA_COPY}/${name}`, base: "project" as const, text: readFileSync(join(dir, ...name.split("/")), "utf8") }));
}

interface InitResult {
  created: string[];
  kept: string[];
  blocked: string[];
}

export async function runInit(options: CliOptions, io: Io): Promise<number> {
  const target = resolve(io.cwd, options.paths[0] ?? ".");
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`"${safeText(options.paths[0] ?? target)}" is not a folder.`);
  const today = options.today ?? io.env["AIMSLINT_TODAY"] ?? todayUtc();
  if (!isDate(today)) throw new UsageError(`AIMSLINT_TODAY must be a date written YYYY-MM-DD, got "${safeText(today)}".`);

  const project = canonical(target);
  const repository = gitRoot(project);
  // Editors need the schemas where the modelines point: an installed aimslint's, else a copy in the project (a
  // URL would need a server, a path into node_modules fails in a fresh clone).
  const installed = installedSchemas(project, repository);
  const schemas = installed ?? join(project, ...SCHEMA_COPY.split("/"));
  const existing = await findExisting(project, today);
  const found = existing.aiUse;
  const files = governanceTemplates({
    ...(found ? { found } : {}),
    today,
    nextReview: addMonths(today, 12),
    version: VERSION,
    projectDir: repository && repository !== project ? slash(relative(repository, project)) : "",
    schemaRef: (file, schema) => slash(relative(dirname(join(project, file)), join(schemas, `${schema}.schema.json`))),
  });
  const copies = installed ? [] : schemaCopies();

  const display = (abs: string) => slash(relative(canonical(io.cwd), abs) || ".");
  const result: InitResult = { created: [], kept: [], blocked: [] };
  const lines: string[] = [];
  for (const file of files) {
    const base = file.base === "repository" && repository ? repository : project;
    const abs = join(base, ...file.path.split("/"));
    const { outcome, why } = writeNew(base, abs, file);
    result[outcome].push(abs);
    const label = outcome === "created" ? "created     " : outcome === "kept" ? "exists, kept" : "not created ";
    lines.push(`  ${label}  ${safeText(display(abs))}${why ? `  (${why})` : ""}`);
  }

  // The copies are one line: they are the editors' business, not a file to fill in.
  const copied = copies.map((file) => writeNew(project, join(project, ...file.path.split("/")), file).outcome);
  if (copies.length > 0) {
    const made = copied.filter((o) => o === "created").length;
    lines.push(`  ${made > 0 ? "created     " : "exists, kept"}  ${safeText(display(join(project, SCHEMA_COPY)))}/  (the JSON Schemas the modelines point at, for editors)`);
  }

  const scan = display(project) === "." ? "npx aimslint" : `npx aimslint ${display(project)}`;
  io.stdout(
    `aimslint init: ISO/IEC 42001 governance scaffold in ${safeText(display(project))}\n\n${lines.join("\n")}\n\n` +
      `${plural(result.created.length, "file")} created, ${plural(result.kept.length, "existing file")} kept (never overwritten)${result.blocked.length > 0 ? `, ${result.blocked.length} not created` : ""}.\n\n` +
      (found && result.created.some((abs) => slash(abs).endsWith(`/${PATHS.system}`))
        ? `The AI system record covers the AI use found in the repository (${plural(found.paths.length, "file")}${found.actions.length > 0 ? `, ${plural(found.actions.length, "action")}` : ""}); "npx aimslint inventory" lists it.\n`
        : "") +
      unlinkedText(existing.unlinkedCards) +
      `Next: replace every TBD and <...> value. Each document starts as a draft: "${scan}" lists what is left to fill in,\n` +
      `one line per document; set its status past draft when it is done, to have it checked field by field.\n` +
      `The YAML files name their JSON Schema in a "# yaml-language-server: $schema=..." line, so editors with the YAML\n` +
      `extension complete and check them while you type.\n`,
  );
  return 0;
}

/** Cards already in the project that no system claims: the scaffold's system record can be theirs. */
function unlinkedText(cards: readonly string[]): string {
  if (cards.length === 0) return "";
  const shown = cards.slice(0, 5).map(safeText).join(", ");
  const more = cards.length > 5 ? ` and ${cards.length - 5} more` : "";
  return `Found ${plural(cards.length, "model or data card")} that ${cards.length === 1 ? "names" : "name"} no AI system: ${shown}${more}. Name the system each documents (system: ${IDS.system}, or its own record's id), so that it is checked with it.\n`;
}

/**
 * Write a file that does not exist yet: "kept" when anything is already at that path, "blocked" when a file or a
 * symbolic link stands where a folder should be (a linked folder could lead the scaffold out of the repository).
 */
function writeNew(base: string, abs: string, file: TemplateFile): { outcome: "created" | "kept" | "blocked"; why?: string } {
  try {
    mkdirSync(base, { recursive: true });
    writeInside(base, abs, file.text, { exclusive: true });
    return { outcome: "created" };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return { outcome: "kept" };
    if (code === "ENOTDIR") return { outcome: "blocked", why: "a file is in the way of its folder" };
    if (error instanceof UnsafeWriteError) return { outcome: "blocked", why: "a symbolic link is in the way of its folder" };
    throw error;
  }
}

/** The real path of a folder that may not exist yet: the real path of its nearest existing ancestor, plus the rest. */
function canonical(path: string): string {
  const rest: string[] = [];
  let dir = path;
  while (!existsSync(dir)) {
    const parent = dirname(dir);
    if (parent === dir) break;
    rest.unshift(basename(dir));
    dir = parent;
  }
  try {
    return join(realpathSync(dir), ...rest);
  } catch {
    return path;
  }
}

function gitRoot(project: string): string | undefined {
  let dir = project;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  // core.fsmonitor=false: the repository's own configuration must never make us run its programs.
  const r = spawnSync("git", ["-c", "core.fsmonitor=false", "rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  if (r.status !== 0 || !r.stdout.trim()) return undefined;
  return canonical(resolve(r.stdout.trim()));
}

/** `node_modules/aimslint/schemas` of an aimslint installed in the project (or a parent up to the work tree root). */
function installedSchemas(project: string, repository: string | undefined): string | undefined {
  let dir = project;
  for (;;) {
    const schemas = join(dir, "node_modules", "aimslint", "schemas");
    if (existsSync(join(schemas, "ai-system.schema.json"))) return schemas;
    if (dir === repository || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

const slash = (path: string) => path.split(sep).join("/");
