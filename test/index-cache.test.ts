// The index cache (src/pipeline/index-cache.ts): a run that reports on a few files indexes the unchanged others
// from it, finds exactly what a run without it finds, and reads a file again as soon as it changes.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/resolve-config.js";
import type { IndexEntry } from "../src/engine/index-entry.js";
import { lint } from "../src/pipeline/lint.js";
import { pruneCacheFiles } from "../src/util/cache-dir.js";
import { brief } from "./helpers/lint.js";

const CLI = join(__dirname, "..", "dist", "cli.cjs");
const EXAMPLE = join(__dirname, "..", "examples", "acme-governance");
const RISK = "governance/risks/RISK-010.yaml";
const SYSTEM = "governance/systems/doc-ocr.yaml";

let project: string;

/** What an index entry says, whatever its class: entries read from the cache parse their data when it is read. */
const values = (entries: readonly IndexEntry[]) => entries.map(({ file, doc, root, kind, id, data }) => ({ file, doc, root, kind, id, data }));

const run = (cacheDir: string | undefined, inputs = [RISK]) => {
  const config = resolveConfig({ cwd: project, startDir: project });
  return lint({ cwd: project, inputs, config, ...(cacheDir ? { cacheDir } : {}) });
};
const tempCache = () => mkdtempSync(join(tmpdir(), "aimslint-cache-"));

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "aimslint-cached-project-"));
  cpSync(EXAMPLE, project, { recursive: true });
  // A file changed in the last two seconds is not cached (its stamp could change again unseen): let them age.
  await new Promise((done) => setTimeout(done, 2100));
});

