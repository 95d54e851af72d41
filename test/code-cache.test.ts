// The loader (src/cli-loader.ts, dist/cli.cjs) starts the CLI from V8's code cache: the cache can make a run
// start faster, never change what it prints, and a broken one is replaced, not trusted.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const CLI = join(root, "dist", "cli.cjs");
const EXAMPLE = join(root, "examples", "broken");

const run = (cacheDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, "--no-color", "--format", "json", ...args, "."], { cwd: EXAMPLE, encoding: "utf8", env: { ...process.env, AIMSLINT_CACHE_DIR: cacheDir } });
const codeFiles = (cacheDir: string) => readdirSync(join(cacheDir, "code")).map((name) => join(cacheDir, "code", name));

describe("code cache", () => {
  it("is written by the first lint run, used as it is by the next, and changes nothing in the output", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
    // `--version` compiles too little to be worth keeping: V8 would accept that cache and never replace it.
    const version = spawnSync(process.execPath, [CLI, "--version"], { encoding: "utf8", env: { ...process.env, AIMSLINT_CACHE_DIR: cacheDir } });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(existsSync(join(cacheDir, "code"))).toBe(false);
    const first = run(cacheDir);
    expect(first.status).toBe(1);
    const [file, ...more] = codeFiles(cacheDir);
    expect(more).toEqual([]);
    expect(file).toMatch(/[0-9a-f]{32}\.v8cache$/);
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    const written = statSync(file!);
    const second = run(cacheDir);
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(1);
    // Accepted by V8, so not written again.
    expect(statSync(file!).mtimeMs).toBe(written.mtimeMs);
    expect(statSync(file!).ino).toBe(written.ino);
  });

  it("replaces a cache V8 refuses, and the run goes on as if there were none", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
    const plain = run(cacheDir, "--no-cache");
    run(cacheDir);
    const [file] = codeFiles(cacheDir);
    writeFileSync(file!, "not bytecode at all");
    const broken = run(cacheDir);
    expect(broken.stdout).toBe(plain.stdout);
    expect(broken.stderr).toBe("");
    expect(broken.status).toBe(1);
    expect(readFileSync(file!).length).toBeGreaterThan(100_000);
  });

  it("says so and exits 2 when the CLI it starts is missing (a broken install)", () => {
    const dir = mkdtempSync(join(tmpdir(), "aimslint-loader-"));
    copyFileSync(CLI, join(dir, "cli.cjs"));
    const r = spawnSync(process.execPath, [join(dir, "cli.cjs"), "--version"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^aimslint: internal error: Error: ENOENT[^\n]*cli-main\.cjs'\n$/);
  });
});
