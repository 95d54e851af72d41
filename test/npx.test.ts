// `npx aimslint` from the packed package on a machine with only Node: pack this repository, install the tarball
// into a fresh project (offline: the package has no runtime dependencies), run the bin through npx.
import { spawnSync } from "node:child_process";
import { builtinModules } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
  files: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
};

/** The test run's environment without npm's script variables, offline, quiet. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) e[k] = v;
  return { ...e, npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", NO_COLOR: "1", AIMSLINT_TODAY: "2026-06-30", ...extra };
}

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, env: env(), encoding: "utf8", timeout: 180_000 });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function write(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

describe("package contents", () => {
  it("has no install-time scripts and no runtime dependencies", () => {
    // pre-commit and `npm install <git url>` run these with devDependencies that a user's machine may not have.
    for (const script of ["preinstall", "install", "postinstall", "prepare", "prepack", "postpack"]) expect(pkg.scripts?.[script], script).toBeUndefined();
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it("bundles the CLI into one file that requires nothing but Node built-ins and its own packed sidecars", () => {
    const bundle = readFileSync(join(root, pkg.bin["aimslint"]!), "utf8");
    expect(bundle.startsWith("#!/usr/bin/env node\n")).toBe(true);
    // Calls, not text: ajv's code generator holds `require("ajv/dist/runtime/…")` inside string literals.
    const required = [...bundle.matchAll(/(?<![\w$.'"`])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    expect(required).toContain("node:fs");
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    // Sidecars (scripts/build.mjs) are bundles of our own beside the CLI, loaded only by the runs that need them.
    const sidecars = required.filter((m) => !builtins.has(m));
    expect(sidecars.every((m) => /^\.\/[a-z-]+\.cjs$/.test(m) && existsSync(join(root, "dist", m)))).toBe(true);
    for (const sidecar of sidecars) {
      const inner = readFileSync(join(root, "dist", sidecar), "utf8");
      expect([...inner.matchAll(/(?<![\w$.'"`])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!).filter((m) => !builtins.has(m))).toEqual([]);
    }
  });

  it("packs the bundle, the schemas and the rule docs, and no sources or tests", () => {
    const r = run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], root);
    expect(r.code, r.stderr).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", pkg.bin["aimslint"]!, "schemas/risk.schema.json", "schemas/meta/config.schema.json"]));
    expect(files.filter((f) => /^(src|test|scripts|build|node_modules|examples)\//.test(f))).toEqual([]);
    // The licence, and every page of docs/ the README links to, so that its links work in the installed package.
    expect(files).toContain("LICENSE");
    const linked = [...readFileSync(join(root, "README.md"), "utf8").matchAll(/\]\((docs\/[\w.-]+\.md)(?:#[\w-]*)?\)/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(5);
    expect(linked.filter((page) => !files.includes(page))).toEqual([]);
  });

  it("says its licence (the Apache-2.0 text) and where it lives", () => {
    const manifest = pkg as typeof pkg & { license: string; homepage: string; repository: { type: string; url: string }; bugs: { url: string } };
    expect(manifest.license).toBe("Apache-2.0");
    const licence = readFileSync(join(root, "LICENSE"), "utf8");
    expect(licence).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//);
    expect(licence).toContain("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
    expect(licence).toContain("END OF TERMS AND CONDITIONS");
    expect(manifest.homepage).toBe("https://github.com/aimslint/aimslint#readme");
    expect(manifest.repository).toEqual({ type: "git", url: "git+https://github.com/aimslint/aimslint.git" });
    expect(manifest.bugs).toEqual({ url: "https://github.com/aimslint/aimslint/issues" });
  });
});

describe("npx aimslint from the packed tarball", () => {
  let project = "";

  const temporary: string[] = [];
  afterAll(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(() => {
    const packDir = mkdtempSync(join(tmpdir(), "aimslint-pack-"));
    temporary.push(packDir);
    const packed = run("npm", ["pack", "--pack-destination", packDir, "--json"], root);
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = join(packDir, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
    expect(existsSync(tarball)).toBe(true);

    project = mkdtempSync(join(tmpdir(), "aimslint-npx-project-"));
    temporary.push(project);
    write(project, { "package.json": JSON.stringify({ name: "governance-repo", version: "1.0.0", private: true }, null, 2) });
    const installed = run("npm", ["install", "--no-audit", "--no-fund", tarball], project);
    expect(installed.code, installed.stderr).toBe(0);
    // Nothing but aimslint itself was installed.
    const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8")) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((p) => p !== "")).toEqual(["node_modules/aimslint"]);
  }, 180_000);

  it("prints the version", () => {
    // --no-install: use the local bin, never fetch a package called aimslint from the registry.
    const r = run("npx", ["--no-install", "aimslint", "--version"], project);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(r.code).toBe(0);
  });

  it("scans: exit 1 with findings for a broken artefact, 0 once it is fixed", () => {
    const dir = join(project, "scan");
    const risk = (likelihood: string) => `kind: risk\nid: RISK-7\ntitle: Chatbot discloses account data\nsystem: SYS-SUPPORT\ninherent: { likelihood: ${likelihood}, impact: major, level: high }\n`;
    // Only schema findings (which cannot be turned off) stay, so the test is about the package, not the rule pack.
    write(dir, { "risks/RISK-7.yaml": risk("sometimes") });
    const ids = run("npx", ["--no-install", "aimslint", "rules"], project)
      .stdout.split("\n")
      .map((l) => /^([a-z0-9-]+\/[a-z0-9-]+)\s{2,}/.exec(l)?.[1])
      .filter(Boolean);
    expect(ids.length).toBeGreaterThan(10);
    write(dir, { "aimslint.config.yaml": `rules:\n${ids.map((id) => `  ${id}: off\n`).join("")}` });

    const broken = run("npx", ["--no-install", "aimslint", "scan"], project);
    expect(broken.stdout).toContain('scan/risks/RISK-7.yaml:5:25  error    Invalid value "sometimes" for "inherent.likelihood"');
    expect(broken.stdout).toContain("schema/enum");
    expect(broken.code).toBe(1);

    write(dir, { "risks/RISK-7.yaml": risk("likely") });
    const fixed = run("npx", ["--no-install", "aimslint", "scan", "--format", "json"], project);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(JSON.parse(fixed.stdout)).toBeTruthy();
  });

  it("scans with the whole rule pack, and `init` points editors at the installed schemas", () => {
    const dir = join(project, "fresh");
    mkdirSync(dir);
    const init = run("npx", ["--no-install", "aimslint", "init", "fresh"], project);
    expect(init.code, init.stderr).toBe(0);
    const soa = readFileSync(join(dir, "governance", "soa.yaml"), "utf8");
    const modeline = /^# yaml-language-server: \$schema=(\S+)\n/.exec(soa);
    expect(modeline?.[1]).toBe("../../node_modules/aimslint/schemas/statement-of-applicability.schema.json");
    expect(existsSync(join(dir, "governance", modeline![1]!))).toBe(true);
    // The scaffold is a set of drafts: one to-do warning each, and the first commit passes.
    const scan = run("npx", ["--no-install", "aimslint", "fresh"], project);
    expect(scan.stdout).toContain("draft/open-items");
    expect(scan.code).toBe(0);
  });

  it("runs from its own files: no runtime dependency to resolve", () => {
    // How fast it starts is measured by bench/ (side by side with node -e 0), never by a timed test.
    const installed = JSON.parse(readFileSync(join(project, "node_modules", "aimslint", "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    expect(installed.dependencies ?? {}).toEqual({});
    const bin = join(project, "node_modules", "aimslint", pkg.bin["aimslint"]!);
    const r = spawnSync(process.execPath, [bin, "--version"], { cwd: tmpdir(), encoding: "utf8", env: { PATH: process.env["PATH"] ?? "", NODE_PATH: "" } });
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
