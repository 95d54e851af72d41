// Dependency manifests (kind dependency-manifest): package.json, requirements*.txt, pyproject.toml and Pipfile, read
// by their names for the AI SDKs they depend on, and deps/ai-sdk-pinned, which wants each one's version fixed by an
// exact pin or a lock file (src/core/dependency-manifests.ts, src/source/manifest-view.ts, docs/ai-use.md).
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOGUED_PACKAGES, type Ecosystem, mayNamePackage, packageMatcher } from "../src/core/dependency-manifests.js";
import { classify } from "../src/source/classify.js";
import { LineIndex } from "../src/source/line-index.js";
import { DEFAULT_LIMITS, formatOf, type SourceFile } from "../src/source/load.js";
import { type PathSegment, syntheticKey } from "../src/source/locator.js";
import { parseSource } from "../src/source/parse.js";
import { readRequirements } from "../src/source/requirements.js";
import { tomlPlaces } from "../src/source/toml.js";
import { resolveConfig } from "../src/config/resolve-config.js";
import { lint } from "../src/pipeline/lint.js";
import { brief, fixture, TODAY } from "./helpers/lint.js";

/** These fixtures keep no AI system inventory: repo/ai-use-inventoried would report every AI package as well. */
async function lintDir(dir: string, inputs: string[] = []) {
  const config = resolveConfig({ cwd: dir, startDir: dir, today: TODAY });
  const rulesFor = config.rulesFor;
  return lint({ cwd: dir, inputs, config: { ...config, rulesFor: (path) => rulesFor(path).filter((r) => r.rule.id !== "repo/ai-use-inventoried") } });
}

const RULE = "deps/ai-sdk-pinned";
const ofRule = (findings: Parameters<typeof brief>[0]) => brief(findings.filter((f) => f.ruleId === RULE));

const NPM = `{
  "name": "assistant",
  "dependencies": {
    "openai": "^4.52.0",
    "fastify": "^4.28.1"
  }
}
`;

