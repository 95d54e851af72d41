// Shared by scripts/build.mjs (the precompiled validators) and src/lazy/ajv-runtime.ts (organisation kinds), so
// plain JavaScript with a declaration file beside it.
//
// ajv's code for `unevaluatedProperties` records the keys it has evaluated in a plain object (`var props0 = {}`)
// and asks `props0[key]`: a key named like an Object.prototype member (constructor, toString, __proto__…) is then
// inherited, counts as evaluated, and is never reported as unknown (same defect class as ajv-validator/ajv#2664).
// Objects without a prototype make the lookup see own keys only.
const PROPS_INIT = /(\bprops\d+ = (?:props\d+ \|\| )?)\{\}/g;

/** ajv-generated validator code with prototype-free evaluated-property records. */
export function withPrototypeFreeProps(code) {
  return code.replace(PROPS_INIT, "$1Object.create(null)");
}
