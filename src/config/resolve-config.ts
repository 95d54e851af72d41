// Turns configuration layers into what a run needs: the active rules for each file, ignores, kinds, limits.
import { turnsOn } from "../engine/presets.js";
import { readdirSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { Severity } from "../core/finding.js";
import { kindInfo, type KindInfo } from "../core/kinds.js";
import type { ClassifyOptions } from "../source/classify.js";
import { DEFAULT_LIMITS, type Limits } from "../source/load.js";
import { todayUtc, isDate } from "../engine/dates.js";
import type { IndexFields } from "../engine/index-entry.js";
import { indexFields } from "../engine/index-fields.js";
import { BUILT_IN_RULES, loadRuleFile } from "./load-rules.js";
import type { ActiveRule } from "../engine/run-rules.js";
import type { RuleDefinition } from "../engine/types.js";
import { closest } from "../util/text.js";
import { checkOptionValues } from "./option-values.js";
import { isWithin } from "../util/within.js";
import { ConfigError } from "../core/errors.js";
import { gitTop, projectRoot } from "./project-root.js";
import { findConfig, loadConfigLayers, realpathInside, type ConfigLayer, type RuleSetting, type SeverityName } from "./load-config.js";
import { cachedGlobsMatcher, globsMatcher } from "../util/safe-glob.js";
import { UnsafePatternError } from "../util/safe-regex.js";

export interface ResolvedConfig {
  /** The configuration file used, if any. */
  file?: string;
  /** Folder that evidence paths and config globs are relative to. */
  root: string;
  today: string;
  rules: readonly RuleDefinition[];
  limits: Limits;
  /** Ignore globs, relative to the working directory. */
  ignores: string[];
  classify: ClassifyOptions;
  /** Organisation kinds with their schema files (absolute paths). */
  schemaFiles: Map<string, string>;
  inlineSuppressions: boolean;
  /** The rules that apply to a file (configuration overrides are per path), by its display path. */
  rulesFor: (path: string) => readonly ActiveRule[];
  /** What the repository index keeps of each kind for cross-document rules. */
  indexFields: IndexFields;
  /** The organisation's additions to the catalogue of AI use (aiUse in the configuration, every layer). */
  aiUse: { actions: string[]; secrets: string[]; packages: { npm: string[]; pypi: string[] } };
}

export interface ResolveOptions {
  cwd: string;
  /** Folder to start looking for a configuration from (the first scanned folder). */
  startDir: string;
  configFile?: string;
  today?: string;
  /** CLI override: refuse inline suppressions whatever the configuration says. */
  noInlineConfig?: boolean;
  /**
   * `--rule` settings, in order: over every layer and every override of the configuration, for every file.
   * `source` is how the setting was written, for messages.
   */
  ruleSettings?: readonly { source: string; rules: Record<string, RuleSetting> }[];
}

interface Setting {
  severity: Severity | "off";
  options: Record<string, unknown>;
}

export function resolveConfig(options: ResolveOptions): ResolvedConfig {
  const file = options.configFile ? resolve(options.cwd, options.configFile) : findConfig(options.startDir);
  if (options.configFile && file && !safeExists(file)) throw new ConfigError(`Configuration file "${options.configFile}" does not exist.`);
  const root = projectRoot(file, options.startDir);
  const { presets, layers } = file ? loadConfigLayers(file, gitTop(root) ?? root) : { presets: [], layers: [] as ConfigLayer[] };

  const userRules = layers.flatMap((layer) => loadUserRules(layer));
  const rules = [...BUILT_IN_RULES, ...userRules];
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new ConfigError(`${rule.source}: rule id "${rule.id}" is already defined; choose another id.`);
    ids.add(rule.id);
  }
  const byId = new Map(rules.map((r) => [r.id, r]));

  // Presets, then each layer's rules, in order. No preset at all means "recommended".
  const base = new Map<string, Setting>();
  const effectivePresets = presets.length > 0 ? presets : ["recommended"];
  for (const rule of rules) {
    const strict = effectivePresets.includes("strict");
    const on = effectivePresets.some((preset) => turnsOn(preset, rule)) || userRules.includes(rule);
    base.set(rule.id, { severity: on ? (strict && rule.severity === "warning" ? "error" : rule.severity) : "off", options: { ...rule.options } });
  }
  // The organisation's additions to the catalogue of AI use reach every rule that reads it (docs/ai-use.md).
  const aiUse = {
    actions: layers.flatMap((layer) => layer.config.aiUse?.actions ?? []),
    secrets: layers.flatMap((layer) => layer.config.aiUse?.secrets ?? []),
    packages: { npm: layers.flatMap((layer) => layer.config.aiUse?.packages?.npm ?? []), pypi: layers.flatMap((layer) => layer.config.aiUse?.packages?.pypi ?? []) },
  };
  const aiPackages = aiUse.packages;
  for (const [option, extra] of [
    ["aiActions", aiUse.actions],
    ["aiSecrets", aiUse.secrets],
    ["aiNpmPackages", aiPackages.npm],
    ["aiPypiPackages", aiPackages.pypi],
  ] as const) {
    if (extra.length === 0) continue;
    for (const setting of base.values()) if (Array.isArray(setting.options[option])) setting.options[option] = [...(setting.options[option] as string[]), ...extra];
  }
  for (const layer of layers) applySettings(base, layer.config.rules ?? {}, byId, (id, option) => layer.at(option ? ["rules", id, "options", option] : ["rules", id]));
  // The command line's settings come last, after the overrides too (as ESLint's --rule does).
  const fromCommandLine = (options.ruleSettings ?? []).map((setting) => ({ rules: setting.rules, at: () => `--rule ${JSON.stringify(setting.source)}` }));
  for (const setting of fromCommandLine) applySettings(base, setting.rules, byId, setting.at);

  const overrides = layers.flatMap((layer) =>
    (layer.config.overrides ?? []).map((o, i) => ({
      match: configGlobs(o.files, () => layer.at(["overrides", i, "files"])),
      dir: layer.dir,
      rules: o.rules,
      at: (id: string, option?: string) => layer.at(option ? ["overrides", i, "rules", id, "options", option] : ["overrides", i, "rules", id]),
    })),
  );
  // Validate ids and options before any file is read; each override's settings are also a set of options a rule
  // may run with, which can change the fields the repository index must keep.
  const variants = [...base].map(([id, s]) => ({ rule: byId.get(id)!, options: s.options }));
  for (const o of overrides) {
    const settings = new Map(base);
    applySettings(settings, o.rules, byId, o.at);
    for (const setting of fromCommandLine) applySettings(settings, setting.rules, byId, setting.at);
    for (const id of Object.keys(o.rules)) variants.push({ rule: byId.get(id)!, options: settings.get(id)!.options });
  }

  // Files that match the same overrides share one list: a list per file would cost memory in proportion to
  // the repository (80 rules × 15,000 files).
  const byOverrides = new Map<string, ActiveRule[]>();
  const byPath = new Map<string, ActiveRule[]>();
  const rulesFor = (path: string): ActiveRule[] => {
    const known = byPath.get(path);
    if (known) return known;
    const abs = resolve(options.cwd, path);
    const matching = overrides.filter((o) => o.match(relative(o.dir, abs).split("\\").join("/")));
    const key = matching.map((o) => overrides.indexOf(o)).join(",");
    let active = byOverrides.get(key);
    if (!active) {
      const settings = new Map([...base].map(([id, s]) => [id, { ...s, options: { ...s.options } }]));
      for (const o of matching) applySettings(settings, o.rules, byId, o.at);
      for (const setting of fromCommandLine) applySettings(settings, setting.rules, byId, setting.at);
      active = [];
      for (const [id, s] of settings) if (s.severity !== "off") active.push({ rule: byId.get(id)!, severity: s.severity, options: s.options });
      byOverrides.set(key, active);
    }
    byPath.set(path, active);
    return active;
  };

  const last = <K extends keyof ConfigLayer["config"]>(key: K) => [...layers].reverse().find((l) => l.config[key] !== undefined)?.config[key];
  const today = options.today ?? (last("today") as string | undefined) ?? process.env["AIMSLINT_TODAY"] ?? todayUtc();
  if (!isDate(today)) throw new ConfigError(`"today" must be a date written YYYY-MM-DD, got "${today}".`);

  const kindGlobs: Record<string, string[]> = {};
  const extraKinds: KindInfo[] = [];
  const schemaFiles = new Map<string, string>();
  for (const layer of layers) {
    for (const [id, kind] of Object.entries(layer.config.kinds ?? {})) {
      if (kind.files) {
        kindGlobs[id] = kind.files.map((g) => relativeGlob(options.cwd, layer.dir, g));
        // Compiled now (classify finds them compiled): a glob no linear-time engine can run is a ConfigError here.
        configGlobs(kindGlobs[id]!, () => layer.at(["kinds", id, "files"]), true);
      }
      if (kindInfo(id)) {
        if (kind.schema) throw new ConfigError(`${layer.at(["kinds", id, "schema"])}: kind "${id}" is built in; its schema cannot be replaced (declare a new kind instead).`);
        continue;
      }
      if (!kind.schema) throw new ConfigError(`${layer.at(["kinds", id])}: kind "${id}" is not built in, so it needs a "schema".`);
      const schemaPath = insideRoot(layer.dir, kind.schema, root, layer.at(["kinds", id, "schema"]));
      schemaFiles.set(id, schemaPath);
      extraKinds.push({ id, title: kind.title ?? id, iso42001: kind.iso42001 ?? [], signature: [] });
    }
  }
  const limits = Object.assign({ ...DEFAULT_LIMITS }, ...layers.map((l) => l.config.limits ?? {}));
  const ignores = layers.flatMap((l) => (l.config.ignores ?? []).map((g) => relativeGlob(options.cwd, l.dir, g)));
  for (const l of layers) if (l.config.ignores) configGlobs(l.config.ignores, () => l.at(["ignores"]));
  const inline = options.noInlineConfig ? false : ((last("inlineSuppressions") as boolean | undefined) ?? true);
  return {
    ...(file ? { file } : {}),
    root,
    today,
    rules,
    limits,
    ignores,
    classify: { kindGlobs, extraKinds, ...(aiPackages.npm.length + aiPackages.pypi.length > 0 ? { aiPackages } : {}) },
    schemaFiles,
    inlineSuppressions: inline,
    rulesFor,
    indexFields: indexFields(variants),
    aiUse,
  };
}

