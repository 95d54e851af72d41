// Dependencies on AI SDKs, read from a dependency manifest's view (source/manifest-view.ts): whether a dependency is
// an AI package of the catalogue (core/ai-use-catalogue.json `packages`, plus the organisation's aiUse.packages, which
// reach the rules as options), and whether its version is fixed, by the spec itself or by a lock file. Specs are
// untrusted text: always quoted when shown.
import { CATALOGUED_PACKAGES, type Ecosystem, type ManifestFormat, MANIFESTS, packageMatcher } from "../../core/dependency-manifests.js";
import { quote } from "../../util/text.js";
import type { CheckFunction } from "../types.js";

const withAdditions = new WeakMap<Record<string, unknown>, Record<Ecosystem, readonly string[]>>();

function patternsFor(options: Record<string, unknown>, ecosystem: Ecosystem): readonly string[] {
  const extra = options[ecosystem];
  if (!Array.isArray(extra) || extra.length === 0) return CATALOGUED_PACKAGES[ecosystem];
  let both = withAdditions.get(options);
  if (!both) {
    const npm = Array.isArray(options["npm"]) ? (options["npm"] as string[]) : [];
    const pypi = Array.isArray(options["pypi"]) ? (options["pypi"] as string[]) : [];
    both = { npm: [...CATALOGUED_PACKAGES.npm, ...npm], pypi: [...CATALOGUED_PACKAGES.pypi, ...pypi] };
    withAdditions.set(options, both);
  }
  return both[ecosystem];
}

const ecosystemOf = (data: Record<string, unknown>): Ecosystem | undefined => (data["ecosystem"] === "npm" || data["ecosystem"] === "pypi" ? data["ecosystem"] : undefined);

/** Fails unless the value (a dependency's name) is an AI SDK or framework of the catalogue. For `when` conditions. */
export const aiPackage: CheckFunction = ({ value, exists, artefact, options }) => {
  const ecosystem = ecosystemOf(artefact.data);
  if (!exists || typeof value !== "string" || !ecosystem) return [{ message: "no package name" }];
  return packageMatcher(ecosystem, patternsFor(options, ecosystem))(value) ? [] : [{ message: "not an AI package (catalogue: src/core/ai-use-catalogue.json)" }];
};

/** What a spec leaves open, in words for a message; undefined when it fixes one version (or the code is local). */
export function openSpec(spec: string, ecosystem: Ecosystem, hashed = false): string | undefined {
  const s = spec.trim();
  return ecosystem === "npm" ? openNpm(s) : hashed ? undefined : openPypi(s);
}

const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
const SEMVER = /^(?:=|v|=v)?\s*\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function openNpm(spec: string): string | undefined {
  // npm:other-name@1.2.3, an alias: its own spec decides.
  const alias = /^npm:(?:@[^/@\s]+\/)?[^@\s]+(?:@(.*))?$/.exec(spec);
  const s = alias ? (alias[1] ?? "").trim() : spec;
  if (s === "" || s === "*" || s === "x") return "any version";
  // The code is in the repository or its workspace, or its version is set elsewhere (a pnpm catalog): no supplier's release.
  if (/^(?:file|link|workspace|portal|catalog):/.test(s)) return undefined;
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:|ssh:)/.test(s) || /^[\w.-]+\/[\w.-]+(?:#|$)/.test(s)) {
    const ref = s.includes("#") ? s.slice(s.lastIndexOf("#") + 1) : "";
    return COMMIT.test(ref) ? undefined : `${quote(spec)}, a Git source that names no commit`;
  }
  if (/^https?:/.test(s)) return `${quote(spec)}, a URL whose content may change`;
  if (SEMVER.test(s)) return undefined;
  if (/^[A-Za-z][\w.-]*$/.test(s)) return `the tag ${quote(spec)}`;
  return `the range ${quote(spec)}`;
}

function openPypi(spec: string): string | undefined {
  if (spec === "" || spec === "*") return "any version";
  if (/^file:/.test(spec)) return undefined;
  if (/^(?:git|hg|svn|bzr)\+/i.test(spec)) {
    // git+https://host/org/repo.git@<commit>#egg=name: the revision is after the path's last @.
    const url = spec.replace(/#.*$/, "");
    const path = url.slice(url.indexOf("://") + 3);
    const at = path.indexOf("/") === -1 ? -1 : path.lastIndexOf("@");
    const ref = at > path.indexOf("/") ? path.slice(at + 1) : "";
    return COMMIT.test(ref) ? undefined : `${quote(spec)}, a VCS source that names no commit`;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) return `${quote(spec)}, a URL whose content may change`;
  const clauses = spec.split(",").map((c) => c.trim());
  if (clauses.some((c) => /^===\s*\S/.test(c) || /^==\s*[^*\s]+$/.test(c))) return undefined;
  // Poetry reads a bare version as that version exactly.
  if (clauses.length === 1 && /^\d+(?:\.\d+)*[A-Za-z0-9.+!-]*$/.test(spec)) return undefined;
  return `the range ${quote(spec)}`;
}

/** Which lock file would fix the manifest's versions, in words. */
const NO_LOCK: Record<ManifestFormat, string> = {
  "package.json": "with no lock file in its folder or above",
  "pyproject.toml": `with no ${MANIFESTS["pyproject.toml"].locks.join(", ")} beside it`,
  Pipfile: "with no Pipfile.lock beside it",
  requirements: "in a requirements file, which has no lock file",
};

/**
 * A dependency of a manifest's view (`{ name, spec, section, hashed? }`) whose version is not fixed: its spec is open
 * and no lock file applies to the manifest (its view's `lockFiles` is empty). The finding is on the spec.
 */
export const pinnedDependency: CheckFunction = ({ value, exists, artefact }) => {
  const ecosystem = ecosystemOf(artefact.data);
  if (!exists || value === null || typeof value !== "object" || !ecosystem) return [];
  const lockFiles = artefact.data["lockFiles"];
  if (Array.isArray(lockFiles) && lockFiles.length > 0) return [];
  const { name, spec, section, hashed } = value as Record<string, unknown>;
  if (typeof name !== "string" || typeof spec !== "string") return [];
  const open = openSpec(spec, ecosystem, hashed === true);
  if (open === undefined) return [];
  const where = typeof section === "string" && section !== "requirements" ? ` in "${section}"` : "";
  const lock = NO_LOCK[artefact.data["manifest"] as ManifestFormat] ?? "with no lock file";
  return [
    {
      message: `AI package ${quote(name)}${where} is required as ${open}, ${lock}: each install may bring another release of the provider's SDK, and the AI system may behave differently.`,
      at: ["spec"],
    },
  ];
};