describe("dependency manifests", () => {
  it("are read by their names only, and only when they can name an AI package", async () => {
    const dir = fixture({
      "package.json": NPM,
      "web/package.json": '{ "dependencies": { "react": "^18.3.1" } }\n',
      "requirements.txt": "openai\n",
      "dev-requirements.txt": "anthropic>=0.30\n",
      "requirements/base.txt": "litellm\n",
      "requirements-test.txt": "pytest\n",
      "svc/pyproject.toml": '[project]\nname = "svc"\ndependencies = ["groq"]\n',
      "svc/Pipfile": '[packages]\nollama = "*"\n',
      // Neither manifests nor files aimslint reads at all, whatever they hold.
      "notes.txt": "openai\n",
      "config.toml": 'dependencies = ["openai"]\n',
      "requirements.md": "openai\n",
      "docs/package.json.example": NPM,
    });
    const result = await lintDir(dir);
    expect(result.artefacts.map((a) => `${a.file} ${a.kind}`)).toEqual([
      "dev-requirements.txt dependency-manifest",
      "package.json dependency-manifest",
      "requirements.txt dependency-manifest",
      "requirements/base.txt dependency-manifest",
      "svc/Pipfile dependency-manifest",
      "svc/pyproject.toml dependency-manifest",
    ]);
    // web/package.json and requirements-test.txt are read (counted) but, naming no AI package, not parsed.
    expect(result.filesChecked).toBe(9);
    expect(ofRule(result.findings)).toEqual([
      "dev-requirements.txt:1:10 deps/ai-sdk-pinned",
      "package.json:4:15 deps/ai-sdk-pinned",
      "requirements.txt:1:1 deps/ai-sdk-pinned",
      "requirements/base.txt:1:1 deps/ai-sdk-pinned",
      "svc/Pipfile:2:10 deps/ai-sdk-pinned",
      "svc/pyproject.toml:3:18 deps/ai-sdk-pinned",
    ]);
    expect(result.findings.every((f) => f.ruleId === RULE)).toBe(true);
  });

  it("points at the spec of each unpinned AI package, or at its name when it has none, in every section", async () => {
    const pkg = [
      "{",
      '  "dependencies": { "@ai-sdk/openai": "latest", "ai": "3.4.33" },',
      '  "devDependencies": { "langchain": "openai/x#main", "@langchain/core": "" },',
      '  "optionalDependencies": { "ollama": "0.5.x" },',
      '  "peerDependencies": { "openai": ">=4" }',
      "}",
      "",
    ].join("\n");
    const pyproject = [
      "[project]", // 1
      'name = "triage"',
      "dependencies = [",
      "  \"OpenAI[datalib] >= 1.40 ; python_version >= '3.10'\",", // 4
      '  "anthropic==0.39.0",',
      '  "llama-index-core @ git+https://github.com/run-llama/llama_index.git@main",', // 6
      "]",
      "optional-dependencies.local = ['transformers (>=4.44,<5)']", // 8
      "",
      "[dependency-groups]",
      'eval = ["litellm~=1.51", { include-group = "lint" }]', // 11
      'lint = ["ruff"]',
      "",
      "[tool.uv]",
      'dev-dependencies = ["google-genai"]', // 15
      "",
      "[tool.poetry.dependencies]",
      'python = "^3.11"',
      'mistralai = "^1.2"', // 19
      "cohere = { version = '5.11.4' }",
      'groq = { version = ">=0.11", optional = true }', // 21
      'replicate = { git = "https://github.com/replicate/replicate-python.git", tag = "1.0.4" }', // 22
      "together = [",
      '  { version = "1.3.3", python = "<3.9" },',
      '  { version = ">=1.3", python = ">=3.9" },', // 25
      "]",
      "",
      "[tool.poetry.group.dev.dependencies]",
      '"huggingface_hub" = "*"', // 29
      "",
    ].join("\n");
    const pipfile = ["[packages]", 'openai = {version = "*", extras = ["datalib"]}', "anthropic = {extras = []}", "", "[dev-packages]", 'groq = "==0.11.0"', ""].join("\n");
    const result = await lintDir(fixture({ "package.json": pkg, "pyproject.toml": pyproject, Pipfile: pipfile }));
    expect(ofRule(result.findings)).toEqual([
      "Pipfile:2:21 deps/ai-sdk-pinned",
      "Pipfile:3:1 deps/ai-sdk-pinned",
      "package.json:2:39 deps/ai-sdk-pinned",
      "package.json:3:37 deps/ai-sdk-pinned",
      "package.json:3:54 deps/ai-sdk-pinned",
      "package.json:4:39 deps/ai-sdk-pinned",
      "pyproject.toml:4:20 deps/ai-sdk-pinned",
      "pyproject.toml:6:23 deps/ai-sdk-pinned",
      "pyproject.toml:8:47 deps/ai-sdk-pinned",
      "pyproject.toml:11:17 deps/ai-sdk-pinned",
      "pyproject.toml:15:22 deps/ai-sdk-pinned",
      "pyproject.toml:19:13 deps/ai-sdk-pinned",
      "pyproject.toml:21:20 deps/ai-sdk-pinned",
      "pyproject.toml:22:80 deps/ai-sdk-pinned",
      "pyproject.toml:25:15 deps/ai-sdk-pinned",
      "pyproject.toml:29:21 deps/ai-sdk-pinned",
    ]);
    const messages = result.findings.map((f) => f.message.split(":")[0]);
    expect(messages).toContain('AI package "OpenAI" in "project.dependencies" is required as the range ">= 1.40", with no poetry.lock, uv.lock, pdm.lock beside it');
    expect(messages).toContain('AI package "@langchain/core" in "devDependencies" is required as any version, with no lock file in its folder or above');
  });

  it("reads requirements files as pip does, and never follows -r or -c", async () => {
    const text = [
      "# comment naming openai", // 1
      "-r ../../outside/requirements.txt",
      "-c constraints.txt",
      "--index-url https://pypi.example/simple",
      "-e ./packages/local-llm",
      "-e git+https://github.com/acme/llm-tools.git@main#egg=langchain-acme", // 6
      "openai[datalib]>=1.40; python_version >= '3.10'  # trailing comment", // 7
      "anthropic==0.39.0 \\", // 8
      "    --hash=sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
      "litellm \\", // 10
      "  >=1.51", // 11
      "groq @ https://files.example/groq-0.11.0.tar.gz", // 12
      "https://files.example/cohere-5.11.4.tar.gz#egg=cohere", // 13
      "mistralai==1.2.*", // 14
      "ollama===0.3.3",
      "",
    ].join("\n");
    const dir = fixture({ "app/requirements.txt": text, "app/constraints.txt": "openai>=1\n", "outside/requirements.txt": "transformers\n" });
    const result = await lintDir(dir, ["app"]);
    expect(ofRule(result.findings)).toEqual([
      "app/requirements.txt:6:4 deps/ai-sdk-pinned",
      "app/requirements.txt:7:16 deps/ai-sdk-pinned",
      "app/requirements.txt:11:3 deps/ai-sdk-pinned",
      "app/requirements.txt:12:8 deps/ai-sdk-pinned",
      "app/requirements.txt:13:1 deps/ai-sdk-pinned",
      "app/requirements.txt:14:10 deps/ai-sdk-pinned",
    ]);
    const read = readRequirements(text).dependencies.map((d) => `${d.name} ${JSON.stringify(d.spec)}${d.hashed ? " hashed" : ""}`);
    expect(read).toEqual([
      'langchain-acme "git+https://github.com/acme/llm-tools.git@main#egg=langchain-acme"',
      'openai ">=1.40"',
      'anthropic "==0.39.0" hashed',
      'litellm ">=1.51"',
      'groq "https://files.example/groq-0.11.0.tar.gz"',
      'cohere "https://files.example/cohere-5.11.4.tar.gz#egg=cohere"',
      'mistralai "==1.2.*"',
      'ollama "===0.3.3"',
    ]);
  });

  it("keeps exact positions through a BOM, CRLF line ends and a lone CR", async () => {
    const dir = fixture({
      "requirements.txt": "\ufeff# pinned elsewhere\r\nopenai>=1\r\nanthropic \\\r\n  ~=0.39\r\n",
      "pyproject.toml": '\ufeff[project]\r\ndependencies = [\r\n  "groq>=0.11",\r\n]\r\n',
      "web/package.json": '\ufeff{\r\n  "dependencies": {\r\n    "ai": "^3.4.0"\r\n  }\r\n}\r\n',
      "cr/requirements.txt": "# old Mac line ends\rlitellm>=1.51\r",
    });
    expect(ofRule((await lintDir(dir)).findings)).toEqual([
      "cr/requirements.txt:2:8 deps/ai-sdk-pinned",
      "pyproject.toml:3:8 deps/ai-sdk-pinned",
      "requirements.txt:2:7 deps/ai-sdk-pinned",
      "requirements.txt:4:3 deps/ai-sdk-pinned",
      "web/package.json:3:11 deps/ai-sdk-pinned",
    ]);
  });
});

