// What the rules see of a dependency manifest (package.json, requirements*.txt, pyproject.toml, Pipfile): the same
// view whatever the ecosystem and format (docs/ai-use.md, "Dependency manifests"):
//
//   { ecosystem: "npm" | "pypi", manifest: "package.json" | "requirements" | "pyproject.toml" | "Pipfile",
//     lockFiles: [paths of the lock files that apply, never read],
//     dependencies: [{ name, spec, section, hashed? }, …] }
//
// The view's paths are not the file's, so its locator learns where each dependency's name and spec are written:
// ["dependencies", i, "spec"] is the version spec (the name when there is none), ["dependencies", i, "name"] and
// ["dependencies", i] the name. Positions are worked out on the first finding that needs one.
import type { Range } from "../core/finding.js";
import { applicableLockFiles, MANIFESTS, MAX_DEPENDENCIES, type ManifestFormat } from "../core/dependency-manifests.js";
import type { PathSegment } from "./locator.js";
import { syntheticKey } from "./locator.js";
import type { ParsedDocument } from "./parse.js";
import { type Dependency, parsePep508 } from "./requirements.js";
import { tomlPlaces, type TomlPlace } from "./toml.js";

export interface ManifestContext {
  /** Display paths of the project's lock files (pipeline/discover.ts). */
  lockFiles?: ReadonlySet<string> | undefined;
  /** Display path of the project root: lock files above a manifest count up to it. */
  projectRoot?: string | undefined;
}

/** Where a dependency is written in a TOML or JSON source. */
interface Place {
  /** Path of the value in the source: a PEP 508 string, or the value under the package's key. */
  at: PathSegment[];
  /** The package is the key of `at` (Poetry, Pipfile, package.json), not part of a string. */
  keyed: boolean;
  /** A PEP 508 string: offsets of the name and the spec inside it. */
  within?: { value: string; nameStart: number; nameEnd: number; specStart: number; specEnd: number };
  /** Where the spec is, when not at `at` (a table's `version` or `rev`). */
  specAt?: PathSegment[];
}

const NO_LOCKS: ReadonlySet<string> = new Set();

/**
 * The view, and whether the manifest lists more than MAX_DEPENDENCIES (the rest is not read; the locator knows
 * where the first one left out is, at ["dependencies", MAX_DEPENDENCIES]).
 */
export function manifestView(doc: ParsedDocument, format: ManifestFormat, record: Record<string, unknown>, context: ManifestContext): { view: Record<string, unknown>; overflow: boolean } {
  const { ecosystem } = MANIFESTS[format];
  const lockFiles = applicableLockFiles(doc.source.path, format, context.lockFiles ?? NO_LOCKS, context.projectRoot ?? ".");
  const view = { ecosystem, manifest: format, lockFiles, dependencies: [] as Dependency[] };
  if (format === "requirements") {
    // Read by parse.ts, which also told the locator where each requirement is.
    const deps = record["dependencies"];
    if (Array.isArray(deps)) view.dependencies = deps.length > MAX_DEPENDENCIES ? deps.slice(0, MAX_DEPENDENCIES) : (deps as Dependency[]);
    return { view, overflow: Array.isArray(deps) && deps.length > MAX_DEPENDENCIES };
  }
  const places: Place[] = [];
  const add = (dependency: Dependency, place: Place) => {
    // One place past the last dependency kept: where the finding about the rest points.
    if (places.length > MAX_DEPENDENCIES) return;
    if (places.length < MAX_DEPENDENCIES) view.dependencies.push(dependency);
    places.push(place);
  };
  if (format === "package.json") readNpm(record, add);
  else if (format === "Pipfile") for (const section of ["packages", "dev-packages"]) readKeyed(record, [section], section, add);
  else readPyproject(record, add);
  if (format === "package.json") {
    const { locator } = doc;
    locator.resolve = (path) => {
      const place = placeOf(path, places);
      if (!place) return undefined;
      const dep = view.dependencies[path[1] as number];
      return locator.locate(place.at, path[2] === "spec" && dep !== undefined && dep.spec !== "" ? "value" : "key").range;
    };
  } else {
    let known: Map<string, TomlPlace> | undefined;
    doc.locator.resolve = (path) => {
      const place = placeOf(path, places);
      if (!place) return undefined;
      known ??= safePlaces(doc.source.text);
      return tomlRange(doc, known, place, view.dependencies[path[1] as number], path[2] === "spec");
    };
  }
  return { view, overflow: places.length > MAX_DEPENDENCIES };
}

function placeOf(path: readonly PathSegment[], places: readonly Place[]): Place | undefined {
  return path[0] === "dependencies" && typeof path[1] === "number" ? places[path[1]] : undefined;
}

type Add = (dependency: Dependency, place: Place) => void;

const NPM_SECTIONS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

function readNpm(record: Record<string, unknown>, add: Add): void {
  for (const section of NPM_SECTIONS) {
    const deps = record[section];
    if (!isTable(deps)) continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec === "string") add({ name, spec, section }, { at: [section, name], keyed: true });
    }
  }
}

