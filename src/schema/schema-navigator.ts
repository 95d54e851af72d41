// Finds which properties a schema allows at a path, for "did you mean" on unknown keys.
// Reads schemas/*.schema.json lazily: only a run that meets an unknown key pays for it.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PathSegment } from "../source/locator.js";
import { packageRoot } from "../util/package-root.js";

type Schema = Record<string, unknown>;

const cache = new Map<string, Schema | undefined>();

function load(file: string): Schema | undefined {
  if (!cache.has(file)) {
    try {
      cache.set(file, JSON.parse(readFileSync(join(packageRoot(), "schemas", file), "utf8")) as Schema);
    } catch {
      cache.set(file, undefined);
    }
  }
  return cache.get(file);
}

/** Follow $ref (same file or a sibling file) and collect the schema plus all its applicator branches. */
function expand(schema: Schema, file: string, out: { schema: Schema; file: string }[], depth = 0): void {
  if (depth > 20) return;
  out.push({ schema, file });
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    const [refFile, fragment = ""] = ref.split("#");
    const targetFile = refFile ? join(dirname(file), refFile.slice(refFile.lastIndexOf("/") + 1)) : file;
    let target: unknown = load(targetFile);
    for (const part of fragment.split("/").filter(Boolean)) target = (target as Schema | undefined)?.[decodeURIComponent(part)];
    if (target && typeof target === "object") expand(target as Schema, targetFile, out, depth + 1);
  }
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const b of branches) if (b && typeof b === "object") expand(b as Schema, file, out, depth + 1);
  }
  for (const key of ["then", "else"]) {
    const b = schema[key];
    if (b && typeof b === "object") expand(b as Schema, file, out, depth + 1);
  }
}

/** `rootFile` is relative to schemas/, e.g. "risk.schema.json" or "meta/config.schema.json". */
export function propertiesAt(rootFile: string, path: readonly PathSegment[]): string[] {
  const root = load(rootFile);
  if (!root) return [];
  let current: { schema: Schema; file: string }[] = [];
  expand(root, rootFile, current);
  for (const segment of path) {
    const next: { schema: Schema; file: string }[] = [];
    for (const { schema, file } of current) {
      const props = schema["properties"] as Record<string, Schema> | undefined;
      const child = typeof segment === "number" ? (schema["items"] as Schema | undefined) : props?.[segment];
      if (child && typeof child === "object") expand(child, file, next);
    }
    current = next;
  }
  const names = new Set<string>();
  for (const { schema } of current) {
    const props = schema["properties"];
    if (props && typeof props === "object") for (const name of Object.keys(props)) names.add(name);
  }
  return [...names];
}