describe("lock files", () => {
  it("count in the manifest's folder or, for workspaces, above it; never another ecosystem's", async () => {
    const dir = fixture({
      "package.json": '{ "private": true, "workspaces": ["packages/*"] }\n',
      "yarn.lock": "# yarn lockfile v1\n",
      "packages/assistant/package.json": NPM,
      "other/web/package.json": NPM,
      "other/api/package-lock.json": "{}\n",
      "py/pyproject.toml": '[project]\ndependencies = ["openai>=1"]\n',
      "py/package-lock.json": "{}\n",
      "py/member/pyproject.toml": '[project]\ndependencies = ["openai>=1"]\n',
      "uvws/uv.lock": "version = 1\n",
      "uvws/member/pyproject.toml": '[project]\ndependencies = ["openai>=1"]\n',
      "pipenv/Pipfile": '[packages]\nopenai = "*"\n',
      "pipenv/Pipfile.lock": "{}\n",
      "pinned/requirements.txt": "openai>=1\n",
      "pinned/poetry.lock": "\n",
    });
    const result = await lintDir(dir);
    // The root's yarn.lock fixes every workspace below it (other/web too: it is below the root).
    expect(ofRule(result.findings)).toEqual(["pinned/requirements.txt:1:7 deps/ai-sdk-pinned", "py/member/pyproject.toml:2:24 deps/ai-sdk-pinned", "py/pyproject.toml:2:24 deps/ai-sdk-pinned"]);
    const views = Object.fromEntries(result.artefacts.map((a) => [a.file, a.data]));
    expect(Object.keys(views).sort()).toEqual([
      "other/web/package.json",
      "packages/assistant/package.json",
      "pinned/requirements.txt",
      "pipenv/Pipfile",
      "py/member/pyproject.toml",
      "py/pyproject.toml",
      "uvws/member/pyproject.toml",
    ]);
  });

  it("count only when git lists them: an ignored lock file is not committed, and node_modules is never looked into", async () => {
    const dir = fixture({
      ".gitignore": "package-lock.json\n",
      "app/package.json": NPM,
      "app/package-lock.json": "{}\n",
      "lib/package.json": NPM,
      "lib/node_modules/package-lock.json": "{}\n",
    });
    expect(spawnSync("git", ["init", "-q"], { cwd: dir }).status).toBe(0);
    expect(ofRule((await lintDir(dir)).findings)).toEqual(["app/package.json:4:15 deps/ai-sdk-pinned", "lib/package.json:4:15 deps/ai-sdk-pinned"]);
    // Committed, the lock file counts whatever .gitignore says.
    expect(spawnSync("git", ["add", "-f", "app/package-lock.json"], { cwd: dir }).status).toBe(0);
    expect(ofRule((await lintDir(dir)).findings)).toEqual(["lib/package.json:4:15 deps/ai-sdk-pinned"]);
  });

  it("above a manifest count up to the project root, not beyond it", async () => {
    const dir = fixture({ "package-lock.json": "{}\n", "project/aimslint.config.yaml": "today: 2026-06-30\n", "project/app/package.json": NPM });
    expect(ofRule((await lintDir(`${dir}/project`)).findings)).toEqual(["app/package.json:4:15 deps/ai-sdk-pinned"]);
  });
});

