// Where aimslint keeps what it may forget: the index cache (pipeline/index-cache.ts) and compiled code
// (cli-loader.ts). Never inside the scanned repository.
import { homedir } from "node:os";
import { join } from "node:path";

/** The default cache folder: $AIMSLINT_CACHE_DIR, else the platform's user cache folder. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env["AIMSLINT_CACHE_DIR"]) return env["AIMSLINT_CACHE_DIR"];
  if (process.platform === "win32") return env["LOCALAPPDATA"] ? join(env["LOCALAPPDATA"], "aimslint", "Cache") : undefined;
  if (env["XDG_CACHE_HOME"]) return join(env["XDG_CACHE_HOME"], "aimslint");
  const home = env["HOME"] ?? safeHomedir();
  if (!home) return undefined;
  return process.platform === "darwin" ? join(home, "Library", "Caches", "aimslint") : join(home, ".cache", "aimslint");
}

function safeHomedir(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}
