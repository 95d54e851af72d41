// Path expressions used by rules: `treatment.controls`, `controls[*].evidence`, `impacts.*[*]`.
// `*` and `[*]` fan out over mapping values and list items; everything else is a literal step.
import type { PathSegment } from "../source/locator.js";

export type Step = { key: string } | { index: number } | { any: true };

/** Rules name a few dozen paths and use them on every artefact: parse each once. */
const parsed = new Map<string, readonly Step[]>();

export function parsePath(expression: string): readonly Step[] {
  let steps = parsed.get(expression);
  if (!steps) {
    steps = parseFresh(expression);
    if (parsed.size < 10_000) parsed.set(expression, steps);
  }
  return steps;
}

function parseFresh(expression: string): Step[] {
  const steps: Step[] = [];
  if (expression === "" || expression === "$") return steps;
  const re = /\[(\*|\d+)\]|\.?([^.[\]]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(expression))) {
    if (m.index !== consumed) throw new Error(`Invalid path "${expression}" at character ${consumed + 1}.`);
    consumed = re.lastIndex;
    if (m[1] === "*") steps.push({ any: true });
    else if (m[1] !== undefined) steps.push({ index: Number(m[1]) });
    else if (m[2] === "*") steps.push({ any: true });
    else steps.push({ key: m[2] as string });
  }
  if (consumed !== expression.length) throw new Error(`Invalid path "${expression}" at character ${consumed + 1}.`);
  return steps;
}

export interface Match {
  path: PathSegment[];
  value: unknown;
  /** False when a literal step found nothing: the value is missing at `path`. */
  exists: boolean;
}

/**
 * Every place the path reaches from `value`. A literal step that finds nothing yields one missing match (so
 * "must be present" can report it); a wildcard over nothing yields no match (nothing to check).
 */
export function resolvePath(value: unknown, steps: readonly Step[], base: PathSegment[] = []): Match[] {
  const literal = literalSegments(steps);
  return literal ? [resolveLiteral(value, literal, base)] : walkPath(value, steps, base);
}

/** The general walk, for paths with wildcards (exported for the test that checks the literal shortcut against it). */
export function walkPath(value: unknown, steps: readonly Step[], base: PathSegment[] = []): Match[] {
  let current: Match[] = [{ path: base, value, exists: true }];
  for (const step of steps) {
    const next: Match[] = [];
    for (const m of current) {
      if (!m.exists) {
        // Keep naming the missing path in full ("acceptance.by", not "acceptance"); the Locator still points at
        // the nearest part that exists.
        // A wildcard under something missing reaches nothing: there is nothing to check there.
        if (!("any" in step)) next.push({ ...m, path: [...m.path, "key" in step ? step.key : step.index] });
        continue;
      }
      const v = m.value;
      if ("any" in step) {
        if (Array.isArray(v)) for (let i = 0; i < v.length; i++) next.push({ path: [...m.path, i], value: v[i], exists: true });
        else if (v !== null && typeof v === "object") for (const [k, item] of Object.entries(v)) next.push({ path: [...m.path, k], value: item, exists: true });
        continue;
      }
      const segment: PathSegment = "key" in step ? step.key : step.index;
      const has = v !== null && typeof v === "object" && Object.hasOwn(v, segment);
      next.push({ path: [...m.path, segment], value: has ? (v as Record<string, unknown>)[segment as string] : undefined, exists: has });
    }
    current = next;
  }
  return current;
}

/**
 * Most rule paths have no wildcard ("owner", "treatment.controls"): they reach exactly one place, found without
 * the intermediate lists and path copies of the general walk (which ran for every rule on every artefact).
 */
const literals = new WeakMap<readonly Step[], PathSegment[] | null>();

function literalSegments(steps: readonly Step[]): PathSegment[] | null {
  let segments = literals.get(steps);
  if (segments === undefined) {
    segments = steps.every((step) => !("any" in step)) ? steps.map((step) => ("key" in step ? step.key : (step as { index: number }).index)) : null;
    literals.set(steps, segments);
  }
  return segments;
}

/** What resolvePath's general walk gives for a path without wildcards, in one pass. */
function resolveLiteral(value: unknown, segments: readonly PathSegment[], base: PathSegment[]): Match {
  let current = value;
  let exists = true;
  for (const segment of segments) {
    if (exists && current !== null && typeof current === "object" && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment as string];
    } else {
      exists = false;
      current = undefined;
    }
  }
  return { path: segments.length === 0 ? base : base.concat(segments), value: current, exists };
}
