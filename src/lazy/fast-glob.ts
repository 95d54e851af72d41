// Sidecar module: bundled to dist/fast-glob.cjs and loaded only when a scan walks a folder outside git or expands
// a glob, so that the common pre-commit run does not pay for compiling it (scripts/build.mjs, "sidecars").
import fg from "fast-glob";

// A named export: the bundle's require() of this sidecar keeps named exports as they are, while `default` would be
// wrapped once more.
export const fastGlob = fg;
