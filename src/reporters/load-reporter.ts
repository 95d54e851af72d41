// The reporter of a run, loaded when the run asks for it: a pre-commit run prints `stylish`, and the code of the
// other formats (XML, fingerprints, the SARIF rule catalogue) is never initialised for it. In the bundle each
// import() is a module initialised on first use (scripts/build.mjs bundles them into dist/cli-main.cjs).
import type { Format } from "./formats.js";
import type { Reporter } from "./types.js";

/** Every name in formats.ts must have its loader here, and only those: the type says so. */
const LOADERS: Record<Format, () => Promise<Reporter>> = {
  stylish: async () => (await import("./stylish.js")).stylish,
  json: async () => (await import("./json.js")).json,
  github: async () => (await import("./github.js")).github,
  sarif: async () => (await import("./sarif.js")).sarif,
  junit: async () => (await import("./junit.js")).junit,
  gitlab: async () => (await import("./gitlab.js")).gitlab,
  html: async () => (await import("./html.js")).html,
};

export function loadReporter(format: Format): Promise<Reporter> {
  return LOADERS[format]();
}
