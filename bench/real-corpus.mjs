// A benchmark corpus of real files (issue 19): `copies` copies of examples/acme-governance (a governance repository
// with every artefact kind) and of ../shared/corpus (70 public model cards, dataset cards, governance documents and
// BOMs, some of them broken), each copy's ids given a suffix so that cross-document links stay within the copy. The
// generator's corpus (generate.mjs) is uniform by design; this one has the sizes, shapes and mistakes of real files.
//
//   node bench/run.mjs --real 80 [--runs 5] [--cases io,parse,aimslint,cold]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLE = join(ROOT, "examples", "acme-governance");
export const SHARED_CORPUS = join(ROOT, "..", "shared", "corpus");
/** Ids as the example writes them: SYS-CREDIT, RISK-005, NC-2026-002, DS-CREDIT-APPS, IA-SUPPORT-BOT. */
const ID = /\b(?:SYS|RISK|RR|IA|MC|DS|SUP|NC|AUD|MR|POL|SOA|RC)-[A-Z0-9]+(?:-[A-Z0-9]+)*\b/g;
const CANDIDATE = /\.(?:ya?ml|json|md|markdown)$/i;

/** Builds (or reuses) the corpus and returns a manifest in the shape bench/run.mjs reads. */
export function realCorpus({ copies, out, regenerate = false }) {
  const manifestFile = `${out}.manifest.json`;
  if (!existsSync(SHARED_CORPUS)) throw new Error(`the real-file corpus needs ${SHARED_CORPUS}`);
  // Rebuilt when the example, the shared corpus or this builder changes.
  const builder = createHash("sha256")
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest("hex")
    .slice(0, 16);
  const sources = `${hashTree(EXAMPLE)}:${hashTree(SHARED_CORPUS)}:${builder}`;
  if (!regenerate && existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, "utf8"));
    if (m.copies === copies && m.sources === sources && existsSync(out)) return m;
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const config = readFileSync(join(EXAMPLE, "aimslint.config.yaml"), "utf8").replace(/# yaml-language-server:.*\n/, "");
  writeFileSync(join(out, "aimslint.config.yaml"), config);
  let candidateFiles = 1; // the configuration at the root
  let bytes = 0;
  const width = String(copies).length;
  for (let i = 1; i <= copies; i++) {
    const name = `copy-${String(i).padStart(width, "0")}`;
    for (const file of walk(EXAMPLE)) {
      const rel = relative(EXAMPLE, file);
      if (rel === "aimslint.config.yaml") continue;
      const text = readFileSync(file, "utf8").replace(ID, (id) => `${id}-C${i}`);
      write(join(out, name, "governance-repo", rel), text);
      if (CANDIDATE.test(rel)) {
        candidateFiles++;
        bytes += Buffer.byteLength(text);
      }
    }
    cpSync(SHARED_CORPUS, join(out, name, "public"), { recursive: true });
    for (const file of walk(join(out, name, "public"))) {
      if (!CANDIDATE.test(file)) continue;
      candidateFiles++;
      bytes += statSync(file).size;
    }
  }
  const git = (...args) => execFileSync("git", ["-C", out, "-c", "core.fsmonitor=false", ...args], { stdio: ["ignore", "pipe", "ignore"], encoding: "utf8" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "commit", "-q", "-m", "real-file corpus");
  const m = {
    real: true,
    copies,
    n: copies,
    root: out,
    sources,
    gitHead: git("rev-parse", "HEAD").trim(),
    candidateFiles,
    artefactFiles: candidateFiles,
    bytesOfCandidates: bytes,
    stagedFile: join(`copy-${String(1).padStart(width, "0")}`, "governance-repo", "governance", "risks", "RISK-005.yaml"),
    problems: {},
  };
  writeFileSync(manifestFile, `${JSON.stringify(m, null, 1)}\n`);
  return m;
}

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Names and sizes of a tree's files: enough to notice that the example or the shared corpus changed. */
function hashTree(dir) {
  const list = walk(dir)
    .map((f) => `${relative(dir, f)}:${statSync(f).size}`)
    .sort();
  return createHash("sha256").update(list.join("\n")).digest("hex").slice(0, 16);
}
