// What a hook run loads and starts (docs/performance.md, "Against issue 19's targets"): the built CLI requires the
// validators of the kinds it checks and no other, and git lists the project once, started by the loader and taken
// over by discovery. The loader finds the project with expectedProjectRoot, which must agree with the CLI.
import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configStartDir, expectedProjectRoot } from "../src/config/project-root.js";
import { resolveConfig } from "../src/config/resolve-config.js";
import { fixture } from "./helpers/lint.js";

const CLI = join(__dirname, "..", "dist", "cli.cjs");
const RISK = "kind: risk\nid: RISK-1\ntitle: Chatbot discloses account data\nsystem: SYS-1\ninherent: { likelihood: likely, impact: major, level: high }\n";
const SYSTEM = "kind: ai-system\nid: SYS-1\nname: Support bot\n";

/** Records, at exit, the validators the process required and the git commands it started. */
const PROBE = `
const childProcess = require("node:child_process");
const { promisify } = require("node:util");
const git = [];
// The folder each \`git ls-files\` lists, and whether the loader (dist/cli.cjs) or the CLI started it.
const note = (file, args) => {
  if (file !== "git" || !args.includes("ls-files")) return;
  git.push((new Error().stack.includes("cli-main.cjs") ? "cli " : "loader ") + args[args.indexOf("-C") + 1]);
};
const execFile = childProcess.execFile;
const promised = execFile[promisify.custom];
childProcess.execFile = function (file, args, ...rest) {
  note(file, args);
  return execFile.call(this, file, args, ...rest);
};
// promisify(execFile), as the CLI calls it, takes this one.
childProcess.execFile[promisify.custom] = (file, args, ...rest) => (note(file, args), promised(file, args, ...rest));
process.on("exit", () => {
  const validators = Object.keys(require.cache).filter((f) => f.includes("/dist/validators/")).map((f) => f.split("/").pop()).sort();
  require("node:fs").writeSync(2, "PROBE " + JSON.stringify({ validators, git }) + "\\n");
});
`;

function gitRepo(files: Record<string, string>): string {
  const dir = fixture(files);
  spawnSync("git", ["init", "-q"], { cwd: dir });
  spawnSync("git", ["add", "-A"], { cwd: dir });
  return dir;
}

function probe(dir: string, args: string[]): { validators: string[]; git: string[]; status: number | null } {
  const probeFile = join(mkdtempSync(join(tmpdir(), "aimslint-probe-")), "probe.cjs");
  writeFileSync(probeFile, PROBE);
  const r = spawnSync(process.execPath, ["-r", probeFile, CLI, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", AIMSLINT_TODAY: "2026-06-30", AIMSLINT_CACHE_DIR: mkdtempSync(join(tmpdir(), "aimslint-cache-")) },
  });
  const line = r.stderr.split("\n").find((l) => l.startsWith("PROBE "));
  expect(line, r.stderr).toBeDefined();
  return { ...JSON.parse(line!.slice("PROBE ".length)), status: r.status };
}

describe("a hook run's start", () => {
  it("requires the validators of the kinds it checks, and no other", () => {
    const dir = gitRepo({ "risks/r.yaml": RISK, "systems/s.yaml": SYSTEM, "aimslint.config.yaml": "extends: recommended\n" });
    expect(probe(dir, ["--no-cache", "risks/r.yaml"]).validators).toEqual(["risk.cjs"]);
    expect(probe(dir, ["--no-cache"]).validators).toEqual(["ai-system.cjs", "risk.cjs"]);
  });

  it("lists the project through git once: the loader starts it, discovery takes it over", () => {
    const dir = gitRepo({ "governance/risks/r.yaml": RISK, "governance/systems/s.yaml": SYSTEM, "aimslint.config.yaml": "extends: recommended\n" });
    for (const args of [["governance/risks/r.yaml"], [], ["--no-cache", "governance/risks/r.yaml"]]) {
      const run = probe(dir, args);
      expect([0, 1], args.join(" ")).toContain(run.status);
      expect(run.git, args.join(" ")).toEqual([`loader ${dir}`]);
    }
    // A folder named is listed on its own; the project still once.
    expect(probe(dir, ["governance"]).git.sort()).toEqual([`cli ${join(dir, "governance")}`, `loader ${dir}`]);
  });
});

describe("expectedProjectRoot", () => {
  const layouts: [string, () => { cwd: string; paths: string[]; config?: string }][] = [
    ["a configuration at the top, a staged file below", () => ({ cwd: gitRepo({ "aimslint.config.yaml": "{}\n", "a/b/r.yaml": RISK }), paths: ["a/b/r.yaml"] })],
    ["a configuration in a sub-folder, a path into it", () => ({ cwd: gitRepo({ "gov/aimslint.config.yaml": "{}\n", "gov/r.yaml": RISK }), paths: ["gov"] })],
    ["--config elsewhere", () => ({ cwd: gitRepo({ "cfg/other.yaml": "{}\n", "r.yaml": RISK }), paths: ["r.yaml"], config: "cfg/other.yaml" })],
    ["no configuration, inside git", () => ({ cwd: gitRepo({ "a/r.yaml": RISK }), paths: ["a/r.yaml"] })],
    ["no configuration, outside git", () => ({ cwd: fixture({ "a/r.yaml": RISK }), paths: ["a"] })],
    ["a glob", () => ({ cwd: gitRepo({ "aimslint.config.yaml": "{}\n", "a/r.yaml": RISK }), paths: ["a/*.yaml"] })],
    ["a path that does not exist", () => ({ cwd: gitRepo({ "aimslint.config.yaml": "{}\n" }), paths: ["missing/r.yaml"] })],
  ];

  it.each(layouts)("is where the CLI resolves the project: %s", (_, layout) => {
    const { cwd, paths, config } = layout();
    const resolved = resolveConfig({ cwd, startDir: configStartDir(cwd, paths), ...(config ? { configFile: config } : {}) });
    expect(realpathSync(expectedProjectRoot(cwd, paths, config))).toBe(realpathSync(resolved.root));
  });
});
