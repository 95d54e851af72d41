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

/** ajv-generated validator code with prototype-free evaluated-property records and linear error collection. */
export function fixValidatorCode(code) {
  return code.replace(PROPS_INIT, "$1Object.create(null)").replace(ERRORS_CONCAT, "vErrors = vErrors === null ? $1.errors.slice() : (Array.prototype.push.apply(vErrors, $1.errors), vErrors)");
}

/** Whether generated code still holds a pattern fixValidatorCode exists to remove. */
export function unfixedValidatorCode(code) {
  return /vErrors\.concat\(/.test(code);
}
