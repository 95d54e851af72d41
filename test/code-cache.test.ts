// The loader (src/cli-loader.ts, dist/cli.cjs) starts the CLI from V8's code cache: the cache can make a run
// start faster, never change what it prints, and a broken one is replaced, not trusted.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 as zlibCrc32 } from "node:zlib";
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
    expect(file).toMatch(new RegExp(`/[0-9a-f]{32}-${process.version.replaceAll(".", "\\.")}-${process.arch}\\.v8cache$`));
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    const written = statSync(file!);
    const second = run(cacheDir);
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(1);
    // Accepted by V8, so not written again.
    expect(statSync(file!).mtimeMs).toBe(written.mtimeMs);
    expect(statSync(file!).ino).toBe(written.ino);
  });

  it("is still accepted after runs long enough to bound the heap (util/heap-bounds.ts): V8 keys it by its flags", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
    // 54 files: past the 32 read after which V8's heap flags are set for the run, and put back before exit.
    const lint = () =>
      spawnSync(process.execPath, [CLI, "--format", "json", "."], { cwd: join(root, "examples", "acme-governance"), encoding: "utf8", env: { ...process.env, AIMSLINT_CACHE_DIR: cacheDir } });
    expect(lint().status).toBe(0);
    const [file] = codeFiles(cacheDir);
    const written = statSync(file!);
    for (let i = 0; i < 2; i++) expect(lint().status).toBe(0);
    expect(statSync(file!).ino).toBe(written.ino);
    expect(statSync(file!).mtimeMs).toBe(written.mtimeMs);
  });

  it("holds all the run compiled, even what V8's collections would have dropped by the end of a long run", () => {
    // --stress-flush-code --gc-global: every collection is a full one and drops all bytecode not running, as a
    // whole lint of thousands of files does to the start-up's functions. --no-flush-bytecode: nothing is dropped.
    const written = (flags: string[]) => {
      const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
      const r = spawnSync(process.execPath, [...flags, CLI, "--format", "json", "."], {
        cwd: join(root, "examples", "acme-governance"),
        encoding: "utf8",
        env: { ...process.env, AIMSLINT_CACHE_DIR: cacheDir },
      });
      expect(r.status).toBe(0);
      return statSync(codeFiles(cacheDir)[0]!).size;
    };
    const whole = written(["--no-flush-bytecode"]);
    expect(written(["--stress-flush-code", "--gc-global"])).toBeGreaterThan(0.95 * whole);
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

  it("keeps four caches, for versions of aimslint or Node side by side: the one it wrote and the three newest others", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
    mkdirSync(join(cacheDir, "code"), { mode: 0o700 });
    const others = ["a", "b", "c", "d", "e"].map((v, i) => {
      const file = join(cacheDir, "code", `${v.repeat(32)}-v20.0.${i}-x64.v8cache`);
      writeFileSync(file, "older bytecode", { mode: 0o600 });
      const age = new Date(Date.now() - (i + 1) * 60_000);
      utimesSync(file, age, age);
      return file;
    });
    run(cacheDir);
    const own = codeFiles(cacheDir).filter((file) => !others.includes(file));
    expect(own).toHaveLength(1);
    expect(codeFiles(cacheDir).sort()).toEqual([...own, ...others.slice(0, 3)].sort());
  });

  it("says so and exits 2 when the CLI it starts is missing (a broken install)", () => {
    const dir = mkdtempSync(join(tmpdir(), "aimslint-loader-"));
    copyFileSync(CLI, join(dir, "cli.cjs"));
    const r = spawnSync(process.execPath, [join(dir, "cli.cjs"), "rules"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^aimslint: internal error: Error: ENOENT[^\n]*cli-main\.cjs'\n$/);
    // --version and --help are the loader's own: they never compile the CLI.
    const version = spawnSync(process.execPath, [join(dir, "cli.cjs"), "--version"], { encoding: "utf8" });
    expect([version.status, version.stdout, version.stderr]).toEqual([0, `${JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")).version}\n`, ""]);
  });
});

// A shared or restored cache folder is someone else's input: what V8 accepts from it runs as the user.
describe("code cache trust", () => {
  const isRoot = process.getuid?.() === 0;
  /** The loader's key: the bundle's build hash (of its bytes), size, modification time and length, Node's version and the architecture. */
  const bundleHash = () =>
    createHash("sha256")
      .update(readFileSync(join(root, "dist", "cli-main.cjs")))
      .digest("hex");
  const sourceKey = () => {
    const main = join(root, "dist", "cli-main.cjs");
    const stat = statSync(main);
    return `${bundleHash()}:${stat.size}:${stat.mtimeMs}:${readFileSync(main, "utf8").length}:${process.version}-${process.arch}`;
  };
  const crc32 = (data: Buffer) => `crc32:${(zlibCrc32(data) >>> 0).toString(16).padStart(8, "0")}`;

  /** Bytecode of another script of the bundle's length, which V8 accepts in its place, made by a child as the CLI runs. */
  function plantedBytecode(marker: string): Buffer {
    const length = readFileSync(join(root, "dist", "cli-main.cjs"), "utf8").length;
    const evil = `require("fs").writeFileSync(${JSON.stringify(marker)}, "planted code ran");`;
    const source = evil + " ".repeat(length - evil.length);
    const dir = mkdtempSync(join(tmpdir(), "aimslint-evil-"));
    writeFileSync(join(dir, "evil.js"), source);
    writeFileSync(join(dir, "out.bin"), "");
    const make = `const {Script}=require("vm");const M=require("module");const fs=require("fs");fs.writeFileSync(process.argv[2],new Script(M.wrap(fs.readFileSync(process.argv[1],"utf8"))).createCachedData())`;
    spawnSync(process.execPath, ["-e", make, join(dir, "evil.js"), join(dir, "out.bin")]);
    const bytes = readFileSync(join(dir, "out.bin"));
    expect(bytes.length).toBeGreaterThan(100);
    return bytes;
  }

  const packed = (data: Buffer, key = sourceKey()) => Buffer.concat([Buffer.from(`aimslint-v8cache-2 ${key} ${crc32(data)}\n`, "latin1"), data]);

  function plant(cacheDir: string, bytes: Buffer): string {
    mkdirSync(join(cacheDir, "code"), { recursive: true, mode: 0o700 });
    const file = join(cacheDir, "code", `${bundleHash().slice(0, 32)}-${process.version}-${process.arch}.v8cache`);
    writeFileSync(file, bytes, { mode: 0o600 });
    return file;
  }

  it("never runs bytecode without aimslint's header, however V8 would take it", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
    const marker = join(cacheDir, "marker");
    plant(cacheDir, plantedBytecode(marker));
    const r = run(cacheDir);
    expect(r.status).toBe(1);
    expect(existsSync(marker)).toBe(false);
  });

  it("ignores a cache file whose hash does not match its bytes", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
    const marker = join(cacheDir, "marker");
    const good = packed(plantedBytecode(marker));
    good.writeUInt8(good.readUInt8(good.length - 1) ^ 1, good.length - 1);
    plant(cacheDir, good);
    expect(run(cacheDir).status).toBe(1);
    expect(existsSync(marker)).toBe(false);
  });

  it("uses no cache folder that group or others may write, says so once, and writes nothing there", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
    const marker = join(cacheDir, "marker");
    const file = plant(cacheDir, packed(plantedBytecode(marker)));
    chmodSync(join(cacheDir, "code"), 0o777);
    const plain = run(mkdtempSync(join(tmpdir(), "aimslint-code-")), "--no-cache");
    const warning = (dir: string, mode: string) =>
      `aimslint: warning: the cache folder ${dir} may be written by group or others (mode ${mode}); running without the cache. Make the folder yours and private (chmod 700), or set AIMSLINT_CACHE_DIR to one that is.\n`;
    const r = run(cacheDir);
    expect(existsSync(marker)).toBe(false);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toBe(warning(join(cacheDir, "code"), "777"));
    chmodSync(join(cacheDir, "code"), 0o700);
    chmodSync(cacheDir, 0o777);
    const again = run(cacheDir);
    expect(again.stdout).toBe(plain.stdout);
    expect(again.stderr).toBe(warning(cacheDir, "777"));
    expect(readdirSync(cacheDir).sort()).toEqual(["code"]);
    expect(readdirSync(join(cacheDir, "code"))).toEqual([file.split("/").pop()]);
    expect(existsSync(marker)).toBe(false);
  });

  it.skipIf(!isRoot)("uses no cache folder or file that another user owns (as root: chown to nobody)", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
    const marker = join(cacheDir, "marker");
    const file = plant(cacheDir, packed(plantedBytecode(marker)));
    chownSync(file, 65534, 65534);
    expect(run(cacheDir).status).toBe(1);
    expect(existsSync(marker)).toBe(false);
    chownSync(cacheDir, 65534, 65534);
    const r = run(cacheDir);
    expect(r.stderr).toContain(`aimslint: warning: the cache folder ${cacheDir} belongs to another user (uid 65534); running without the cache.`);
    expect(existsSync(marker)).toBe(false);
  });

  it("runs the cache it wrote itself, which carries the header", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "aimslint-code-"));
    run(cacheDir);
    const [file] = codeFiles(cacheDir);
    const header = readFileSync(file!).subarray(0, 150).toString("latin1").split("\n")[0]!;
    expect(header).toBe(`aimslint-v8cache-2 ${sourceKey()} ${crc32(readFileSync(file!).subarray(Buffer.byteLength(header) + 1))}`);
  });
});
