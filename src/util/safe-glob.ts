// Globs from the repository (configuration `overrides`, `ignore`, `kinds.*.files`, `ruleFiles`, an AI system's
// `ai_use.paths`) become picomatch's regular expressions, which backtrack: `*a*a*a*a*a*a*b` against a 255-character
// file name, or several `**` against a deep path, would take years. A glob with at most one run of `*` is linear
// there and stays on picomatch; one with more, or with extglob groups, runs on the linear engine (safe-regex.ts):
// picomatch's own expression, less the lookaheads that only keep `*` off `.` and `..` segments and empty names,
// which a repository path (relative, normalised, no empty segment) never has. What still needs a lookahead (an
// extglob negation `!(…)`) is refused.
import picomatch from "picomatch";
import { linearPattern, UnsafePatternError } from "./safe-regex.js";

/** The lookaheads picomatch adds with `dot: true`, true of every normalised relative path. */
const PATH_LOOKAHEADS = ["(?!\\.{1,2}(?:\\/|$))", "(?!(?:^|\\/)\\.{1,2}(?:\\/|$))", "(?!\\.{0,1}(?:\\/|$))"];

/** Whether picomatch's expression for `glob` could backtrack more than linearly. */
export function needsLinearEngine(glob: string): boolean {
  return (glob.match(/\*+/g)?.length ?? 0) > 1 || /[!@+*?]\(/.test(glob);
}

/** A matcher for one glob, as picomatch(glob, { dot: true }) would match; throws UnsafePatternError. */
export function globMatcher(glob: string): (path: string) => boolean {
  if (!needsLinearEngine(glob)) return picomatch(glob, { dot: true });
  let negated = false;
  let body = glob;
  while (body.startsWith("!") && !body.startsWith("!(")) {
    negated = !negated;
    body = body.slice(1);
  }
  let source = picomatch.makeRe(body, { dot: true }).source;
  for (const lookahead of PATH_LOOKAHEADS) source = source.split(lookahead).join("");
  // `(?=.)` ("a character follows") holds whenever something follows that must consume one; before a last `*`
  // at the very end it says that `*` is not empty.
  source = source
    .replace(/\(\?=\.\)\[\^\/\]\*\?(?=(?:\\\/\?)?\)+\$$)/, "[^/]+?")
    .split("(?=.)")
    .join("");
  source = unicodeModeEscapes(source);
  if (/\(\?<?[=!]/.test(source)) throw new UnsafePatternError(`glob ${JSON.stringify(glob)} needs a negative lookahead (an extglob !(…)), which no linear-time engine can run`);
  const re = linearPattern(source, 20_000);
  // picomatch also takes a path equal to the glob's text as a match.
  return (path) => (path === body || re.test(path)) !== negated;
}

const compiled = new WeakMap<readonly string[], (path: string) => boolean>();

/** globsMatcher for a list that is kept (the configuration's), compiled once. */
export function cachedGlobsMatcher(globs: readonly string[]): (path: string) => boolean {
  let matcher = compiled.get(globs);
  if (!matcher) compiled.set(globs, (matcher = globsMatcher(globs)));
  return matcher;
}

/** Any of the globs matches, as picomatch(globs, { dot: true }). */
export function globsMatcher(globs: string | readonly string[]): (path: string) => boolean {
  const matchers = (typeof globs === "string" ? [globs] : globs).map(globMatcher);
  if (matchers.length === 0) return () => false;
  return matchers.length === 1 ? matchers[0]! : (path) => matchers.some((m) => m(path));
}

/**
 * picomatch escapes punctuation such as `-` outside classes, which `u` mode (the linear engine's syntax) refuses:
 * there, only syntax characters and `/` may be escaped, and `-` too inside a class.
 */
function unicodeModeEscapes(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      i++;
      const allowed = /[A-Za-z0-9^$\\.*+?()[\]{}|/]/.test(next) || (inClass && next === "-");
      out += allowed ? `\\${next}` : next;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    out += c;
  }
  return out;
}
