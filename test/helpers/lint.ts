// Test helpers: lint a folder or a set of in-memory files through the real pipeline.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { resolveConfig } from "../../src/config/resolve-config.js";
import type { Finding } from "../../src/core/finding.js";
import { lint, type LintResult } from "../../src/pipeline/lint.js";

export const TODAY = "2026-06-30";

export async function lintDir(dir: string, inputs: string[] = [], today = TODAY): Promise<LintResult> {
  const config = resolveConfig({ cwd: dir, startDir: dir, today });
  return lint({ cwd: dir, inputs, config });
}

/** Writes files (text or bytes) into a fresh temporary folder and returns its path. */
export function fixture(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "aimslint-test-"));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** `file:line:col rule-id` — the shape most assertions compare. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.ruleId}`);
}

export function withoutRules(findings: readonly Finding[], prefixes: string[]): Finding[] {
  return findings.filter((f) => !prefixes.some((p) => f.ruleId.startsWith(p)));
}
