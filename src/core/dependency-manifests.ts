// Dependency manifests (package.json, requirements files, pyproject.toml, Pipfile), the lock files that fix what
// they install, and the names of AI SDKs among their dependencies (the catalogue's `packages`). Data and small
// pure functions only: discovery, the sources and the rules read them from here (docs/ai-use.md).
import catalogue from "./ai-use-catalogue.json" with { type: "json" };

export type Ecosystem = "npm" | "pypi";
export type ManifestFormat = "package.json" | "requirements" | "pyproject.toml" | "Pipfile";

export interface ManifestInfo {
  ecosystem: Ecosystem;
  /** Lock files that fix this manifest's versions when they sit in its folder. */
  locks: readonly string[];
  /** Those of `locks` that also count from a folder above, up to the project root (workspaces). */
  locksAbove: readonly string[];
}

export const MANIFESTS: Readonly<Record<ManifestFormat, ManifestInfo>> = {
  // npm, Yarn, pnpm and Bun workspaces keep one lock file at the workspace root.
  "package.json": {
    ecosystem: "npm",
    locks: ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"],
    locksAbove: ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"],
  },
  // A uv workspace keeps uv.lock at its root, beside the root pyproject.toml, above its members'.
  "pyproject.toml": { ecosystem: "pypi", locks: ["poetry.lock", "uv.lock", "pdm.lock"], locksAbove: ["uv.lock"] },
  Pipfile: { ecosystem: "pypi", locks: ["Pipfile.lock"], locksAbove: [] },
  // A requirements file has no lock file of its own: pinned requirements (==) are its lock.
  requirements: { ecosystem: "pypi", locks: [], locksAbove: [] },
};

/**
 * Dependencies read of one manifest at most: real ones list hundreds. A hostile file of 4 MiB could list 300,000,
 * each a finding to build and sort; past this many the rest is not read, and the file says so in one finding.
 */
export const MAX_DEPENDENCIES = 10_000;

/** Every lock file name: discovery records where they are (never reading them). */
export const LOCK_FILE_NAMES: ReadonlySet<string> = new Set([...Object.values(MANIFESTS).flatMap((m) => m.locks), "Pipfile.lock"]);

/** requirements.txt, requirements-dev.txt, dev-requirements.txt, requirements/base.txt. */
const REQUIREMENTS = /(?:^|\/)(?:[^/]*[-_.])?requirements(?:[-_.][^/]*)?\.txt$|(?:^|\/)requirements\/[^/]+\.txt$/i;

/** The manifest format of a file, by its name (and, for requirements files, its folder) only. */
export function manifestFormatOf(path: string): ManifestFormat | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base === "package.json") return "package.json";
  if (base === "pyproject.toml") return "pyproject.toml";
  if (base === "Pipfile") return "Pipfile";
  // Called for every file a scan lists: the regular expression only for the few text files.
  const dot = base.lastIndexOf(".");
  if (dot === -1 || base.slice(dot + 1).toLowerCase() !== "txt") return undefined;
  return REQUIREMENTS.test(path) ? "requirements" : undefined;
}

/**
 * The lock files that fix the versions of the manifest at `path`: those of its format in its folder, and the ones
 * that also count from above in each folder up to `root` (all display paths, forward slashes, as discovery gives
 * them; `root` is the project root's display path, "." for the working directory).
 */
export function applicableLockFiles(path: string, format: ManifestFormat, lockFiles: ReadonlySet<string>, root: string): string[] {
  const info = MANIFESTS[format];
  const found: string[] = [];
  let dir = dirnameOf(path);
  for (let names = info.locks; names.length > 0; names = info.locksAbove) {
    for (const name of names) {
      const candidate = dir === "." ? name : `${dir}/${name}`;
      if (lockFiles.has(candidate)) found.push(candidate);
    }
    if (dir === root || dir === "." || dir === "/" || /(?:^|\/)\.\.$/.test(dir)) break;
    dir = dirnameOf(dir);
  }
  return found;
}

function dirnameOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "." : slash === 0 ? "/" : path.slice(0, slash);
}

/** A PyPI name as PEP 503 compares it: lower case, runs of `-`, `_` and `.` as one `-`. */
export function normalisePypi(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

/** Names as the catalogue writes them; `*` stands for any run of characters but `/` (`@ai-sdk/*`, `langchain-*`). */
export type PackagePatterns = Readonly<Record<Ecosystem, readonly string[]>>;

export const CATALOGUED_PACKAGES: PackagePatterns = catalogue.packages;

/** Whether a dependency name is one of `patterns` (case aside; PyPI names compared as PEP 503 normalises them). */
export type PackageMatcher = (name: string) => boolean;

const matchers = new WeakMap<readonly string[], PackageMatcher>();

export function packageMatcher(ecosystem: Ecosystem, patterns: readonly string[]): PackageMatcher {
  let matcher = matchers.get(patterns);
  if (!matcher) {
    const norm = ecosystem === "pypi" ? normalisePypi : (name: string) => name.toLowerCase();
    const exact = new Set<string>();
    const globs: RegExp[] = [];
    for (const pattern of patterns) {
      const p = norm(pattern);
      if (!p.includes("*")) exact.add(p);
      else globs.push(new RegExp(`^${p.split("*").map(escapeForRegExp).join("[^/]*")}$`));
    }
    matcher = (name) => {
      const n = norm(name.trim());
      return exact.has(n) || globs.some((g) => g.test(n));
    };
    matchers.set(patterns, matcher);
  }
  return matcher;
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A cheap test of a manifest's text, before any parse: can it name one of the packages? Generous (a name anywhere, in
 * any case, with any of `-_.` between its parts; any backslash, which may escape a name in JSON or TOML), never
 * stingy: a text it refuses names none of them. Most package.json files of a repository name no AI SDK.
 */
export function mayNamePackage(text: string, ecosystem: Ecosystem, patterns: readonly string[]): boolean {
  let re = mentions.get(patterns);
  if (!re) {
    const words = patterns.map((p) =>
      (ecosystem === "pypi" ? normalisePypi(p) : p.toLowerCase())
        .split("*")
        .map((part) => (ecosystem === "pypi" ? part.split("-").map(escapeForRegExp).join("[-_.]+") : escapeForRegExp(part)))
        .join("[^\\s\"'/]*"),
    );
    // npm names are JSON strings ("openai"); PyPI names stand at a word's edge in TOML or requirements lines.
    re = ecosystem === "npm" ? new RegExp(`"(?:${words.join("|")})"|\\\\`, "i") : new RegExp(`(?<![A-Za-z0-9])(?:${words.join("|")})(?![A-Za-z0-9])|\\\\`, "i");
    mentions.set(patterns, re);
  }
  return re.test(text);
}

const mentions = new WeakMap<readonly string[], RegExp>();