describe("the organisation's AI packages", () => {
  it("are added from aiUse.packages, to the cheap text test and to the rule alike", async () => {
    const files = {
      "package.json": '{\n  "dependencies": {\n    "@acme/llm-gateway": "^2.0.0"\n  }\n}\n',
      "requirements.txt": "Acme_LLM.Client>=3\n",
    };
    expect(ofRule((await lintDir(fixture(files))).findings)).toEqual([]);
    const config = "aiUse:\n  packages:\n    npm: ['@acme/llm-*']\n    pypi: [acme-llm-client]\n";
    expect(ofRule((await lintDir(fixture({ ...files, "aimslint.config.yaml": config }))).findings)).toEqual(["package.json:3:26 deps/ai-sdk-pinned", "requirements.txt:1:16 deps/ai-sdk-pinned"]);
  });

  it("refuses a malformed name at its place in the configuration", async () => {
    await expect(lintDir(fixture({ "aimslint.config.yaml": "aiUse:\n  packages:\n    npm: ['Not A Name']\n" }))).rejects.toThrow(/aiUse/);
  });
});

describe("hostile manifests", () => {
  it("reads at most 10,000 dependencies of a 4 MiB requirements file, says so, and stays fast", async () => {
    const line = "openai>=1.0\n";
    const text = line.repeat(Math.floor((4 * 1024 * 1024) / line.length));
    const started = Date.now();
    const result = await lintDir(fixture({ "requirements.txt": text, "app/requirements.txt": "anthropic\n" }));
    expect(Date.now() - started).toBeLessThan(20_000);
    const limit = result.findings.filter((f) => f.ruleId === "parse/resource-limit");
    expect(brief(limit)).toEqual(["requirements.txt:1:1 parse/resource-limit"]);
    expect(limit[0]?.message).toBe("File lists more than 10,000 dependencies; those from line 10001 on were not read.");
    // Findings past the per-file cap are counted, not listed; the other file is checked as usual.
    expect(result.findings.filter((f) => f.file === "requirements.txt" && f.ruleId === RULE)).toHaveLength(999);
    expect(ofRule(result.findings.filter((f) => f.file !== "requirements.txt"))).toEqual(["app/requirements.txt:1:1 deps/ai-sdk-pinned"]);
  });

  it("reads one 4 MiB line, and a 4 MiB run of continuations, in linear time", async () => {
    const started = Date.now();
    const result = await lintDir(
      fixture({
        "a/requirements.txt": `openai${">=1".repeat(1_300_000)}\n`,
        "b/requirements.txt": "openai \\\n".repeat(450_000),
        "c/requirements.txt": `openai-${"x".repeat(4_000_000)}\n`,
      }),
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(ofRule(result.findings)).toEqual(["a/requirements.txt:1:7 deps/ai-sdk-pinned", "b/requirements.txt:2:1 deps/ai-sdk-pinned"]);
  });

  it("reports invalid and absurdly nested TOML with its position, and goes on with the other files", async () => {
    const result = await lintDir(
      fixture({
        "broken/pyproject.toml": '[project]\nname = "x"\ndependencies = [\n  "openai>=1"\n  "anthropic",\n]\n',
        "headers/pyproject.toml": `[project]\ndependencies = ["openai"]\n[${Array.from({ length: 20_000 }, () => "t").join(".")}]\nx = 1\n`,
        "inline/pyproject.toml": `[project]\ndependencies = ["openai"]\nx = ${"{ a = ".repeat(100_000)}1${" }".repeat(100_000)}\n`,
        "arrays/Pipfile": `[packages]\nopenai = "*"\n[dev-packages]\nx = ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
        "redefined/pyproject.toml": '[project]\ndependencies = ["openai"]\n[project]\nname = "x"\n',
        // Not naming an AI package, a broken manifest is none of aimslint's business.
        "other/pyproject.toml": "[project\n",
        "good/pyproject.toml": '[project]\ndependencies = ["openai"]\n',
      }),
    );
    expect(brief(result.findings)).toEqual([
      "arrays/Pipfile:4:205 parse/resource-limit",
      "broken/pyproject.toml:5:3 parse/syntax",
      "good/pyproject.toml:2:18 deps/ai-sdk-pinned",
      "headers/pyproject.toml:1:1 parse/resource-limit",
      "inline/pyproject.toml:3:1205 parse/resource-limit",
      "redefined/pyproject.toml:3:2 parse/syntax",
    ]);
    expect(result.findings.find((f) => f.file === "broken/pyproject.toml")?.message).toBe("TOML: expected comma or end of structure.");
  });

  it("reports a manifest it cannot read only when what it can read of it names an AI package", async () => {
    const latin1 = Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\nopenai>=1\n")]);
    const result = await lintDir(
      fixture({
        "latin1/requirements.txt": latin1,
        "utf16/requirements.txt": Buffer.from("\ufeffopenai>=1\n", "utf16le"),
        "nul/requirements.txt": Buffer.from("openai>=1\n\0\0"),
        "broken/package.json": '{ "dependencies": { "openai": "^4" }, }\n',
        "quiet/package.json": '{ "dependencies": { "react": "^18" }, }\n',
        "quiet/requirements.txt": Buffer.concat([Buffer.from("flask "), Buffer.from([0xff]), Buffer.from("\n")]),
        "proto/package.json": '{ "dependencies": { "__proto__": "1", "constructor": "^1", "openai": "^4" } }\n',
      }),
    );
    expect(brief(result.findings)).toEqual([
      "broken/package.json:1:39 parse/syntax",
      "latin1/requirements.txt:1:6 file/encoding",
      "nul/requirements.txt:1:1 file/binary",
      "proto/package.json:1:70 deps/ai-sdk-pinned",
      "utf16/requirements.txt:1:1 file/encoding",
    ]);
    expect(({} as Record<string, unknown>)["1"]).toBeUndefined();
  });
});

describe("the cheap text test", () => {
  const variants = (name: string, ecosystem: Ecosystem) =>
    fc
      .tuple(fc.constantFrom(...(ecosystem === "pypi" ? ["-", "_", ".", "--", "_."] : ["-"])), fc.boolean(), fc.string({ maxLength: 6, unit: fc.constantFrom("a", "z", "0", "-") }))
      .map(([sep, upper, tail]) => {
        const spelled = name.replace(/\*/g, tail.replace(/^-+|-+$/g, "") || "x").replace(/-/g, sep);
        return upper ? spelled.toUpperCase() : spelled;
      });

  it("never refuses a manifest that names a catalogued package, however it is spelled", () => {
    for (const ecosystem of ["npm", "pypi"] as const) {
      const matches = packageMatcher(ecosystem, CATALOGUED_PACKAGES[ecosystem]);
      const name = fc.constantFrom(...CATALOGUED_PACKAGES[ecosystem]).chain((n) => variants(n, ecosystem));
      fc.assert(
        fc.property(name, fc.constantFrom("==1.0", ">=1", "", "[extra]>=2", " ; python_version<'3.9'"), (n, spec) => {
          if (!matches(n)) return;
          const text = ecosystem === "npm" ? `{ "dependencies": { "react": "^18", ${JSON.stringify(n)}: "^1.0.0" } }` : `flask==3.0\n${n}${spec}\n`;
          expect(mayNamePackage(text, ecosystem, CATALOGUED_PACKAGES[ecosystem]), text).toBe(true);
        }),
        { numRuns: 500 },
      );
    }
  });

  it("refuses the usual package.json of a service that uses no AI SDK", () => {
    const text = JSON.stringify({ name: "api", keywords: ["airline", "openapi"], dependencies: { fastify: "^4", "ai-utils": "1.0.0", "@aisdk/x": "1" } });
    expect(mayNamePackage(text, "npm", CATALOGUED_PACKAGES.npm)).toBe(false);
    expect(mayNamePackage(`${text.slice(0, -1)}, "x": { "ai": "3.4.0" } }`, "npm", CATALOGUED_PACKAGES.npm)).toBe(true);
  });
});

describe("the view rules read", () => {
  const view = (path: string, text: string, lockFiles: string[] = []) => {
    const source: SourceFile = { path, format: formatOf(path)!, text, lines: new LineIndex(text), explicit: false };
    const parsed = parseSource(source, DEFAULT_LIMITS);
    expect(parsed.findings).toEqual([]);
    const [artefact] = classify(parsed.documents[0]!, { lockFiles: new Set(lockFiles), projectRoot: "." }).artefacts;
    const at = (p: PathSegment[]) => {
      const { start } = artefact!.doc.locator.locate(p).range;
      return `${start.line}:${start.column}`;
    };
    return { kind: artefact!.kind, data: artefact!.data as { dependencies: { name: string; spec: string; section: string }[] } & Record<string, unknown>, at };
  };

  it("is the same for every format: ecosystem, manifest, the lock files that apply, and each dependency", () => {
    const npm = view("app/package.json", '{\n  "devDependencies": { "openai": "^4" },\n  "dependencies": { "ai": "3.4.0" }\n}\n', ["package-lock.json", "app/yarn.lock", "web/pnpm-lock.yaml"]);
    expect(npm.kind).toBe("dependency-manifest");
    expect(npm.data).toEqual({
      ecosystem: "npm",
      manifest: "package.json",
      lockFiles: ["app/yarn.lock", "package-lock.json"],
      dependencies: [
        { name: "ai", spec: "3.4.0", section: "dependencies" },
        { name: "openai", spec: "^4", section: "devDependencies" },
      ],
    });
    expect([npm.at(["dependencies", 1, "spec"]), npm.at(["dependencies", 1, "name"]), npm.at(["dependencies", 1])]).toEqual(["2:34", "2:24", "2:24"]);
    const py = view("pyproject.toml", '[project]\ndependencies = ["openai >=1.40", "requests"]\n[tool.poetry.group.ml.dependencies]\ntransformers = { version = "4.44.2" }\n', ["poetry.lock"]);
    expect(py.data).toEqual({
      ecosystem: "pypi",
      manifest: "pyproject.toml",
      lockFiles: ["poetry.lock"],
      dependencies: [
        { name: "openai", spec: ">=1.40", section: "project.dependencies" },
        { name: "requests", spec: "", section: "project.dependencies" },
        { name: "transformers", spec: "4.44.2", section: "tool.poetry.group.ml.dependencies" },
      ],
    });
    // Inside the PEP 508 string; a dependency without a spec points at its name; a table's version at its value.
    expect([py.at(["dependencies", 0, "spec"]), py.at(["dependencies", 1, "spec"]), py.at(["dependencies", 2, "spec"]), py.at(["dependencies", 2, "name"])]).toEqual(["2:25", "2:35", "4:28", "4:1"]);
    const req = view("requirements/dev.txt", "# tools\nlitellm \\\n  >=1.51\n");
    expect(req.data).toEqual({ ecosystem: "pypi", manifest: "requirements", lockFiles: [], dependencies: [{ name: "litellm", spec: ">=1.51", section: "requirements" }] });
    expect([req.at(["dependencies", 0, "spec"]), req.at(["dependencies", 0, "name"])]).toEqual(["3:3", "2:1"]);
    const pip = view("Pipfile", '[dev-packages]\n"groq" = {version = ">=0.11"}\n', ["Pipfile.lock"]);
    expect(pip.data["lockFiles"]).toEqual(["Pipfile.lock"]);
    expect([pip.at(["dependencies", 0, "spec"]), pip.at(["dependencies", 0, "name"])]).toEqual(["2:21", "2:1"]);
  });

  it("points at the whole string when its text is not its value (escapes, multi-line strings)", () => {
    const py = view("pyproject.toml", '[project]\ndependencies = [\n  "\\u006fpenai>=1",\n  """\nanthropic""",\n  \'\'\'groq\'\'\',\n]\n');
    expect(py.data.dependencies.map((d) => d.name)).toEqual(["openai", "anthropic", "groq"]);
    // A multi-line string whose text is its value is read inside, like any other.
    expect([py.at(["dependencies", 0, "spec"]), py.at(["dependencies", 1, "name"]), py.at(["dependencies", 2, "name"])]).toEqual(["3:3", "4:3", "6:6"]);
  });

  it("finds keys and values however TOML writes them", () => {
    const text = [
      "# a comment [not.a.table]",
      '[tool."poetry".dependencies]',
      "'openai' = '^1.40'  # literal strings",
      'anthropic.version = "0.39.0"',
      "[[tool.poetry.source]]",
      'name = "a"',
      "[[tool.poetry.source]]",
      'name = "b"',
      "[tool.poetry.group.dev.dependencies]",
      'groq = """',
      '>=0.11"""',
      'cohere = { version = "^5", extras = [',
      '  "x", # a comment in an array',
      "] }",
      "",
    ].join("\n");
    const places = tomlPlaces(text);
    const at = (...path: PathSegment[]) => places.get(syntheticKey(path))?.value[0];
    const lines = new LineIndex(text);
    const pos = (offset: number | undefined) => (offset === undefined ? "missing" : `${lines.position(offset).line}:${lines.position(offset).column}`);
    expect(pos(at("tool", "poetry", "dependencies", "openai"))).toBe("3:12");
    expect(pos(at("tool", "poetry", "dependencies", "anthropic", "version"))).toBe("4:21");
    expect(pos(at("tool", "poetry", "source", 1, "name"))).toBe("8:8");
    expect(pos(at("tool", "poetry", "group", "dev", "dependencies", "groq"))).toBe("10:8");
    expect(pos(at("tool", "poetry", "group", "dev", "dependencies", "cohere", "extras", 0))).toBe("13:3");
    expect(at("not", "a", "table")).toBeUndefined();
  });
});
