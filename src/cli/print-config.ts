// `--print-config <file>`: what a check of that file would apply, as JSON — every rule with the severity and
// options that hold for the file once presets, `extends`, `rules`, the `overrides` that match it and `--rule` are
// applied; rules that are off say so. The file need not exist (ESLint's --print-config does the same).
import { relative, resolve } from "node:path";
import type { ResolvedConfig } from "../config/resolve-config.js";
import { DEFAULT_IGNORES, ignoreMatcher, toDisplay } from "../pipeline/discover.js";
import { printableJson } from "../reporters/json-text.js";
import type { Io } from "./io.js";

export function printConfig(file: string, config: ResolvedConfig, io: Io): number {
  const path = toDisplay(io.cwd, resolve(io.cwd, file));
  const active = new Map(config.rulesFor(path).map((r) => [r.rule.id, r]));
  const rules: Record<string, { severity: string; options?: Record<string, unknown> }> = {};
  for (const rule of [...config.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const on = active.get(rule.id);
    rules[rule.id] = on ? { severity: on.severity, ...(Object.keys(on.options).length > 0 ? { options: on.options } : {}) } : { severity: "off" };
  }
  const shown = (abs: string) => relative(io.cwd, abs).split("\\").join("/") || ".";
  io.stdout(
    printableJson({
      file: path,
      configFile: config.file ? shown(config.file) : null,
      root: shown(config.root),
      ignored: ignoreMatcher([...DEFAULT_IGNORES, ...config.ignores])(path),
      today: config.today,
      inlineSuppressions: config.inlineSuppressions,
      limits: config.limits,
      rules,
    }),
  );
  return 0;
}
