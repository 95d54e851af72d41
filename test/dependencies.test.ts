// Dependency manifests (kind dependency-manifest): package.json, requirements*.txt, pyproject.toml and Pipfile, read
// by their names for the AI SDKs they depend on (src/core/dependency-manifests.ts, src/source/manifest-view.ts).
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
import { brief, fixture, lintDir } from "./helpers/lint.js";

const NPM = `{
  "name": "assistant",
  "dependencies": {
    "openai": "^4.52.0",
    "fastify": "^4.28.1"
  }
}
`;

const notRules = (findings: Parameters<typeof brief>[0]) => brief(findings.filter((f) => /^(parse|file)\//.test(f.ruleId)));

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
    expect(result.findings).toEqual([]);
  });

  it("reads requirements files as pip does, and never follows -r or -c", () => {
    const text = [
      "# comment naming openai",
      "-r ../../outside/requirements.txt",
      "-c constraints.txt",
      "--index-url https://pypi.example/simple",
      "-e ./packages/local-llm",
      "-e git+https://github.com/acme/llm-tools.git@main#egg=langchain-acme",
      "openai[datalib]>=1.40; python_version >= '3.10'  # trailing comment",
      "anthropic==0.39.0 \\",
      "    --hash=sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
      "litellm \\",
      "  >=1.51",
      "groq @ https://files.example/groq-0.11.0.tar.gz",
      "https://files.example/cohere-5.11.4.tar.gz#egg=cohere",
      "mistralai==1.2.*",
      "ollama===0.3.3",
      "",
    ].join("\n");
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
});

describe("hostile manifests", () => {
  it("reads at most 10,000 dependencies of a 4 MiB requirements file, says so, and stays fast", async () => {
    const line = "openai>=1.0\n";
    const text = line.repeat(Math.floor((4 * 1024 * 1024) / line.length));
    const started = Date.now();
    const result = await lintDir(fixture({ "requirements.txt": text }));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(notRules(result.findings)).toEqual(["requirements.txt:1:1 parse/resource-limit"]);
    expect(result.findings[0]?.message).toBe("File lists more than 10,000 dependencies; those from line 10001 on were not read.");
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
      "headers/pyproject.toml:1:1 parse/resource-limit",
      "inline/pyproject.toml:3:1205 parse/resource-limit",
      "redefined/pyproject.toml:3:2 parse/syntax",
    ]);
    expect(result.artefacts.map((a) => a.file)).toEqual(["good/pyproject.toml"]);
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
