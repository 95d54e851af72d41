// Helpers for the hardening tests: where things are, running the built CLI, hashing a tree, reading the fixtures.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveConfig } from "../../src/config/resolve-config.js";
import type { Finding } from "../../src/core/finding.js";
import { lint, type LintResult } from "../../src/pipeline/lint.js";
import { REPORTERS } from "../../src/reporters/index.js";
import { TODAY } from "../helpers/lint.js";

export const repoRoot = join(import.meta.dirname, "..", "..");
export const CLI = join(repoRoot, "dist", "cli.cjs");
export const HOSTILE = join(repoRoot, "test", "fixtures", "hostile");
/** Real public artefacts, read-only, beside the repository (absent on some machines: tests using it skip). */
export const CORPUS = join(repoRoot, "..", "shared", "corpus");

export interface Expected {
  ruleId: string;
  line: number;
  column: number;
}

export interface Case {
  case: string;
  findings?: Expected[];
  also?: Expected[];
  artefact?: string;
  make?: string;
  gap?: { reason: string; findings?: Expected[]; also?: Expected[] };
}

export interface Manifest {
  exactFamilies: string[];
  files: Record<string, Case>;
  generated: Record<string, Case>;
}

export const manifest = JSON.parse(readFileSync(join(HOSTILE, "expected.json"), "utf8")) as Manifest;

export function tempDir(prefix = "aimslint-hardening-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function lintIn(dir: string, inputs: string[] = []): Promise<LintResult> {
  const config = resolveConfig({ cwd: dir, startDir: dir, today: TODAY });
  return lint({ cwd: dir, inputs, config });
}

/** Every output format, rendered as the CLI renders it. */
export function renderAll(findings: readonly Finding[]): { format: string; color: boolean; text: string }[] {
  const context = { filesChecked: 1, artefactsChecked: 1, version: "0.0.0-test", color: false };
  const out = Object.entries(REPORTERS).map(([format, reporter]) => ({ format, color: false, text: reporter(findings, context) }));
  out.push({ format: "stylish", color: true, text: REPORTERS["stylish"]!(findings, { ...context, color: true }) });
  return out;
}

export function runCli(args: string[], cwd: string, options: SpawnSyncOptions = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: TODAY, HOME: tmpdir() },
    ...options,
  });
  return { code: result.status, signal: result.signal, stdout: String(result.stdout ?? ""), stderr: String(result.stderr ?? ""), error: result.error };
}

/**
 * A digest of everything under `dir` that a scan could change: names, types, modes, sizes, contents and link
 * targets, without following links. Unreadable files count by their metadata.
 */
export function hashTree(dir: string): string {
  const hash = createHash("sha256");
  const visit = (rel: string) => {
    const abs = join(dir, rel);
    const info = lstatSync(abs);
    hash.update(`${rel}\0${info.mode}\0${info.size}\0${info.mtimeMs}\0`);
    if (info.isSymbolicLink()) hash.update(`link:${readlinkSync(abs)}\0`);
    else if (info.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(abs).sort();
      } catch {
        hash.update("unreadable-dir\0");
        return;
      }
      for (const name of names) visit(rel === "" ? name : `${rel}/${name}`);
    } else if (info.isFile()) {
      try {
        hash.update(readFileSync(abs));
      } catch {
        hash.update("unreadable\0");
      }
    }
  };
  visit("");
  return hash.digest("hex");
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/**
 * The command prefix that runs the CLI as user `nobody`, for permission checks when the tests run as root (root
 * reads mode 000 files): [] when not root, undefined when impossible (no setpriv, or nobody cannot read the CLI,
 * e.g. a clone under /root), in which case those checks are skipped.
 */
export function asNobody(): string[] | undefined {
  if (!isRoot()) return [];
  const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));
  if (!setpriv) return undefined;
  const prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"];
  const script =
    "const fs = require('fs'); for (const p of process.argv.slice(1)) fs.accessSync(p, fs.constants.R_OK); fs.readdirSync(process.argv[2]); process.exit(process.getuid() === 65534 ? 0 : 1)";
  const probe = spawnSync(prefix[0]!, [...prefix.slice(1), process.execPath, "-e", script, CLI, join(repoRoot, "schemas"), join(repoRoot, "package.json"), tmpdir()]);
  return probe.status === 0 ? prefix : undefined;
}

/** `file:line:col rule-id`, the shape assertions compare. */
export function brief(f: { file: string; ruleId: string; range: { start: { line: number; column: number } } }): string {
  return `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.ruleId}`;
}

export function expectedBrief(file: string, e: Expected): string {
  return `${file}:${e.line}:${e.column} ${e.ruleId}`;
}

/** A folder with .git (so the project root is known) and the given files. */
export function repoWith(prefix: string, files: Record<string, string>): string {
  const dir = tempDir(prefix);
  mkdirSync(join(dir, ".git"));
  writeFileSync(join(dir, ".git", "HEAD"), "ref: refs/heads/main\n");
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
