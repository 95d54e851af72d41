// Policy safety: configuration and rule files come from the repository (in a pull request, from a stranger).
// They are data: never executed, never reaching outside the repository or the network, and their regular
// expressions cannot hang the scan.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.js";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { lint } from "../../src/pipeline/lint.js";
import picomatch from "picomatch";
import { globMatcher, needsLinearEngine } from "../../src/util/safe-glob.js";
import { checkPattern, safePattern } from "../../src/util/safe-regex.js";
import { repoWith, runCli, tempDir } from "./helpers.js";
import { outputProblems } from "./invariants.js";

const repo = (files: Record<string, string>): string => repoWith("aimslint-policy-", files);

const resolve = (dir: string) => resolveConfig({ cwd: dir, startDir: dir, today: "2026-06-30" });

function rule(pattern: string, id = "acme/pattern"): string {
  return `id: ${id}\ntitle: Titles follow the pattern\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: Titles follow the house pattern so that people can find them.\nhelp: Rename the title so that it matches the pattern.\ncheck:\n  then:\n    - { field: title, function: pattern, options: { match: ${JSON.stringify(pattern)} } }\n`;
}

describe("regular expressions from the repository run in linear time", () => {
  // On JavaScript's backtracking engine each of these takes seconds to hours on a value of 30 characters to a few
  // hundred (measured on Node 20). On the linear engine they run on 10,000 characters: the test's timeout is the
  // bound on the work (2^10000 steps would never end), not a measured time.
  const catastrophic: [string, string, boolean][] = [
    ["(a+)+$", "nested quantifier", false],
    ["(a|aa)+$", "alternatives that overlap, repeated (5 s at 35 characters)", false],
    ["(a|a)*$", "identical alternatives, repeated (16 s at 27 characters)", true],
    ["^(\\w|\\d)+$", "classes that overlap, repeated (10 s at 27 characters)", false],
    ["^(a?){25}a{25}$", "optional atom repeated a fixed number of times", false],
    ["^(([a-z])+.)+[A-Z]([a-z])+$", "nested quantifier behind an inner group", false],
    ["(.*a){12}", "quantified group with a wildcard", true],
    ["\\d*\\d*\\d*\\d*x", "four quantifiers over the same text (polynomial: minutes at 300 digits)", false],
    [".*a.*a.*b", "three wildcards (229 s at 1,500 characters; passed the old ReDoS check)", false],
    ["\\s*#?\\s*$", "two quantifiers over the same text with an optional atom between them", true],
  ];
  it.each(catastrophic)("runs %s (%s) on 10,000 characters", async (pattern, _why, matches) => {
    expect(checkPattern(pattern)).toBeUndefined();
    const value = `${"a".repeat(9_999)}!`;
    const dir = repo({ "aimslint.config.yaml": "ruleFiles: [rules/r.yaml]\n", "rules/r.yaml": rule(pattern), "risk.yaml": `kind: risk\nid: RISK-1\ntitle: "${value}"\n` });
    const result = await lint({ cwd: dir, inputs: ["risk.yaml"], config: resolve(dir) });
    expect(result.findings.filter((f) => f.ruleId === "acme/pattern").length).toBe(matches ? 0 : 1);
    expect(result.findings.filter((f) => f.ruleId === "aimslint/rule-error")).toEqual([]);
  });

  // What no linear-time engine can run is refused with its reason: at load time, or when an option supplies it.
  const refused: [string, RegExp][] = [
    ["(?<n>a+)\\k<n>", /back-reference/],
    ["(a)\\1", /back-reference/],
    ["a(?!b)", /lookahead/],
    ["\\d{1,9999}\\d{1,9999}x", /more than 1,000 times/],
    ["x".repeat(1001), /longer than 1000 characters/],
    ["(unclosed", /Invalid regular expression/],
  ];
  it.each(refused)("refuses %s with its reason", (pattern, reason) => {
    expect(checkPattern(pattern)).toMatch(reason);
    const dir = repo({ "aimslint.config.yaml": "ruleFiles: [rules/r.yaml]\n", "rules/r.yaml": rule(pattern) });
    expect(() => resolve(dir)).toThrowError(ConfigError);
    expect(() => resolve(dir)).toThrowError(/unsafe match pattern/);
  });

  const everyday: [string, string, boolean][] = [
    ["^team-[a-z0-9]+(?:-[a-z0-9]+)*$", "team-core-ml", true],
    ["^team-[a-z0-9]+(?:-[a-z0-9]+)*$", "team--x", false],
    ["^[A-Z]+-\\d+$", "RISK-12", true],
    ["^\\w+\\s+\\w+$", "Jane\u00a0Doe", true],
    ["^[^@]+@[^@]+$", "a@b", true],
    ["^(ORG|ISO)-\\d+$", "ISO-1", true],
    ["^A\\.\\d+(\\.\\d+)?$", "A.6.2", true],
    ["^https?://\\S+$", "https://example.org/x", true],
    ["^(?:[A-Z]{2,4}-)?\\d{1,6}$", "AB-123", true],
    ["^[\\p{L} ]+$", "Zoë Ünal", true],
    ["^(?!draft).*$", "draft 2", false],
    ["^(?!draft).*$", "final", true],
    ["^(?=.*\\d)(?=.*[a-z]).{8,}$", "abcdefg1", true],
    ["^(?=.*\\d)(?=.*[a-z]).{8,}$", "abcdefgh", false],
    ["(?<![\\w-])v\\d+", "x-v2 v3", true],
    ["^.$", "\n", false],
    ["^\\u{1F600}$", "😀", true],
    ["^(?<year>\\d{4})-Q[1-4]$", "2026-Q3", true],
  ];
  it.each(everyday)("accepts the everyday pattern %s, and matches %j as JavaScript would (%s)", (pattern, value, matches) => {
    expect(checkPattern(pattern)).toBeUndefined();
    expect(new RegExp(pattern, "u").test(value)).toBe(matches);
    expect(safePattern(pattern).test(value)).toBe(matches);
  });

  it("an organisation schema's pattern runs on the linear engine: ^(a+)+$ on 10,000 characters", async () => {
    const dir = repo({
      "aimslint.config.yaml": "kinds:\n  incident:\n    schema: incident.schema.json\n",
      "incident.schema.json": JSON.stringify({
        type: "object",
        properties: { kind: { const: "incident" }, id: { type: "string" }, code: { type: "string", pattern: "^(a+)+$" } },
        patternProperties: { "^(x+x+)+y$": { type: "string" } },
      }),
      "inc.yaml": `kind: incident\nid: INC-1\ncode: ${"a".repeat(9_999)}!\n${"x".repeat(5_000)}: 1\n`,
    });
    const result = await lint({ cwd: dir, inputs: ["inc.yaml"], config: resolve(dir) });
    expect(result.findings.map((f) => `${f.ruleId} ${f.range.start.line}`)).toEqual(["schema/pattern 3"]);
  });

  it("an organisation schema with a pattern no linear engine can run is a configuration error naming the reason", async () => {
    const dir = repo({
      "aimslint.config.yaml": "kinds:\n  incident:\n    schema: incident.schema.json\n",
      "incident.schema.json": JSON.stringify({ type: "object", properties: { code: { type: "string", pattern: "^(a)\\1$" } } }),
      "inc.yaml": "kind: incident\nid: INC-1\ncode: aa\n",
    });
    await expect(lint({ cwd: dir, inputs: ["inc.yaml"], config: resolve(dir) })).rejects.toThrowError(/kind "incident" cannot be compiled: .*back-reference/);
  });

  it("refuses a pattern that arrives through a rule option at run time, without hanging", async () => {
    const dir = repo({
      "aimslint.config.yaml": 'ruleFiles: [rules/r.yaml]\nrules:\n  acme/option-pattern: { options: { pattern: "(a)\\\\1" } }\n',
      "rules/r.yaml":
        'id: acme/option-pattern\ntitle: Titles follow the pattern\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: Titles follow the house pattern so that people can find them.\nhelp: Rename the title so that it matches the pattern.\noptions: { pattern: "^ok" }\ncheck:\n  then:\n    - { field: title, function: pattern, options: { match: { $option: pattern } } }\n',
      "risk.yaml": `kind: risk\nid: RISK-1\ntitle: ${"a".repeat(40)}!\n`,
    });
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    const errors = result.findings.filter((f) => f.ruleId === "aimslint/rule-error");
    expect(errors.map((f) => f.message)).toEqual([expect.stringMatching(/acme\/option-pattern.*back-reference/)]);
  });

  it("a rule that fails half-way gives its rule-error only: what it found before failing is taken back", async () => {
    const dir = repo({
      "aimslint.config.yaml": 'ruleFiles: [rules/r.yaml]\nrules:\n  acme/half-way: { options: { pattern: "(a)\\\\1" } }\n',
      "rules/r.yaml":
        'id: acme/half-way\ntitle: Risks name an owner and follow the title pattern\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: Owners and titles help people find risks.\nhelp: Name the owner and rename the title.\noptions: { pattern: "^ok" }\ncheck:\n  then:\n    - { field: owner, function: present }\n    - { field: title, function: pattern, options: { match: { $option: pattern } } }\n',
      "risk.yaml": `kind: risk\nid: RISK-1\ntitle: ${"a".repeat(40)}!\n`,
    });
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    const mine = result.findings.filter((f) => f.ruleId === "acme/half-way" || f.ruleId === "aimslint/rule-error");
    expect(mine.map((f) => f.ruleId)).toEqual(["aimslint/rule-error"]);
  });
});