function applySettings(target: Map<string, Setting>, rules: Record<string, RuleSetting>, byId: Map<string, RuleDefinition>, at: (id: string, option?: string) => string): void {
  for (const [id, setting] of Object.entries(rules)) {
    const rule = byId.get(id);
    if (!rule) {
      const suggestion = closest(id, [...byId.keys()]);
      throw new ConfigError(`${at(id)}: unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : "."} Run "aimslint rules" to list the rules.`);
    }
    const current = target.get(id)!;
    const severityName: SeverityName | undefined = typeof setting === "string" ? setting : setting.severity;
    const severity = severityName === undefined ? (current.severity === "off" ? rule.severity : current.severity) : severityName === "warn" ? "warning" : severityName;
    const options = typeof setting === "object" && setting.options ? setting.options : {};
    for (const key of Object.keys(options)) {
      if (!rule.options || !Object.hasOwn(rule.options, key)) {
        const suggestion = rule.options ? closest(key, Object.keys(rule.options)) : undefined;
        const known = rule.options ? ` (options: ${Object.keys(rule.options).join(", ")})` : "";
        // An option that moved to another rule (acceptanceRoles, from risk/high-residual-accepted): say where it is.
        const elsewhere = [...byId.values()].filter((r) => r !== rule && r.options && Object.hasOwn(r.options, key)).map((r) => r.id);
        const moved = !suggestion && elsewhere.length > 0 ? ` "${key}" is an option of ${elsewhere.join(", ")}.` : "";
        throw new ConfigError(`${at(id, key)}: rule "${id}" has no option "${key}"${suggestion ? `; did you mean "${suggestion}"?` : "."}${known}${moved}`);
      }
    }
    const merged = { ...current.options, ...options };
    if (Object.keys(options).length > 0) checkOptionValues(rule, merged, (option) => at(id, option));
    target.set(id, { severity, options: merged });
  }
}

