// Where a run's project is: the folder of its configuration, else the git work tree, else the folder asked about.
// Nothing else is imported here: the CLI's loader works the project out before it loads the CLI, to start git
// listing it early (pipeline/git-listing.ts).
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const CONFIG_NAMES = ["aimslint.config.yaml", "aimslint.config.yml", "aimslint.config.json"];

/** What `look` finds in `dir` or the nearest folder above it that has it. */
function findUp<T>(dir: string, look: (dir: string) => T | undefined): T | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const found = look(current);
    if (found !== undefined) return found;
    if (dirname(current) === current) return undefined;
  }
}

/** The nearest configuration file at or above `startDir` (load-config.ts's findConfig also refuses links out). */
export function nearestConfigFile(startDir: string): string | undefined {
  return findUp(startDir, (dir) => CONFIG_NAMES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate) && statSync(candidate).isFile()));
}

/** The enclosing git work tree: configuration files may not reach above it. */
export function gitTop(dir: string): string | undefined {
  return findUp(dir, (current) => (existsSync(join(current, ".git")) ? current : undefined));
}

/**
 * Where to look for the configuration: the first path named (its folder, for a file), or `cwd` when nothing or a
 * glob is named.
 */
export function configStartDir(cwd: string, paths: readonly string[]): string {
  const first = paths[0];
  if (!first || /[*?[\]{}]/.test(first)) return cwd;
  const abs = resolve(cwd, first);
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return cwd;
  }
}

/** Without a configuration, the project is the git work tree (a hook passes files from many folders), else the folder. */
export function projectRoot(configFile: string | undefined, startDir: string): string {
  return configFile ? resolve(configFile, "..") : (gitTop(resolve(startDir)) ?? resolve(startDir));
}

/** The project a check of `paths` (with --config `configFile`) will resolve to, before any configuration is read. */
export function expectedProjectRoot(cwd: string, paths: readonly string[], configFile: string | undefined): string {
  const startDir = configStartDir(cwd, paths);
  return projectRoot(configFile === undefined ? nearestConfigFile(startDir) : resolve(cwd, configFile), startDir);
}