describe("index cache", () => {
  it("indexes the files not reported on from the cache, with the same findings as without it", async () => {
    const cacheDir = tempCache();
    const plain = await run(undefined);
    const first = await run(cacheDir);
    const second = await run(cacheDir);
    expect(first.fromCache).toBe(0);
    expect(second.fromCache).toBe(plain.filesChecked - 1);
    expect(second.filesChecked).toBe(plain.filesChecked);
    expect(values(second.artefacts)).toEqual(values(plain.artefacts));
    expect(second.findings).toEqual(plain.findings);
    expect(first.findings).toEqual(plain.findings);
  });

  it("is written by a scan of the whole project, as it goes, for the next hook run to use", async () => {
    const cacheDir = tempCache();
    const plain = await run(undefined);
    const whole = await run(cacheDir, []);
    expect(whole.fromCache).toBe(0);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const hook = await run(cacheDir);
    expect(hook.fromCache).toBe(plain.filesChecked - 1);
    expect(hook.findings).toEqual(plain.findings);
    expect(values(hook.artefacts)).toEqual(values(plain.artefacts));
  });

  it("ignores a cache it cannot read, and writes a good one", async () => {
    const cacheDir = tempCache();
    await run(cacheDir);
    const [name] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, name!), '{"fingerprint": 1, "files": {"governance/soa.yaml": [1, 2, "x"]}');
    const plain = await run(undefined);
    const broken = await run(cacheDir);
    expect(broken.findings).toEqual(plain.findings);
    expect(broken.fromCache).toBe(0);
    expect((await run(cacheDir)).fromCache).toBe(plain.filesChecked - 1);
  });

  it("reads a file again whose record is damaged, and takes the others from the cache", async () => {
    const cacheDir = tempCache();
    const plain = await run(undefined);
    await run(cacheDir);
    const [name] = readdirSync(cacheDir);
    const file = readFileSync(join(cacheDir, name!));
    expect(file.toString("latin1", 0, 40)).toMatch(/^aimslint-index-cache-3 [lb]e\t"/);
    // The trailer says where the sections start (index-cache-file.ts); the entries' JSON is the last of them.
    const trailer = file.subarray(file.length - 40);
    const [keysAt, tableAt, entriesAt] = [8, 16, 24].map((at) => trailer.readDoubleLE(at)) as [number, number, number];
    const keys = file.toString("utf8", keysAt, tableAt).split("\0"); // the last followed by padding
    const row = keys.indexOf(SYSTEM);
    const first = keys.slice(0, row).reduce((sum, _, i) => sum + file.readUInt32LE(tableAt + 48 * i + 40), 0);
    const entries = JSON.parse(file.toString("utf8", entriesAt, file.length - 40)) as { e: unknown[] };
    expect(entries.e[3 * first + 2]).toBe("SYS-DOC-OCR");
    entries.e[3 * first + 1] = 7; // a kind that is not a string
    writeFileSync(join(cacheDir, name!), Buffer.concat([file.subarray(0, entriesAt), Buffer.from(JSON.stringify(entries)), trailer]));
    const again = await run(cacheDir);
    expect(again.fromCache).toBe(plain.filesChecked - 2);
    expect(again.findings).toEqual(plain.findings);
    expect(values(again.artefacts)).toEqual(values(plain.artefacts));
  });

  it("reads no cache file that others may have written: group- or world-writable, or another user's", async () => {
    const cacheDir = tempCache();
    const plain = await run(undefined);
    await run(cacheDir);
    const [name] = readdirSync(cacheDir);
    chmodSync(join(cacheDir, name!), 0o666);
    expect((await run(cacheDir)).fromCache).toBe(0);
    // Rewritten as this user's own, 0600, it is read again.
    expect(statSync(join(cacheDir, name!)).mode & 0o777).toBe(0o600);
    expect((await run(cacheDir)).fromCache).toBe(plain.filesChecked - 1);
    if (process.getuid?.() === 0) {
      chownSync(join(cacheDir, name!), 65534, 65534);
      expect((await run(cacheDir)).fromCache).toBe(0);
    }
  });

  it("is one private file in the cache folder, and --no-cache writes nothing there; the project is never written to", () => {
    const before = listing(project);
    const cacheDir = tempCache();
    const off = spawnSync(process.execPath, [CLI, "--no-cache", RISK], { cwd: project, encoding: "utf8", env: { ...process.env, AIMSLINT_CACHE_DIR: cacheDir } });
    expect(off.status).toBe(0);
    expect(readdirSync(cacheDir)).toEqual([]);
    const on = spawnSync(process.execPath, [CLI, RISK], { cwd: project, encoding: "utf8", env: { ...process.env, AIMSLINT_CACHE_DIR: cacheDir } });
    expect(on.stdout).toBe(off.stdout);
    // The index cache, and the folder of the code cache (code-cache.test.ts).
    const files = readdirSync(cacheDir).filter((name) => name !== "code");
    expect(files).toHaveLength(1);
    expect(statSync(join(cacheDir, files[0]!)).mode & 0o777).toBe(0o600);
    expect(listing(project)).toEqual(before);
  });

  it("keeps the cache folder's size: the 32 newest projects' caches, none of an earlier format or run killed", async () => {
    const cacheDir = tempCache();
    const minutes = (n: number) => new Date(Date.now() - n * 60_000);
    const make = (name: string, age: Date) => {
      writeFileSync(join(cacheDir, name), "x");
      utimesSync(join(cacheDir, name), age, age);
    };
    const others = Array.from({ length: 35 }, (_, i) => `${(i + 1).toString(16).padStart(16, "0")}.index`);
    for (const [i, name] of others.entries()) make(name, minutes(i + 1));
    make("0123456789abcdef01234567.json", minutes(1)); // an earlier version's name
    make("00000000000000aa.index.4242.tmp", minutes(60 * 25)); // a run killed a day ago
    make("00000000000000bb.index.4343.tmp", minutes(1)); // a run writing now
    make("notes.txt", minutes(60 * 24 * 400));
    mkdirSync(join(cacheDir, "code"));
    symlinkSync(join(cacheDir, "notes.txt"), join(cacheDir, "00000000000000cc.index"));
    utimesSync(join(cacheDir, "00000000000000cc.index"), minutes(60 * 24 * 400), minutes(60 * 24 * 400));

    await run(cacheDir, [project]);
    const own = readdirSync(cacheDir).filter((name) => !others.includes(name) && /^[0-9a-f]{16}\.index$/.test(name) && name !== "00000000000000cc.index");
    expect(own).toHaveLength(1);
    expect(readdirSync(cacheDir).sort()).toEqual([...others.slice(0, 31), ...own, "00000000000000bb.index.4343.tmp", "00000000000000cc.index", "code", "notes.txt"].sort());
  });

  it("drops a cache unused for 30 days, however few there are", () => {
    const dir = tempCache();
    const days = (n: number) => new Date(Date.now() - n * 24 * 3600_000);
    for (const [name, age] of [
      ["a.index", days(29)],
      ["b.index", days(31)],
      ["c.index", days(400)],
      ["current.index", days(400)],
    ] as const) {
      writeFileSync(join(dir, name), "x");
      utimesSync(join(dir, name), age, age);
    }
    pruneCacheFiles(dir, join(dir, "current.index"), [{ pattern: /\.index$/, keep: 10, maxAgeMs: 30 * 24 * 3600_000 }]);
    expect(readdirSync(dir).sort()).toEqual(["a.index", "current.index"]);
  });

  it("keeps the unchanged files' records, data included, when it rewrites the cache for a changed one", async () => {
    const cacheDir = tempCache();
    await run(cacheDir);
    const system = join(project, SYSTEM);
    const text = readFileSync(system, "utf8");
    try {
      writeFileSync(system, `${text}# reviewed\n`);
      // A file changed in the last two seconds is not cached: let it age.
      await new Promise((done) => setTimeout(done, 2100));
      const rewritten = await run(cacheDir);
      expect(rewritten.fromCache).toBe(rewritten.filesChecked - 2);
      // The entries taken from the replaced file read their data from memory: nothing holds it open (Windows would
      // refuse the rename of the new one over it).
      const open = existsSync("/proc/self/fd") ? readdirSync("/proc/self/fd").map((fd) => quietLink(`/proc/self/fd/${fd}`)) : [];
      expect(open.filter((target) => target.startsWith(cacheDir))).toEqual([]);
      const plain = await run(undefined);
      expect(values(rewritten.artefacts)).toEqual(values(plain.artefacts));
      const next = await run(cacheDir);
      expect(next.fromCache).toBe(plain.filesChecked - 1);
      expect(values(next.artefacts)).toEqual(values(plain.artefacts));
      expect(next.findings).toEqual(plain.findings);
    } finally {
      writeFileSync(system, text);
    }
  });

  // Last: the file it restores is too new to be cached for the next two seconds.
  it("reads a file again once it changes", async () => {
    const cacheDir = tempCache();
    await run(cacheDir);
    const system = join(project, SYSTEM);
    const text = readFileSync(system, "utf8");
    try {
      writeFileSync(system, text.replace("id: SYS-DOC-OCR", "id: SYS-DOC-OCX"));
      const after = await run(cacheDir);
      expect(brief(after.findings.filter((f) => f.ruleId === "risk/system-exists"))).toEqual([`${RISK}:19:9 risk/system-exists`]);
      expect(after.fromCache).toBe(after.filesChecked - 2);
    } finally {
      writeFileSync(system, text);
    }
  });
});

function quietLink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return "";
  }
}

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => `${join(e.parentPath, e.name)} ${e.isFile() ? statSync(join(e.parentPath, e.name)).mtimeMs : "dir"}`)
    .sort();
}