describe("globs from the repository run in linear time", () => {
  it("globs with several wildcards match as picomatch does, on the linear engine (4,000 generated globs, each on up to 40 paths; 740,000 pairs checked while writing it)", () => {
    let seed = 11;
    const pick = <T>(list: readonly T[]) => list[(seed = (seed * 48271) % 2147483647) % list.length]!;
    const globParts = ["*", "**", "**/", "?", "a", "b", ".", "/", ".md", "{a,b}", "{x,*y}", "[ab]", "-", ".*", "+(a|b)", "@(a|x)", "*(a)", "[!a]", "#", "!"];
    const pathParts = ["a", "b", "x", "y", ".md", "/", "-", ".", "ab", ".github/", "docs/", "ba.", ".a", "#"];
    const mismatches: string[] = [];
    let checked = 0;
    for (let n = 0; n < 4000; n++) {
      const glob = Array.from({ length: 1 + (n % 8) }, () => pick(globParts)).join("");
      if (!needsLinearEngine(glob)) continue;
      let theirs: (path: string) => boolean;
      let ours: (path: string) => boolean;
      try {
        theirs = picomatch(glob, { dot: true });
        ours = globMatcher(glob);
      } catch {
        continue;
      }
      for (let k = 0; k < 40; k++) {
        const path = Array.from({ length: 1 + (k % 6) }, () => pick(pathParts)).join("");
        // Repository paths: relative, no empty, . or .. segment, no trailing slash.
        if (path.startsWith("/") || path.endsWith("/") || path.split("/").some((s) => s === "" || s === "." || s === "..")) continue;
        checked++;
        if (theirs(path) !== ours(path)) mismatches.push(`${glob} ${path}`);
      }
    }
    expect(checked).toBeGreaterThan(20_000);
    expect(mismatches).toEqual([]);
  });

  it("a glob that backtracks on picomatch runs on a 255-character name in overrides, kinds and ignores", async () => {
    // *a*a*a*a*a*a*a*b is ~10^14 steps on picomatch's expression for this name: the test's timeout is the bound.
    const glob = "*a*a*a*a*a*a*a*b";
    const name = `${"a".repeat(250)}.yaml`;
    const dir = repo({
      "aimslint.config.yaml": `overrides:\n  - files: ["${glob}"]\n    rules: { risk/treatment-complete: off }\nignores: ["**/x*x*x*x*x*x*x*y"]\nkinds:\n  risk:\n    files: ["k*k*k*k*k*k*k*z"]\n`,
      [name]: "kind: risk\nid: RISK-1\ntitle: A risk\n",
    });
    const result = await lint({ cwd: dir, inputs: [], config: resolve(dir) });
    expect(result.artefacts.map((a) => a.id)).toEqual(["RISK-1"]);
  });

  it("an extglob negation among several wildcards is a configuration error naming the glob", () => {
    const dir = repo({ "aimslint.config.yaml": 'overrides:\n  - files: ["!(x)*a*b"]\n    rules: { risk/treatment-complete: off }\n' });
    expect(() => resolve(dir)).toThrowError(/aimslint\.config\.yaml:2:\d+: glob "!\(x\)\*a\*b" needs a negative lookahead/);
  });
});

