#!/usr/bin/env node
// The floors of the benchmark: the least work any linter of governance artefacts must do, written as plainly as
// possible, so that aimslint's time can be read as a multiple of them (docs/performance.md).
//
//   node bench/floor.mjs --stage io|parse|jsyaml|validate [--compile] [--aimslint <package folder>] <folder>
//
//   io        glob the candidate files with fast-glob (YAML, JSON, Markdown; node_modules, .git and the folders of the
//             root .gitignore left out) and read each one into a string;
//   parse     io + parse each YAML file (all its documents), JSON file and Markdown front matter with `yaml`
//             (parseDocument / parseAllDocuments, then toJS for the values);
//   jsyaml    list the candidate files as aimslint does (git ls-files: tracked and untracked, not ignored), read
//             each, and parse it the cheapest usual way: js-yaml 4 (what aimslint reads values with; core schema, so
//             dates stay strings) for YAML and Markdown front matter, JSON.parse for JSON;
//   validate  parse + find each artefact's kind (kind:, $schema, modeline, Hugging Face README keys) and validate
//             it with aimslint's precompiled standalone ajv validators (build/validators.cjs), or with schemas/
//             compiled by ajv at start-up when that build output is missing or with --compile.
//
// Prints one line of JSON with the counts that prove the work was done (files, bytes, documents, artefacts per kind,
// invalid files): bench/run.mjs checks them against the generator's manifest.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import { parseAllDocuments, parseDocument } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
const flagValue = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const stage = flagValue("--stage");
const forceCompile = args.includes("--compile");
// Where aimslint's schemas/ and build/validators.cjs are: this repository, or the snapshot bench/run.mjs measures.
const repoRoot = resolve(flagValue("--aimslint") ?? join(here, ".."));
const dir = resolve(args.filter((a, i) => !a.startsWith("--") && !["--stage", "--aimslint"].includes(args[i - 1])).at(-1) ?? ".");
if (!["io", "parse", "jsyaml", "validate"].includes(stage)) {
  process.stderr.write("usage: node bench/floor.mjs --stage io|parse|jsyaml|validate [--compile] <folder>\n");
  process.exit(2);
}

// Same YAML options as aimslint (YAML 1.2: dates stay strings).
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, version: "1.2" };

