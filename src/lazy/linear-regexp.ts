// Sidecar module: re2js, a pure JavaScript port of RE2, bundled to dist/linear-regexp.cjs and required on the first
// regular expression a repository supplies (src/util/safe-regex.ts), so that a run without one never loads it.
export { RE2JS } from "re2js";