/** PEP 621 (`project.dependencies`, `project.optional-dependencies`), PEP 735 `dependency-groups`, uv's and Poetry's. */
function readPyproject(record: Record<string, unknown>, add: Add): void {
  const project = record["project"];
  if (isTable(project)) {
    readStrings(project["dependencies"], ["project", "dependencies"], "project.dependencies", add);
    const optional = project["optional-dependencies"];
    if (isTable(optional)) for (const [group, list] of Object.entries(optional)) readStrings(list, ["project", "optional-dependencies", group], `project.optional-dependencies.${group}`, add);
  }
  const groups = record["dependency-groups"];
  if (isTable(groups)) for (const [group, list] of Object.entries(groups)) readStrings(list, ["dependency-groups", group], `dependency-groups.${group}`, add);
  const tool = record["tool"];
  if (!isTable(tool)) return;
  const uv = tool["uv"];
  if (isTable(uv)) readStrings(uv["dev-dependencies"], ["tool", "uv", "dev-dependencies"], "tool.uv.dev-dependencies", add);
  const poetry = tool["poetry"];
  if (!isTable(poetry)) return;
  readKeyed(poetry, ["tool", "poetry", "dependencies"], "tool.poetry.dependencies", add, poetry["dependencies"]);
  readKeyed(poetry, ["tool", "poetry", "dev-dependencies"], "tool.poetry.dev-dependencies", add, poetry["dev-dependencies"]);
  const poetryGroups = poetry["group"];
  if (isTable(poetryGroups)) {
    for (const [group, table] of Object.entries(poetryGroups)) {
      if (isTable(table)) readKeyed(table, ["tool", "poetry", "group", group, "dependencies"], `tool.poetry.group.${group}.dependencies`, add, table["dependencies"]);
    }
  }
}

/** A list of PEP 508 strings; tables in it (`{ include-group = "…" }`) name no package. */
function readStrings(list: unknown, at: PathSegment[], section: string, add: Add): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (typeof item !== "string") return;
    const parsed = parsePep508(item);
    if (!parsed) return;
    const { name, spec, nameStart, nameEnd, specStart, specEnd } = parsed;
    add({ name, spec, section }, { at: [...at, i], keyed: false, within: { value: item, nameStart, nameEnd, specStart, specEnd } });
  });
}

/**
 * Packages as the keys of a table (Poetry, Pipfile): a version string (`"^1.2"`, `"*"`), a table (`{ version = "…" }`,
 * `{ git = "…", rev = "…" }`, `{ path = "…" }`), or, in Poetry, a list of such tables for different Pythons.
 */
function readKeyed(holder: Record<string, unknown>, at: PathSegment[], section: string, add: Add, table: unknown = holder[String(at[at.length - 1])]): void {
  if (!isTable(table)) return;
  for (const [name, value] of Object.entries(table)) {
    // Poetry's `python` is the interpreter, not a package.
    if (section.startsWith("tool.poetry") && name.toLowerCase() === "python") continue;
    const place = [...at, name];
    if (typeof value === "string") add({ name, spec: value, section }, { at: place, keyed: true });
    else if (isTable(value)) addTable(name, value, place, section, add);
    else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (isTable(item)) addTable(name, item, [...place, i], section, add, place);
      });
    }
  }
}

function addTable(name: string, table: Record<string, unknown>, at: PathSegment[], section: string, add: Add, keyAt: PathSegment[] = at): void {
  const text = (key: string) => (typeof table[key] === "string" ? (table[key] as string) : undefined);
  const git = text("git");
  const ref = ["rev", "ref", "tag", "branch"].find((k) => text(k) !== undefined);
  let spec = "";
  let specKey: string | undefined;
  if (git !== undefined) {
    spec = `git+${git}${ref ? `@${text(ref)}` : ""}`;
    specKey = ref ?? "git";
  } else if (text("version") !== undefined) [spec, specKey] = [text("version") as string, "version"];
  else if (text("path") !== undefined) [spec, specKey] = [`file:${text("path")}`, "path"];
  else if (text("url") !== undefined || text("file") !== undefined) [spec, specKey] = [(text("url") ?? text("file")) as string, text("url") !== undefined ? "url" : "file"];
  add({ name, spec, section }, { at: keyAt, keyed: true, ...(specKey ? { specAt: [...at, specKey] } : {}) });
}

function isTable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function safePlaces(text: string): Map<string, TomlPlace> {
  try {
    return tomlPlaces(text);
  } catch {
    return new Map(); // positions fall back to the first line; the finding still stands
  }
}

/** `dep` is undefined for the first dependency past MAX_DEPENDENCIES: its name. */
function tomlRange(doc: ParsedDocument, known: Map<string, TomlPlace>, place: Place, dep: Dependency | undefined, spec: boolean): Range | undefined {
  const { lines, text } = doc.source;
  const found = known.get(syntheticKey(place.at));
  if (!found) return undefined;
  if (place.keyed) {
    if (spec && dep !== undefined && dep.spec !== "") {
      const value = place.specAt ? known.get(syntheticKey(place.specAt)) : found;
      if (value) return lines.range(value.value[0], value.value[1]);
    }
    const key = found.key ?? found.value;
    return lines.range(key[0], key[1]);
  }
  // A PEP 508 string: inside it when its text is its value (no escapes, not a multi-line string).
  const [start, end] = found.value;
  const quote = text[start] === text[start + 1] && text[start] === text[start + 2] ? 3 : 1;
  const raw = text.slice(start + quote, end - quote);
  const { within } = place;
  if (!within || raw !== within.value) return lines.range(start, end);
  const base = start + quote;
  return spec && dep !== undefined && dep.spec !== "" ? lines.range(base + within.specStart, base + within.specEnd) : lines.range(base + within.nameStart, base + within.nameEnd);
}
