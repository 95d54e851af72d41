// For tests that start the CLI with an environment of their own.

/** The test run's cache folder (vitest.config.ts): without it, the CLI would keep its caches in the user's. */
export const TEST_CACHE: Record<string, string> = process.env["AIMSLINT_CACHE_DIR"] ? { AIMSLINT_CACHE_DIR: process.env["AIMSLINT_CACHE_DIR"] } : {};
