import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // Set-up and clean-up copy or delete whole repositories (a pre-commit environment, an npm install): under a
    // loaded machine that takes more than vitest's default 10 s, which is a slow machine, not a failure.
    hookTimeout: 180_000,
    // The CLIs the tests start keep their index cache here, not in the user's cache folder.
    env: { AIMSLINT_CACHE_DIR: mkdtempSync(join(tmpdir(), "aimslint-test-cache-")) },
  },
});
