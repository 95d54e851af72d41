// Finds aimslint.config.yaml (walking up from the scanned folder), validates it with positions, and resolves
// `extends`. A bad configuration is a usage error (exit 2) that names the file, line and column.
import { PRESETS } from "../engine/presets.js";
import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { isWithin } from "../util/within.js";
import type { Finding } from "../core/finding.js";
import { builtInValidator } from "../schema/compiled-validators.js";
import { LineIndex } from "../source/line-index.js";
import { parseSource, type ParseResult } from "../source/parse.js";
import { DEFAULT_LIMITS, readPolicyText } from "../source/load.js";
import { describeSchemaErrors } from "../schema/schema-errors.js";
import type { Locator, PathSegment } from "../source/locator.js";
import { ConfigError } from "../core/errors.js";
import { gitTop, nearestConfigFile } from "./project-root.js";

export type SeverityName = "error" | "warning" | "warn" | "info" | "off";
export type RuleSetting = SeverityName | { severity?: SeverityName; options?: Record<string, unknown> };

export interface KindSetting {
  files?: string[];
  schema?: string;
  title?: string;
  iso42001?: string[];
}

export interface ConfigFile {
  extends?: string | string[];
  today?: string;
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; rules: Record<string, RuleSetting> }[];
  ignores?: string[];
  ruleFiles?: string[];
  aiUse?: { actions?: string[]; secrets?: string[]; packages?: { npm?: string[]; pypi?: string[] } };
  kinds?: Record<string, KindSetting>;
  inlineSuppressions?: boolean;
  limits?: { maxFileBytes?: number; maxAliases?: number; maxDepth?: number; maxFindingsPerFile?: number; maxDocuments?: number; maxKeys?: number; maxItems?: number; maxAliasNodes?: number };
}

/** One configuration layer, with the folder its relative paths are resolved from. */
export interface ConfigLayer {
  file: string;
  dir: string;
  config: ConfigFile;
  /** `file:line:col` of a setting, so that errors found after validation still point at the line. */
  at: (path: PathSegment[]) => string;
}

export function findConfig(startDir: string): string | undefined {
  const found = nearestConfigFile(startDir);
  return found === undefined ? undefined : notLinkedOut(found);
}

/**
 * A configuration found by walking up is repository content, like `extends`: a symbolic link in its place must not
 * make us read (and quote in errors) a file from outside its repository. One named with --config is the user's.
 */
function notLinkedOut(file: string): string {
  const dir = dirname(file);
  const top = gitTop(dir) ?? dir;
  if (!realpathInside(file, top)) {
    throw new ConfigError(
      `${file} is a symbolic link that points outside the repository (${top}); it was not read. Replace the link with the configuration file itself, or name a configuration with --config.`,
    );
  }
  return file;
}

/** Presets first, then files, in `extends` order; the file itself last. */
export function loadConfigLayers(file: string, projectRoot: string, seen: string[] = []): { presets: string[]; layers: ConfigLayer[] } {
  if (seen.includes(file)) throw new ConfigError(`${file}: "extends" forms a cycle (${[...seen, file].join(" → ")}).`);
  const { config, locator } = readConfig(file);
  const dir = dirname(file);
  const presets: string[] = [];
  const layers: ConfigLayer[] = [];
  const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const parent of parents) {
    if ((PRESETS as readonly string[]).includes(parent)) {
      presets.push(parent);
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(parent) || isAbsolute(parent)) {
      throw new ConfigError(`${file}: extends "${parent}" must be a preset (${PRESETS.join(", ")}) or a path inside the repository; URLs and absolute paths are not followed.`);
    }
    const target = resolve(dir, parent);
    if (!isWithin(target, projectRoot)) throw new ConfigError(`${file}: extends "${parent}" points outside the repository (${projectRoot}).`);
    if (!existsSync(target)) throw new ConfigError(`${file}: extends "${parent}", which does not exist.`);
    if (!realpathInside(target, projectRoot)) throw new ConfigError(`${file}: extends "${parent}" is a symbolic link that points outside the repository (${projectRoot}).`);
    const inner = loadConfigLayers(target, projectRoot, [...seen, file]);
    presets.push(...inner.presets);
    layers.push(...inner.layers);
  }
  const at = (path: PathSegment[]) => {
    const { start } = locator?.locate(path, "key").range ?? { start: { line: 1, column: 1 } };
    return `${file}:${start.line}:${start.column}`;
  };
  layers.push({ file, dir, config, at });
  return { presets, layers };
}

/** Whether `path`, once symbolic links are resolved, is still inside `root` (a link in the repository may point anywhere). */
export function realpathInside(path: string, root: string): boolean {
  try {
    return isWithin(realpathSync(path), realpathSync(root));
  } catch {
    return false;
  }
}

function readConfig(file: string): { config: ConfigFile; locator?: Locator } {
  const doc = parsePolicyFile(file).documents[0];
  if (doc) {
    if (doc.data === null || typeof doc.data !== "object" || Array.isArray(doc.data)) {
      throw new ConfigError(`${file}:1:1: the configuration must be a mapping of settings.`);
    }
    const validate = builtInValidator("@config");
    if (validate && !validate(doc.data)) {
      const target = { file: doc.source.path, locator: doc.locator, data: doc.data, root: [] };
      throw problemsError(file, describeSchemaErrors(validate.errors ?? [], target, { title: "configuration", schemaFile: "meta/config.schema.json", iso42001: [] }));
    }
  }
  return { config: (doc?.data ?? {}) as ConfigFile, ...(doc ? { locator: doc.locator } : {}) };
}

/** A configuration or rule file, parsed with positions; one that cannot be read or has a syntax error is refused. */
export function parsePolicyFile(file: string): ParseResult {
  let text: string;
  try {
    text = readPolicyText(file);
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const source = { path: file, format: file.endsWith(".json") ? ("json" as const) : ("yaml" as const), text, lines: new LineIndex(text), explicit: true };
  const parsed = parseSource(source, DEFAULT_LIMITS);
  const errors = parsed.findings.filter((f) => f.severity === "error");
  if (errors.length > 0) throw problemsError(file, errors);
  return parsed;
}

/** A usage error that lists problems as file:line:col: message, one per line. */
export function problemsError(file: string, problems: readonly Finding[]): ConfigError {
  return new ConfigError(problems.map((p) => `${file}:${p.range.start.line}:${p.range.start.column}: ${p.message}`).join("\n"));
}