/** The root .gitignore, as fast-glob ignore patterns (enough for the generated corpus: folders and *.ext lines). */
function gitignorePatterns(root) {
  const file = join(root, ".gitignore");
  if (!existsSync(file)) return [];
  const out = [];
  for (const raw of readFileSync(file, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const anchored = line.startsWith("/");
    const body = line.replace(/^\//, "").replace(/\/$/, "");
    const prefix = anchored ? "" : "**/";
    out.push(line.endsWith("/") ? `${prefix}${body}/**` : `${prefix}${body}`, `${prefix}${body}/**`);
  }
  return out;
}

const CANDIDATE = /\.(?:ya?ml|json|md|markdown)$/i;
const LOCK_FILES = new Set(["package-lock.json", "pnpm-lock.yaml", "npm-shrinkwrap.json"]);

/** The files git lists (tracked, and untracked but not ignored), as aimslint's discovery asks for them. */
function gitCandidates(root) {
  const out = execFileSync("git", ["-c", "core.fsmonitor=false", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--exclude=node_modules/", "--deduplicate"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return out.split("\0").filter((f) => CANDIDATE.test(f) && !LOCK_FILES.has(basename(f)) && !f.split("/").includes("node_modules"));
}

const files =
  stage === "jsyaml"
    ? gitCandidates(dir)
    : fg.sync("**/*.{yaml,yml,json,md,markdown}", {
        cwd: dir,
        dot: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        caseSensitiveMatch: false,
        ignore: ["**/node_modules/**", "**/.git/**", "**/package-lock.json", "**/pnpm-lock.yaml", "**/npm-shrinkwrap.json", ...gitignorePatterns(dir)],
      });
files.sort();

let validators;
let validatorsFrom;
if (stage === "validate") {
  const built = join(repoRoot, "build", "validators.cjs");
  if (!forceCompile && existsSync(built)) {
    validators = createRequire(import.meta.url)(built);
    validatorsFrom = "build/validators.cjs (precompiled standalone)";
  } else {
    const { default: Ajv2020 } = await import("ajv/dist/2020.js");
    const { default: addFormats } = await import("ajv-formats");
    const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    addFormats(ajv);
    validators = {};
    const schemas = join(repoRoot, "schemas");
    const ids = {};
    for (const f of readdirSync(schemas).filter((f) => f.endsWith(".schema.json"))) {
      const schema = JSON.parse(readFileSync(join(schemas, f), "utf8"));
      ajv.addSchema(schema);
      ids[f.replace(/\.schema\.json$/, "")] = schema.$id;
    }
    for (const [kind, id] of Object.entries(ids)) if (kind !== "common") validators[kind] = ajv.getSchema(id);
    validatorsFrom = "schemas/ compiled by ajv at start-up";
  }
}

const SCHEMA_REF = /(?:^|\/)([a-z0-9][a-z0-9-]*)\.schema\.json(?:#.*)?$/;
const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m;
const MODEL_HUB = ["pipeline_tag", "model-index", "base_model", "library_name"];
const DATA_HUB = ["task_categories", "size_categories", "dataset_info", "configs", "pretty_name", "annotations_creators"];

function kindOf(path, text, data, format) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  const known = (k) => (typeof k === "string" && validators[k] && !k.startsWith("@") ? k : undefined);
  if ("kind" in data) return known(data.kind);
  if (typeof data.$schema === "string") {
    const m = SCHEMA_REF.exec(data.$schema);
    if (m && known(m[1])) return m[1];
  }
  if (format === "yaml") {
    const m = MODELINE.exec(text.slice(0, 2000));
    const k = m && SCHEMA_REF.exec(m[1]);
    if (k && known(k[1])) return k[1];
  }
  if (format === "markdown") {
    const base = basename(path).toLowerCase();
    if (/^(model[-_ ]?card|modelcard)\.(md|markdown)$/.test(base)) return "model-card";
    if (/^(data[-_ ]?card|dataset[-_ ]?card|datasheet)\.(md|markdown)$/.test(base)) return "data-card";
    const keys = Object.keys(data);
    if (MODEL_HUB.some((k) => keys.includes(k))) return "model-card";
    if (DATA_HUB.some((k) => keys.includes(k))) return "data-card";
  }
  return undefined;
}

/** Front matter of a Markdown file: the text between a first line `---` and the next line `---`. */
function frontMatter(text) {
  const m = /^---\r?\n/.exec(text);
  if (!m) return undefined;
  const end = text.indexOf("\n---", m[0].length - 1);
  if (end === -1) return undefined;
  return text.slice(m[0].length, end + 1);
}

// js-yaml 4, from the repository's own dependencies (bench/node_modules holds ajv-cli's js-yaml 3).
const jsYaml = stage === "jsyaml" ? createRequire(join(here, "..", "package.json"))("js-yaml") : undefined;

/** The jsyaml floor's parse: documents as values, or a count of the files that did not parse. */
function parseCheaply(text, format) {
  try {
    if (format === "json") return [JSON.parse(text)];
    if (format === "yaml") return jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA });
    const fm = frontMatter(text);
    return fm === undefined ? [] : [jsYaml.load(fm, { schema: jsYaml.CORE_SCHEMA })];
  } catch {
    return undefined;
  }
}

const out = { stage, folder: dir, files: files.length, bytes: 0, documents: 0, parseErrors: 0, artefactFiles: 0, kinds: {}, valid: 0, invalid: 0, schemaErrors: 0, invalidFiles: [] };
if (validatorsFrom) out.validators = validatorsFrom;

for (const file of files) {
  const text = readFileSync(join(dir, file), "utf8");
  out.bytes += text.length;
  if (stage === "io") continue;
  const lower = file.toLowerCase();
  const format = lower.endsWith(".json") ? "json" : lower.endsWith(".md") || lower.endsWith(".markdown") ? "markdown" : "yaml";
  if (stage === "jsyaml") {
    const values = parseCheaply(text, format);
    if (values === undefined) out.parseErrors++;
    else out.documents += values.length;
    continue;
  }
  let docs;
  if (format === "yaml") docs = parseAllDocuments(text, YAML_OPTIONS);
  else if (format === "json") docs = [parseDocument(text, { ...YAML_OPTIONS, strict: false })];
  else {
    const fm = frontMatter(text);
    docs = fm === undefined ? [] : [parseDocument(fm, YAML_OPTIONS)];
  }
  if (!Array.isArray(docs)) docs = [];
  let artefact = false;
  let invalid = false;
  for (const doc of docs) {
    out.documents++;
    if (doc.errors.length > 0) {
      out.parseErrors++;
      continue;
    }
    const data = doc.toJS({ maxAliasCount: 100 });
    if (stage !== "validate") continue;
    const kind = kindOf(file, text, data, format);
    if (!kind) continue;
    artefact = true;
    out.kinds[kind] = (out.kinds[kind] ?? 0) + 1;
    const validate = validators[kind];
    if (!validate(data)) {
      invalid = true;
      out.schemaErrors += validate.errors?.length ?? 1;
    }
  }
  if (artefact) {
    out.artefactFiles++;
    if (invalid) {
      out.invalid++;
      out.invalidFiles.push(file);
    } else out.valid++;
  }
}
process.stdout.write(`${JSON.stringify(out)}\n`);
