// The validators precompiled from schemas/ by scripts/build.mjs, looked up by kind.
import compiled from "../../build/validators.cjs";
import type { Validator } from "./validate.js";

const table = compiled as unknown as Record<string, Validator | undefined>;

export function builtInValidator(kind: string): Validator | undefined {
  return Object.hasOwn(table, kind) ? table[kind] : undefined;
}