function loadUserRules(layer: ConfigLayer): RuleDefinition[] {
  const rules: RuleDefinition[] = [];
  for (const pattern of layer.config.ruleFiles ?? []) {
    if (isAbsolute(pattern) || pattern.split(/[\\/]/).includes("..")) throw new ConfigError(`${layer.file}: ruleFiles entry "${pattern}" must be a path inside the repository.`);
    const files = globFiles(layer.dir, pattern);
    if (files.length === 0) throw new ConfigError(`${layer.file}: ruleFiles entry "${pattern}" matches no file.`);
    for (const f of files) rules.push(...loadRuleFile(resolve(layer.dir, f)));
  }
  return rules;
}

function insideRoot(dir: string, path: string, root: string, file: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) throw new ConfigError(`${file}: "${path}" is a URL; schemas must be files inside the repository.`);
  const abs = resolve(dir, path);
  if (!isWithin(abs, root)) throw new ConfigError(`${file}: "${path}" points outside the repository.`);
  if (!safeExists(abs)) throw new ConfigError(`${file}: "${path}" does not exist.`);
  if (!realpathInside(abs, root)) throw new ConfigError(`${file}: "${path}" is a symbolic link that points outside the repository.`);
  return abs;
}

function relativeGlob(cwd: string, dir: string, glob: string): string {
  const prefix = relative(cwd, dir).split("\\").join("/");
  return prefix === "" ? glob : `${prefix}/${glob}`;
}

function safeExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Files below `dir` matching a glob; small and synchronous, for the handful of rule files a config names. */
function globFiles(dir: string, pattern: string): string[] {
  const match = configGlobs(pattern, () => dir);
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[];
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      relative(dir, join(e.parentPath ?? (e as Dirent & { path: string }).path, e.name))
        .split("\\")
        .join("/"),
    )
    .filter((p) => !p.split("/").includes("node_modules") && match(p))
    .sort();
}

/** The configuration's globs, compiled by safe-glob; one that no linear-time engine can run is a ConfigError. */
function configGlobs(globs: string | readonly string[], where: () => string, cache = false): (path: string) => boolean {
  try {
    return cache && typeof globs !== "string" ? cachedGlobsMatcher(globs) : globsMatcher(globs);
  } catch (error) {
    if (error instanceof UnsafePatternError) throw new ConfigError(`${where()}: ${error.message}.`);
    throw error;
  }
}