describe("configuration and rule files are data, never executed", () => {
  const marker = () => join(tempDir("aimslint-marker-"), "executed");

  it("a configuration written as JavaScript is a configuration error, and nothing runs", () => {
    const flag = marker();
    const js = `module.exports = { rules: {} };\nrequire("fs").writeFileSync(${JSON.stringify(flag)}, "x");\n`;
    const dir = repo({ "aimslint.config.yaml": js, "aimslint.config.js": js, "aimslint.config.cjs": js, "aimslint.config.mjs": js });
    const r = runCli(["."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/aimslint\.config\.yaml/);
    expect(existsSync(flag)).toBe(false);
  });

  it("--config naming a .js file reads it as data", () => {
    const flag = marker();
    const dir = repo({ "evil.js": `require("fs").writeFileSync(${JSON.stringify(flag)}, "x");\n` });
    const r = runCli(["--config", "evil.js", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evil\.js/);
    expect(existsSync(flag)).toBe(false);
  });

  it("extends naming a .js file inside the repository reads it as data", () => {
    const flag = marker();
    const dir = repo({ "aimslint.config.yaml": "extends: ./base.js\n", "base.js": `require("fs").writeFileSync(${JSON.stringify(flag)}, "x");\nmodule.exports = {};\n` });
    expect(() => resolve(dir)).toThrowError(ConfigError);
    expect(existsSync(flag)).toBe(false);
  });

  it("a rule file with !!js/function, !!python/object or a custom tag is refused or read as plain strings", () => {
    const flag = marker();
    const body = (fn: string) =>
      `id: acme/tagged\ntitle: A rule with a tagged function\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: Titles follow the house pattern so that people can find them.\nhelp: Rename the title so that it matches the pattern.\ncheck:\n  then:\n    - { field: title, function: ${fn} }\n`;
    for (const fn of [`!!js/function "function () { require('fs').writeFileSync('${flag}', 'x') }"`, `!!python/object/apply:os.system ["touch ${flag}"]`, `!include ${flag}`]) {
      const dir = repo({ "aimslint.config.yaml": "ruleFiles: [r.yaml]\n", "r.yaml": body(fn), "risk.yaml": "kind: risk\nid: RISK-1\ntitle: x\n" });
      // The tag is not resolved: the value is the plain string, which is not one of the rule functions.
      expect(() => resolve(dir), fn).toThrowError(/check\.then\[0\]\.function": expected one of "present"/);
      expect(runCli(["."], dir).code, fn).toBe(2);
    }
    expect(existsSync(flag)).toBe(false);
  });

  it("runs no program the repository's git configuration names (core.fsmonitor, diff.external, textconv)", () => {
    // `git ls-files` and `git diff` run a configured fsmonitor hook; a cloned repository's .git/config is the
    // attacker's when it comes from a tarball or a restored cache.
    const flag = marker();
    const hook = join(tempDir("aimslint-hook-"), "hook.sh");
    writeFileSync(hook, `#!/bin/sh\necho ran >> ${JSON.stringify(flag)}\n`, { mode: 0o755 });
    const dir = tempDir("aimslint-gitcfg-");
    const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "ignore" });
    git("init", "-q");
    writeFileSync(join(dir, "risk.yaml"), "kind: risk\nid: RISK-1\ntitle: x\n");
    writeFileSync(join(dir, ".gitattributes"), "*.yaml diff=evil\n");
    git("-c", "user.name=a", "-c", "user.email=a@example.invalid", "commit", "-q", "--allow-empty", "-m", "x");
    git("config", "core.fsmonitor", hook);
    git("config", "diff.external", hook);
    git("config", "diff.evil.textconv", hook);
    writeFileSync(join(dir, "risk.yaml"), "kind: risk\nid: RISK-1\ntitle: y\n");
    expect([0, 1]).toContain(runCli(["."], dir).code);
    expect([0, 1]).toContain(runCli(["--changed-since", "HEAD", "."], dir).code);
    expect(runCli(["init", "governance"], dir).code).toBe(0);
    expect(existsSync(flag)).toBe(false);
    // The hook itself works: git runs it when not told otherwise.
    execFileSync("git", ["-C", dir, "status"], { stdio: "ignore" });
    expect(existsSync(flag)).toBe(true);
  });

  it("__proto__ in a configuration pollutes nothing", () => {
    const dir = repo({ "aimslint.config.json": '{ "__proto__": { "polluted": true }, "rules": { "__proto__": { "polluted": true } } }\n' });
    try {
      resolve(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("configuration errors that quote repository values cannot print a workflow command", () => {
    const dir = repo({ "aimslint.config.yaml": 'extends: "base\\n::error file=x::pwned\\n##[error]legacy\\r::warning::cr"\nruleFiles: ["x\\n::notice::pwned"]\n' });
    const r = runCli(["."], dir);
    expect(r.code).toBe(2);
    expect(outputProblems("stderr", r.stderr)).toEqual([]);
  });
});

describe("extends, rule files and schemas stay inside the repository and off the network", () => {
  const refused: [string, string][] = [
    ["a URL", "extends: https://example.com/aimslint.yaml\n"],
    ["a file: URL", "extends: file:///etc/passwd\n"],
    ["an absolute path", "extends: /etc/passwd\n"],
    ["a parent folder", "extends: ../outside.yaml\n"],
    ["a path that climbs out", "extends: sub/../../outside.yaml\n"],
    ["a symbolic link to a file outside", "extends: link.yaml\n"],
    ["a rule file outside", "ruleFiles: [../outside.yaml]\n"],
    ["a schema URL", "kinds:\n  incident: { schema: https://example.com/x.schema.json }\n"],
    ["a schema outside", "kinds:\n  incident: { schema: ../outside.schema.json }\n"],
    ["a schema through a symbolic link", "kinds:\n  incident: { schema: link.schema.json }\n"],
  ];
  it.each(refused)("refuses %s", (_name, config) => {
    const parent = tempDir("aimslint-parent-");
    writeFileSync(join(parent, "outside.yaml"), "rules: {}\n");
    writeFileSync(join(parent, "outside.schema.json"), '{ "type": "object" }\n');
    const dir = join(parent, "repo");
    mkdirSync(join(dir, ".git"), { recursive: true });
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "aimslint.config.yaml"), config);
    symlinkSync(join(parent, "outside.yaml"), join(dir, "link.yaml"));
    symlinkSync(join(parent, "outside.schema.json"), join(dir, "link.schema.json"));
    expect(() => resolve(dir)).toThrowError(ConfigError);
  });

  it("a configuration found by walking up that is a symbolic link out of the repository is refused, not read", () => {
    const parent = tempDir("aimslint-parent-");
    writeFileSync(join(parent, "secret.yaml"), "rules:\n  AKIA-SECRET-VALUE: error\n");
    const dir = join(parent, "repo");
    mkdirSync(join(dir, ".git"), { recursive: true });
    mkdirSync(join(dir, "governance"));
    symlinkSync(join(parent, "secret.yaml"), join(dir, "aimslint.config.yaml"));
    const from = join(dir, "governance");
    expect(() => resolveConfig({ cwd: from, startDir: from })).toThrowError(/aimslint\.config\.yaml is a symbolic link that points outside the repository .*; it was not read\. Replace the link/);
    const r = runCli(["."], from);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is a symbolic link that points outside the repository");
    expect(r.stderr).not.toContain("AKIA");
  });

  it("a configuration that is a symbolic link inside the repository is used", () => {
    const dir = repo({ "config/aimslint.yaml": "rules:\n  risk/treatment-complete: off\n" });
    symlinkSync(join("config", "aimslint.yaml"), join(dir, "aimslint.config.yaml"));
    const config = resolve(dir);
    expect(config.file).toBe(join(dir, "aimslint.config.yaml"));
    expect(config.rulesFor("r.yaml").map((a) => a.rule.id)).not.toContain("risk/treatment-complete");
  });

  it("extends and schemas may name files whose names start with .. (they are inside)", () => {
    const dir = repo({
      "aimslint.config.yaml": "extends: ..base.yaml\nkinds:\n  incident: { schema: ..incident.schema.json }\n",
      "..base.yaml": "rules:\n  risk/treatment-complete: off\n",
      "..incident.schema.json": '{ "type": "object" }\n',
    });
    const config = resolve(dir);
    expect(config.rulesFor("r.yaml").map((a) => a.rule.id)).not.toContain("risk/treatment-complete");
    expect(config.schemaFiles.get("incident")).toBe(join(dir, "..incident.schema.json"));
  });

  it("a rule file reached through a symbolic link is not loaded", () => {
    const parent = tempDir("aimslint-parent-");
    writeFileSync(join(parent, "rule.yaml"), rule("^x", "evil/outside"));
    const dir = join(parent, "repo");
    mkdirSync(join(dir, ".git"), { recursive: true });
    writeFileSync(join(dir, "aimslint.config.yaml"), "ruleFiles: [rule.yaml]\n");
    symlinkSync(join(parent, "rule.yaml"), join(dir, "rule.yaml"));
    let ids: string[] = [];
    try {
      ids = resolve(dir).rules.map((r) => r.id);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
    }
    expect(ids).not.toContain("evil/outside");
  });
});
