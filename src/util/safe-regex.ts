// Regular expressions from configuration and custom rules are data from the repository: they must not be able
// to hang the scan. Patterns with nested quantifiers (the classic catastrophic-backtracking shape) are refused.

export class UnsafePatternError extends Error {}

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/;
const BACKREFERENCE = /\\[1-9]/;
const MAX_LENGTH = 500;

const cache = new Map<string, RegExp>();

export function checkPattern(source: string): string | undefined {
  if (source.length > MAX_LENGTH) return `pattern is longer than ${MAX_LENGTH} characters`;
  if (NESTED_QUANTIFIER.test(source)) return "pattern repeats a group that itself repeats (e.g. (a+)+), which can take exponential time";
  if (BACKREFERENCE.test(source)) return "pattern uses a back-reference, which can take exponential time";
  try {
    new RegExp(source, "u");
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

export function safePattern(source: string): RegExp {
  let re = cache.get(source);
  if (!re) {
    const problem = checkPattern(source);
    if (problem) throw new UnsafePatternError(problem);
    re = new RegExp(source, "u");
    cache.set(source, re);
  }
  return re;
}
