// Fixes to the JavaScript that ajv generates, applied by scripts/build.mjs (the precompiled validators) and
// src/lazy/ajv-runtime.ts (organisation kinds): plain JavaScript with a declaration file beside it, so that the
// build script can import it too. The build fails if a new ajv generates code these no longer recognise.

// ajv's code for `unevaluatedProperties` records the keys it has evaluated in a plain object (`var props0 = {}`)
// and asks `props0[key]`: a key named like an Object.prototype member (constructor, toString, __proto__…) is then
// inherited, counts as evaluated, and is never reported as unknown (same defect class as ajv-validator/ajv#2664).
// Objects without a prototype make the lookup see own keys only.
const PROPS_INIT = /(\bprops\d+ = (?:props\d+ \|\| )?)\{\}/g;

// With allErrors, the errors of a referenced schema are added with `vErrors = vErrors.concat(validateN.errors)`,
// which copies every error found so far: quadratic in the number of errors (a register of 10,000 broken entries
// spent seconds there). Appending in place is linear.
const ERRORS_CONCAT = /vErrors = vErrors === null \? (\w+)\.errors : vErrors\.concat\(\1\.errors\)/g;

// uniqueItems compares every pair of items with a deep equality unless ajv knows the items are of one scalar type:
// quadratic in the list's length (an organisation schema's list of 40,000 objects: 8 * 10^8 comparisons). One pass
// with a map from each item's canonical JSON (keys sorted; JSON values are deep-equal exactly when these are) finds
// the same pair the loop finds: the highest index i that repeats an earlier item, and the latest such earlier j.
const PAIRWISE_UNIQUE = /(outer\d+):for\(;(i\d+)--;\)\{for\((j\d+) = \2; \3--;\)\{if\(func\d+\((\w+)\[\2\], \4\[\3\]\)\)\{([\s\S]*?)break \1;\}\}\}/g;
const CANONICAL =
  'const uqKey = (v) => v === null || typeof v !== "object" ? JSON.stringify(v) : Array.isArray(v) ? "[" + v.map(uqKey).join(",") + "]" : "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + uqKey(v[k])).join(",") + "}";';

function linearUnique(_match, _label, i, j, data, report) {
  return `{${CANONICAL}const uqSeen = new Map();let uqI = -1, uqJ = -1;for (let uqN = 0; uqN < ${data}.length; uqN++) {const uqK = uqKey(${data}[uqN]);const uqAt = uqSeen.get(uqK);if (uqAt !== undefined) {uqI = uqN;uqJ = uqAt;}uqSeen.set(uqK, uqN);}if (uqI >= 0) {${i} = uqI;${j} = uqJ;${report}}}`;
}

/**
 * ajv-generated validator code with prototype-free evaluated-property records, linear error collection and linear
 * uniqueItems.
 */
export function fixValidatorCode(code) {
  return code
    .replace(PROPS_INIT, "$1Object.create(null)")
    .replace(ERRORS_CONCAT, "vErrors = vErrors === null ? $1.errors.slice() : (Array.prototype.push.apply(vErrors, $1.errors), vErrors)")
    .replace(PAIRWISE_UNIQUE, linearUnique);
}

/** Whether generated code still holds a pattern fixValidatorCode exists to remove. */
export function unfixedValidatorCode(code) {
  return /vErrors\.concat\(|\bouter\d+:/.test(code);
}
