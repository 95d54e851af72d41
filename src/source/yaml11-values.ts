// Values that YAML 1.1 types written with an explicit tag turn into. The YAML parser resolves `!!binary`, `!!set`,
// `!!omap` and `!!timestamp` even in YAML 1.2 mode, into bytes, a Set, a Map and a Date: none is a JSON value, and
// all are objects to JavaScript, so without this they would be described as "a mapping".
import { setOwn } from "../util/detach.js";

export interface Yaml11Value {
  /** What the author wrote, for messages: "bytes", "a set", "an ordered map", "a date". */
  noun: string;
  tag: "!!binary" | "!!set" | "!!omap" | "!!timestamp";
}

export function yaml11Value(value: unknown): Yaml11Value | undefined {
  if (value instanceof Uint8Array) return { noun: "bytes", tag: "!!binary" };
  if (value instanceof Set) return { noun: "a set", tag: "!!set" };
  if (value instanceof Map) return { noun: "an ordered map", tag: "!!omap" };
  if (value instanceof Date) return { noun: "a date", tag: "!!timestamp" };
  return undefined;
}

/** Matches no JSON Schema type, so a YAML 1.1 value fails every `type` and `enum` as what it is: not JSON. */
const NOT_JSON = Symbol("YAML 1.1 value");

/**
 * `data` with every YAML 1.1 value replaced by a marker that matches no JSON Schema type, for the validator: a set,
 * ordered map or date otherwise passes ajv's "object" check as a mapping with no keys. Messages still describe the
 * original value. Unchanged parts are shared, not copied; aliased nodes are visited once.
 */
export function withoutYaml11Values(data: unknown, done = new Map<object, unknown>()): unknown {
  if (yaml11Value(data)) return NOT_JSON;
  if (data === null || typeof data !== "object") return data;
  if (done.has(data)) return done.get(data);
  const entries = Object.entries(data);
  let copy: Record<string, unknown> | unknown[] | undefined;
  for (const [key, value] of entries) {
    const replaced = withoutYaml11Values(value, done);
    if (replaced === value) continue;
    copy ??= Array.isArray(data) ? [...(data as unknown[])] : { ...data };
    setOwn(copy, key, replaced);
  }
  done.set(data, copy ?? data);
  return copy ?? data;
}
