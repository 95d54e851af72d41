// Bundles fuzz/harness.ts (the real pipeline from src/, plus the invariants the tests check) into
// build/fuzz/harness.cjs, so that the fuzzer runs it in plain Node worker threads without a TypeScript loader.
// build/ is git-ignored. The bundle must live inside the package: src/util/package-root.ts finds schemas/ by
// walking up from it.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function buildHarness() {
  const outfile = join(root, "build", "fuzz", "harness.cjs");
  await build({
    entryPoints: [join(root, "fuzz", "harness.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    define: { "import.meta.url": "__fuzz_import_meta_url", __AIMSLINT_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version) },
    banner: { js: "const __fuzz_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildHarness());
