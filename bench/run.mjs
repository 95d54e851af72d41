#!/usr/bin/env node
// The benchmark: aimslint against the floors (I/O, parse, validate) and the peers (ajv-cli, Spectral), side by side on
// the same generated corpus, several runs, medians. See docs/performance.md.
//
//   node bench/run.mjs [--sizes 100,1000,10000] [--runs 5] [--skip-spectral-over 1000] [--spectral-runs N]
//                      [--timeout 900] [--cases io,parse,jsyaml,validate,ajv,spectral,aimslint,cold] [--regenerate]
//                      [--cpu-prof] [--out bench/.results/NAME]
//   node bench/run.mjs --real 80 [--runs 5] [--cases io,parse,aimslint,cold]   (real files: bench/real-corpus.mjs)
//   npm --prefix bench run bench -- [same options]
//
// Needs: `npm ci && npm run build` at the root (dist/cli.cjs, build/validators.cjs) and `npm --prefix bench ci`.
// Every measured command prints counts that are checked against the generator's manifest; a run whose counts are
// wrong fails the benchmark (exit 1), so that no number comes from a no-op.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { GENERATOR_HASH, generate } from "./generate.mjs";
import { realCorpus } from "./real-corpus.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, "..");
const NODE = process.execPath;
/** The aimslint under test: the work tree's, or a snapshot of it taken at start (the default; see --no-snapshot). */
let AIMSLINT = ROOT;
let CLI = join(ROOT, "dist", "cli.cjs");
const FLOOR = join(BENCH, "floor.mjs");
let SCHEMAS = join(ROOT, "schemas");
const AJV_CLI = join(BENCH, "node_modules", "ajv-cli", "dist", "index.js");
const AJV_FORMATS = join(BENCH, "node_modules", "ajv-formats", "dist", "index.js");
const SPECTRAL = join(BENCH, "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
const TIME = "/usr/bin/time";
/** Linux limits one command line (arguments + environment) to ARG_MAX, usually 2 MiB: stay well below. */
const MAX_ARGV_BYTES = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Options.

function parseOptions(argv) {
  const o = {
    sizes: [100, 1000, 10000],
    runs: 5,
    skipSpectralOver: 1000,
    spectralRuns: undefined,
    timeout: 900,
    cases: undefined,
    regenerate: false,
    cpuProf: false,
    out: undefined,
    seed: 42001,
    snapshot: true,
    real: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--sizes":
        o.sizes = value()
          .split(",")
          .map((s) => Number(s.trim()));
        break;
      case "--runs":
        o.runs = Number(value());
        break;
      case "--skip-spectral-over":
        o.skipSpectralOver = Number(value());
        break;
      case "--spectral-runs":
        o.spectralRuns = Number(value());
        break;
      case "--timeout":
        o.timeout = Number(value());
        break;
      case "--cases":
        o.cases = new Set(value().split(","));
        break;
      case "--regenerate":
        o.regenerate = true;
        break;
      case "--no-snapshot":
        o.snapshot = false;
        break;
      case "--cpu-prof":
        o.cpuProf = true;
        break;
      case "--out":
        o.out = value();
        break;
      case "--seed":
        o.seed = Number(value());
        break;
      case "--real":
        o.real = Number(value());
        o.sizes = [o.real];
        break;
      case "-h":
      case "--help":
        process.stdout.write(
          readFileSync(fileURLToPath(import.meta.url), "utf8")
            .split("\n")
            .slice(1, 12)
            .map((l) => l.replace(/^\/\/ ?/, ""))
            .join("\n") + "\n",
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  if (o.real !== undefined && (!Number.isInteger(o.real) || o.real < 1)) throw new Error("--real: a number of copies >= 1");
  if (o.real === undefined && o.sizes.some((n) => !Number.isInteger(n) || n < 40)) throw new Error("--sizes: integers >= 40");
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error("--runs: an integer >= 1");
  o.spectralRuns ??= o.runs;
  return o;
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring one command: wall time from here (hrtime around the spawn), peak RSS and CPU time from GNU time when
// it is installed, otherwise by polling /proc/<pid>/status (VmHWM of the direct child only).

const HAVE_TIME =
  !process.env.BENCH_NO_GNU_TIME &&
  existsSync(TIME) &&
  (() => {
    try {
      execFileSync(TIME, ["-f", "%M", "true"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
export const MEMORY_METHOD = HAVE_TIME ? "GNU time (/usr/bin/time -f %M: max RSS of the measured process)" : "polling /proc/<pid>/status VmHWM every 5 ms (direct child only)";

const CHILD_ENV = (() => {
  const env = { ...process.env, NO_COLOR: "1", LC_ALL: "C" };
  for (const k of ["NODE_OPTIONS", "FORCE_COLOR", "AIMSLINT_TODAY", "npm_config_loglevel"]) delete env[k];
  // aimslint's index cache: a folder of this run's own, empty at the start (the warm-up run fills it).
  env.AIMSLINT_CACHE_DIR = mkdtempSync(join(tmpdir(), "aimslint-bench-cache-"));
  return env;
})();

let scratch;
function measure({ argv, cwd }, timeoutMs) {
  const out = join(scratch, "stdout");
  const err = join(scratch, "stderr");
  const tf = join(scratch, "time");
  rmSync(tf, { force: true });
  const outFd = openSync(out, "w");
  const errFd = openSync(err, "w");
  const full = HAVE_TIME ? [TIME, "-f", "%M %U %S", "-o", tf, ...argv] : argv;
  return new Promise((resolvePromise) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(full[0], full.slice(1), { cwd, env: CHILD_ENV, stdio: ["ignore", outFd, errFd], detached: true });
    let hwm = 0;
    let ticks = NaN;
    let poll;
    if (!HAVE_TIME) {
      poll = setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) hwm = Math.max(hwm, Number(m[1]));
          // utime + stime (fields 14 and 15, in clock ticks of 1/100 s) as last seen: a slight underestimate.
          const f = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ");
          if (f) ticks = Number(f[11]) + Number(f[12]);
        } catch {}
      }, 5);
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL"); // the process group this harness started, nothing else
      } catch {}
    }, timeoutMs);
    child.on("close", (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      closeSync(outFd);
      closeSync(errFd);
      let rssKB = hwm;
      let cpuS = ticks / 100;
      if (HAVE_TIME && existsSync(tf)) {
        const lines = readFileSync(tf, "utf8").trim().split("\n");
        const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(lines.at(-1) ?? "");
        if (m) {
          rssKB = Number(m[1]);
          cpuS = Number(m[2]) + Number(m[3]);
        }
        // GNU time reports the command's exit status as its own.
        const exited = /Command exited with non-zero status (\d+)/.exec(lines.join("\n"));
        if (exited) code = Number(exited[1]);
      }
      resolvePromise({ code, signal, timedOut, wallMs, rssKB, cpuS, stdout: readFileSync(out, "utf8"), stderr: readFileSync(err, "utf8") });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus and peer inputs (prepared once per size, not timed).

function corpusFor(n, options) {
  if (options.real !== undefined) return realCorpus({ copies: options.real, out: join(BENCH, ".corpus", `real${options.real}`), regenerate: options.regenerate });
  const dir = join(BENCH, ".corpus", `n${n}`);
  const manifestFile = `${dir}.manifest.json`;
  if (!options.regenerate && existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, "utf8"));
    let head = null;
    try {
      head = execFileSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    } catch {}
    if (m.generatorHash === GENERATOR_HASH && m.seed === options.seed && m.n === n && head === m.gitHead) return m;
  }
  log(`generating the corpus of ${n} artefacts in ${relative(process.cwd(), dir)} ...`);
  return generate({ n, out: dir, seed: options.seed, quiet: false });
}

function schemaFiles() {
  return readdirSync(SCHEMAS)
    .filter((f) => f.endsWith(".schema.json"))
    .sort();
}

/** Per kind: the files peers get (Markdown cards as their extracted front matter), a Spectral ruleset, and back-mapping. */
function preparePeers(manifest) {
  const dir = `${manifest.root}.peers`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "spectral"), { recursive: true });
  const byKind = new Map();
  const original = new Map(); // peer path (absolute) -> corpus-relative path
  for (const [path, info] of Object.entries(manifest.files)) {
    let peerPath = path;
    if (info.format === "markdown") {
      const text = readFileSync(join(manifest.root, path), "utf8");
      const m = /^---\r?\n([\s\S]*?\n)---\r?\n/.exec(text);
      if (!m) throw new Error(`${path}: Markdown artefact without front matter`);
      peerPath = join(dir, "frontmatter", `${path}.yaml`);
      mkdirSync(dirname(peerPath), { recursive: true });
      writeFileSync(peerPath, m[1]);
    }
    original.set(resolve(manifest.root, peerPath), path);
    (byKind.get(info.kind) ?? byKind.set(info.kind, []).get(info.kind)).push(peerPath);
  }
  // One self-contained schema per kind for Spectral: the kind's schema by reference, every schema of ours embedded
  // under $defs with its own $id (a 2020-12 compound document), so no $ref leaves the ruleset.
  const defs = {};
  for (const f of schemaFiles()) defs[f.replace(/\.schema\.json$/, "")] = JSON.parse(readFileSync(join(SCHEMAS, f), "utf8"));
  const rulesets = new Map();
  for (const kind of byKind.keys()) {
    const schema = { $schema: "https://json-schema.org/draft/2020-12/schema", $id: `https://aimslint.dev/bench/bundle/${kind}.json`, $ref: defs[kind].$id, $defs: defs };
    const ruleset = {
      rules: {
        "aimslint-schema": {
          description: `aimslint's ${kind} schema`,
          given: "$",
          severity: "error",
          then: { function: "schema", functionOptions: { schema, dialect: "draft2020-12", allErrors: true } },
        },
        // Fires once on every document, so that the output proves each file was read and linted.
        "bench-seen": { description: "one hint per document", message: "seen", given: "$", severity: "hint", then: { function: "falsy" } },
      },
    };
    const file = join(dir, "spectral", `${kind}.ruleset.json`);
    writeFileSync(file, JSON.stringify(ruleset));
    rulesets.set(kind, file);
  }
  for (const list of byKind.values()) list.sort();
  return { dir, byKind, rulesets, original };
}

/** Split a list of per-file arguments into command lines that fit in ARG_MAX. */
function chunked(files, perFile) {
  const chunks = [];
  let cur = [];
  let bytes = 0;
  for (const f of files) {
    const args = perFile(f);
    const b = args.reduce((s, a) => s + Buffer.byteLength(a) + 1, 0);
    if (cur.length > 0 && bytes + b > MAX_ARGV_BYTES) {
      chunks.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(...args);
    bytes += b;
  }
  if (cur.length > 0) chunks.push(cur);
  return chunks;
}

// ---------------------------------------------------------------------------------------------------------------
// The cases. Each has commands and a check of their output against the manifest.

const schemaProblemFiles = (m) =>
  Object.entries(m.problems)
    .filter(([, p]) => p.family === "schema")
    .map(([f]) => f);
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;

function floorCase(id, label, stage, m) {
  return {
    id,
    label,
    commands: [{ argv: [NODE, FLOOR, "--stage", stage, "--aimslint", AIMSLINT, m.root], cwd: ROOT }],
    check([r]) {
      if (r.code !== 0) return { ok: false, proof: `exit ${r.code}: ${r.stderr.slice(0, 300)}` };
      const j = JSON.parse(r.stdout);
      const bad = [];
      if (j.files !== m.candidateFiles) bad.push(`read ${j.files} files, expected ${m.candidateFiles}`);
      // Real files include broken ones: their parse errors are part of the work.
      if (stage !== "io" && j.parseErrors !== 0 && !m.real) bad.push(`${j.parseErrors} parse errors`);
      let proof = `${j.files} files, ${mb(j.bytes)}`;
      if (stage !== "io") proof += `, ${j.documents} YAML documents${m.real ? `, ${j.parseErrors} parse errors` : ""}`;
      if (stage === "validate") {
        for (const [kind, info] of Object.entries(m.kinds)) if ((j.kinds[kind] ?? 0) !== info.files) bad.push(`${kind}: ${j.kinds[kind] ?? 0} files, expected ${info.files}`);
        const expected = schemaProblemFiles(m);
        const missed = expected.filter((f) => !j.invalidFiles.includes(f));
        if (missed.length > 0) bad.push(`missed schema problems in ${missed.slice(0, 3).join(", ")}`);
        if (j.invalid !== expected.length) bad.push(`${j.invalid} invalid files, expected ${expected.length}`);
        proof += `, ${j.artefactFiles} artefacts validated, ${j.invalid} invalid (${j.schemaErrors} errors)`;
      }
      return { ok: bad.length === 0, proof: bad.length ? `${proof}; WRONG: ${bad.join("; ")}` : proof };
    },
  };
}

function ajvCase(m, peers) {
  const schemas = schemaFiles();
  const commands = [];
  const kindOfCommand = [];
  for (const [kind, files] of [...peers.byKind].sort()) {
    const main = `${kind}.schema.json`;
    const refs = schemas.filter((f) => f !== main).flatMap((f) => ["-r", join(SCHEMAS, f)]);
    for (const chunk of chunked(files, (f) => ["-d", f])) {
      commands.push({
        argv: [NODE, AJV_CLI, "validate", "--spec=draft2020", "--strict=false", "--all-errors", "--errors=line", "-c", AJV_FORMATS, "-s", join(SCHEMAS, main), ...refs, ...chunk],
        cwd: m.root,
      });
      kindOfCommand.push(kind);
    }
  }
  return {
    id: "ajv",
    label: "(d) ajv-cli",
    commands,
    note: `${commands.length} invocations (one per kind)`,
    check(results) {
      const bad = [];
      let valid = 0;
      let invalid = 0;
      let beyondDates = 0;
      const invalidFiles = new Set();
      results.forEach((r, i) => {
        if (r.code !== 0 && r.code !== 1) bad.push(`${kindOfCommand[i]}: exit ${r.code} ${r.stderr.slice(0, 200)}`);
        for (const line of r.stdout.split("\n")) if (line.endsWith(" valid")) valid++;
        const errLines = r.stderr.split("\n");
        errLines.forEach((line, k) => {
          if (!line.endsWith(" invalid")) return;
          invalid++;
          const file = line.slice(0, -" invalid".length);
          invalidFiles.add(peers.original.get(resolve(m.root, file)) ?? file);
          // js-yaml (YAML 1.1) turns unquoted dates into Date objects, which a `type: string` date then rejects.
          try {
            const errors = JSON.parse(errLines[k + 1]);
            if (errors.some((e) => !(e.keyword === "type" && e.params?.type === "string" && /date|_on$|_review|created|due|reviewed/i.test(`${e.schemaPath} ${e.instancePath}`)))) beyondDates++;
          } catch {
            beyondDates++;
          }
        });
      });
      const expected = schemaProblemFiles(m);
      if (valid + invalid !== m.artefactFiles) bad.push(`${valid + invalid} files validated, expected ${m.artefactFiles}`);
      const missed = expected.filter((f) => !invalidFiles.has(f));
      if (missed.length > 0) bad.push(`missed schema problems in ${missed.slice(0, 3).join(", ")}`);
      const proof = `${valid + invalid} files validated, ${invalid} invalid (${beyondDates} for more than js-yaml dates; ${expected.length} seeded)`;
      return { ok: bad.length === 0, proof: bad.length ? `${proof}; WRONG: ${bad.join("; ")}` : proof };
    },
  };
}

function spectralCase(m, peers) {
  const commands = [];
  const kindOfCommand = [];
  for (const [kind, files] of [...peers.byKind].sort()) {
    for (const chunk of chunked(files, (f) => [f])) {
      commands.push({ argv: [NODE, SPECTRAL, "lint", "--ruleset", peers.rulesets.get(kind), "--format", "json", "--fail-severity", "error", "--quiet", ...chunk], cwd: m.root });
      kindOfCommand.push(kind);
    }
  }
  return {
    id: "spectral",
    label: "(e) Spectral",
    commands,
    note: `${commands.length} invocations (one per kind)`,
    check(results) {
      const bad = [];
      const seen = new Set();
      const invalid = new Set();
      let errors = 0;
      results.forEach((r, i) => {
        if (r.code !== 0 && r.code !== 1) {
          bad.push(`${kindOfCommand[i]}: exit ${r.code} ${r.stderr.slice(0, 200)}`);
          return;
        }
        let list;
        try {
          list = JSON.parse(r.stdout || "[]");
        } catch {
          bad.push(`${kindOfCommand[i]}: output is not JSON: ${r.stdout.slice(0, 200)}`);
          return;
        }
        for (const res of list) {
          const file = peers.original.get(resolve(m.root, res.source)) ?? relative(m.root, res.source);
          if (res.code === "bench-seen") seen.add(file);
          else if (res.code === "aimslint-schema") {
            invalid.add(file);
            errors++;
          }
        }
      });
      if (seen.size !== m.artefactFiles) bad.push(`${seen.size} files linted, expected ${m.artefactFiles}`);
      const expected = schemaProblemFiles(m);
      const missed = expected.filter((f) => !invalid.has(f));
      if (missed.length > 0) bad.push(`missed schema problems in ${missed.slice(0, 3).join(", ")}`);
      const proof = `${seen.size} files linted, ${invalid.size} invalid (${errors} errors; ${expected.length} seeded)`;
      return { ok: bad.length === 0, proof: bad.length ? `${proof}; WRONG: ${bad.join("; ")}` : proof };
    },
  };
}

function aimslintCase(m) {
  return {
    id: "aimslint",
    label: "(f) aimslint",
    commands: [{ argv: [NODE, CLI, "--format", "json", "."], cwd: m.root }],
    check([r]) {
      const bad = [];
      let j;
      try {
        j = JSON.parse(r.stdout);
      } catch {
        return { ok: false, proof: `exit ${r.code}, no JSON: ${r.stderr.slice(0, 300)}` };
      }
      if (m.real) return realCheck(m, r, j);
      if (r.code !== 1) bad.push(`exit ${r.code}, expected 1 (errors found)`);
      const s = j.summary;
      // aimslint also reads requirements files and pyproject.toml (the floors and the peers do not), and counts the
      // workflows, the agent configuration and the manifests that name an AI package as artefacts.
      const files = m.candidateFiles + (m.manifestFiles ?? 0);
      const artefacts = m.artefacts + (m.aiUseArtefacts ?? 0);
      if (s.filesChecked !== files) bad.push(`${s.filesChecked} files checked, expected ${files}`);
      if (s.artefactsChecked !== artefacts) bad.push(`${s.artefactsChecked} artefacts, expected ${artefacts}`);
      if (!(s.errors > 0)) bad.push("no errors found");
      const flagged = new Set(j.findings.filter((f) => !f.suppressed).map((f) => f.file));
      const seeded = Object.keys(m.problems);
      const missed = seeded.filter((f) => !flagged.has(f));
      if (missed.length > 0)
        bad.push(
          `no finding in ${missed.length} seeded files, e.g. ${missed
            .slice(0, 3)
            .map((f) => `${f} (${m.problems[f].what})`)
            .join(", ")}`,
        );
      const extra = [...flagged].filter((f) => !m.problems[f]);
      const proof = `${s.filesChecked} files, ${s.artefactsChecked} artefacts, ${s.errors} errors + ${s.warnings} warnings in ${flagged.size} files (${seeded.length} seeded${extra.length ? `, ${extra.length} others` : ""})`;
      return { ok: bad.length === 0, proof: bad.length ? `${proof}; WRONG: ${bad.join("; ")}` : proof, extra: extra.slice(0, 10) };
    },
  };
}

/**
 * Real files have no manifest of what is in them: every run must find the same thing as the first, and the whole
 * corpus must have been read (each copy's files, and its broken ones reported).
 */
function realCheck(m, r, j) {
  const s = j.summary;
  const counts = `${s.filesChecked} files, ${s.artefactsChecked} artefacts, ${s.errors} errors + ${s.warnings} warnings`;
  const bad = [];
  if (r.code !== 0 && r.code !== 1) bad.push(`exit ${r.code}`);
  if (s.filesChecked < m.candidateFiles * 0.9) bad.push(`${s.filesChecked} files checked of ${m.candidateFiles}`);
  m.firstCounts ??= counts;
  if (counts !== m.firstCounts) bad.push(`found ${counts}, the first run found ${m.firstCounts}`);
  return { ok: bad.length === 0, proof: bad.length ? `${counts}; WRONG: ${bad.join("; ")}` : counts };
}

function oneFileCase(m, cache = true) {
  return {
    id: cache ? "onefile" : "onefile-nocache",
    label: `aimslint on 1 staged file (${m.n} repo${cache ? "" : ", --no-cache"})`,
    commands: [{ argv: [NODE, CLI, "--format", "json", ...(cache ? [] : ["--no-cache"]), m.stagedFile], cwd: m.root }],
    check([r]) {
      let j;
      try {
        j = JSON.parse(r.stdout);
      } catch {
        return { ok: false, proof: `exit ${r.code}, no JSON: ${r.stderr.slice(0, 300)}` };
      }
      const s = j.summary;
      const ok = (r.code === 0 || r.code === 1) && s.filesChecked === 1 && s.artefactsChecked === 1;
      const proof = `${s.filesChecked} file, ${s.artefactsChecked} artefact, ${s.errors} errors`;
      return { ok, proof: ok ? proof : `${proof}; WRONG (exit ${r.code})` };
    },
  };
}

function nodeCase() {
  return { id: "node0", label: "node -e 0", commands: [{ argv: [NODE, "-e", "0"], cwd: ROOT }], check: ([r]) => ({ ok: r.code === 0, proof: `exit ${r.code}` }) };
}

function versionCase() {
  const version = JSON.parse(readFileSync(join(AIMSLINT, "package.json"), "utf8")).version;
  return {
    id: "version",
    label: "aimslint --version",
    commands: [{ argv: [NODE, CLI, "--version"], cwd: ROOT }],
    check: ([r]) => ({ ok: r.code === 0 && r.stdout.trim() === version, proof: `prints ${r.stdout.trim()}` }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Running and statistics.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};

function log(msg) {
  process.stderr.write(`${msg}\n`);
}

async function runCase(c, timeoutS) {
  const results = [];
  const deadline = Date.now() + timeoutS * 1000;
  for (const cmd of c.commands) {
    const left = deadline - Date.now();
    if (left <= 0) return { timedOut: true, results };
    const r = await measure(cmd, left);
    results.push(r);
    if (r.timedOut) return { timedOut: true, results };
  }
  return { timedOut: false, results };
}

/** The median of per-round ratios a ÷ b (the cases ran in the same rounds, one after the other). */
function pairedRatio(a, b) {
  if (!a || !b) return undefined;
  const rounds = Math.min(a.samples.length, b.samples.length);
  if (rounds === 0 || a.samples.length !== b.samples.length) return undefined;
  return median(a.samples.map((s, i) => s.wallMs / b.samples[i].wallMs));
}

async function bench(cases, { runs, warmup, timeoutS, runsFor }) {
  const stats = new Map(cases.map((c) => [c.id, { case: c, samples: [], proof: undefined, failed: undefined, skipped: undefined }]));
  const once = async (c, timed) => {
    const st = stats.get(c.id);
    if (st.failed || st.skipped) return;
    const { timedOut, results } = await runCase(c, timeoutS);
    if (timedOut) {
      st.skipped = `timed out after ${timeoutS} s`;
      log(`  ${c.label}: timed out after ${timeoutS} s`);
      return;
    }
    const verdict = c.check(results);
    st.proof = verdict.proof;
    if (verdict.extra?.length) st.extra = verdict.extra;
    if (!verdict.ok) {
      st.failed = verdict.proof;
      log(`  ${c.label}: FAILED CHECK: ${verdict.proof}`);
      return;
    }
    const sample = {
      wallMs: results.reduce((s, r) => s + r.wallMs, 0),
      rssKB: Math.max(...results.map((r) => r.rssKB)),
      cpuS: results.reduce((s, r) => s + r.cpuS, 0),
    };
    if (timed) st.samples.push(sample);
    log(`  ${timed ? "run" : "warm-up"} ${c.label}: ${(sample.wallMs / 1000).toFixed(3)} s, ${(sample.rssKB / 1024).toFixed(0)} MiB — ${verdict.proof}`);
  };
  if (warmup) for (const c of cases) if (c.warmup !== false) await once(c, false);
  for (let i = 0; i < runs; i++) {
    for (const c of cases) if (i < (runsFor?.(c) ?? runs)) await once(c, true);
  }
  for (const st of stats.values()) {
    const w = st.samples.map((s) => s.wallMs);
    if (w.length > 0) {
      st.wallMs = median(w);
      st.minMs = Math.min(...w);
      st.maxMs = Math.max(...w);
      st.rssKB = median(st.samples.map((s) => s.rssKB));
      st.cpuS = median(st.samples.map((s) => s.cpuS));
    }
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------------------------
// Report.

const fmtS = (ms) => (ms === undefined ? "—" : ms < 1000 ? `${(ms / 1000).toFixed(3)} s` : ms < 100000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(0)} s`);
const fmtX = (a, b) => (a === undefined || b === undefined ? "—" : `${(a / b).toFixed(a / b < 10 ? 2 : 1)}×`);
const fmtMiB = (kb) => (kb === undefined ? "—" : `${(kb / 1024).toFixed(0)} MiB`);

function machine() {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpu = m[1].trim();
  } catch {}
  const sh = (cmd, args, cwd = ROOT) => {
    try {
      return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "?";
    }
  };
  const pkgVersion = (p) => {
    try {
      return JSON.parse(readFileSync(join(BENCH, "node_modules", p, "package.json"), "utf8")).version;
    } catch {
      return "?";
    }
  };
  return {
    date: new Date().toISOString(),
    cpu,
    cores: cpus().length,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    kernel: release(),
    node: process.version,
    aimslintCommit: sh("git", ["rev-parse", "--short", "HEAD"]),
    workTreeDirty: sh("git", ["status", "--porcelain", "--", "src", "dist", "scripts", "schemas", "rules", "package.json"]) !== "",
    distSha256: distHash(),
    tools: {
      "ajv-cli": pkgVersion("ajv-cli"),
      ajv: pkgVersion("ajv"),
      "@stoplight/spectral-cli": pkgVersion("@stoplight/spectral-cli"),
      yaml: pkgVersion("yaml"),
      "fast-glob": pkgVersion("fast-glob"),
      "js-yaml (ajv-cli's)": pkgVersion("js-yaml"),
      "js-yaml (the js-yaml floor, aimslint's)": JSON.parse(readFileSync(join(ROOT, "node_modules", "js-yaml", "package.json"), "utf8")).version,
    },
    memoryMethod: MEMORY_METHOD,
  };
}

/** Of the command (dist/cli.cjs, the loader) and the CLI it starts (dist/cli-main.cjs beside it). */
function distHash(file = CLI) {
  try {
    return createHash("sha256")
      .update(readFileSync(file))
      .update(readFileSync(join(dirname(file), "cli-main.cjs")))
      .digest("hex")
      .slice(0, 12);
  } catch {
    return "missing";
  }
}

/** The AI use of the corpus (generator v2): `, AI use: 3 workflows, …`, or nothing for an older corpus. */
function aiUseText(m) {
  if (!m.aiUseKinds) return "";
  const k = (kind) => m.aiUseKinds[kind] ?? { files: 0, artefacts: 0 };
  const wf = k("ci-workflow");
  const dm = k("dependency-manifest");
  return ` and ${m.manifestFiles} requirements/pyproject files that aimslint alone reads; AI use: ${wf.files} CI workflows, ${k("agent-config").files} agent configuration, ${dm.artefacts} manifests naming AI packages, ${m.lockFiles} lock files`;
}

function sizeTable(n, m, stats) {
  const get = (id) => stats.get(id);
  const io = get("io")?.wallMs;
  const parse = get("parse")?.wallMs;
  const validate = get("validate")?.wallMs;
  const rows = [];
  rows.push(m.real ? `### Real files, ${m.copies} copies` : `### ${n.toLocaleString("en")} artefacts`);
  rows.push("");
  if (m.real) {
    rows.push(
      `Real files: ${m.copies} copies of examples/acme-governance (ids suffixed per copy) and of ../shared/corpus (bench/real-corpus.mjs), ${m.candidateFiles} YAML/JSON/Markdown files (${mb(m.bytesOfCandidates)}).`,
    );
  } else
    rows.push(
      `${m.artefactFiles} artefact files (${m.artefacts} artefacts counting register and inventory entries, ${m.systems} AI systems), ${m.candidateFiles} YAML/JSON/Markdown files to read (${mb(m.bytesOfCandidates)})${aiUseText(m)}, ${m.filesWritten} files written in all; ${Object.keys(m.problems).length} seeded problems (${Object.entries(
        m.problemFamilies,
      )
        .map(([k, v]) => `${v} ${k}`)
        .join(", ")}).`,
    );
  rows.push("");
  rows.push("| case | wall (median) | min – max | artefact files/s | peak RSS | CPU (user+sys) | ÷ I/O floor | ÷ parse floor | ÷ validate floor | proof of work |");
  rows.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const id of ["io", "parse", "jsyaml", "validate", "ajv", "spectral", "aimslint", "onefile"]) {
    const st = get(id);
    if (!st) continue;
    const label = st.case.label + (st.case.note ? ` — ${st.case.note}` : "");
    if (st.wallMs === undefined) {
      rows.push(`| ${label} | ${st.skipped ?? (st.failed ? "FAILED" : "skipped")} | | | | | | | | ${st.failed ?? st.proof ?? st.skipped ?? ""} |`);
      continue;
    }
    const rate = Math.round(m.artefactFiles / (st.wallMs / 1000));
    rows.push(
      `| ${label} | ${fmtS(st.wallMs)} | ${fmtS(st.minMs)} – ${fmtS(st.maxMs)} | ${id === "onefile" ? "—" : rate.toLocaleString("en")} | ${fmtMiB(st.rssKB)} | ${Number.isNaN(st.cpuS) ? "—" : `${st.cpuS.toFixed(2)} s`} | ${fmtX(st.wallMs, io)} | ${fmtX(st.wallMs, parse)} | ${fmtX(st.wallMs, validate)} | ${st.proof}${st.samples.length ? ` (${st.samples.length} run${st.samples.length === 1 ? "" : "s"})` : ""} |`,
    );
  }
  return rows.join("\n");
}

function report(options, mach, perSize, cold, loads, extraNotes) {
  const lines = [];
  lines.push(`## Results ${mach.date.slice(0, 10)}`);
  lines.push("");
  lines.push(`- machine: ${mach.cpu}, ${mach.cores} cores, ${mach.memoryGiB} GiB, Linux ${mach.kernel}, Node ${mach.node}`);
  lines.push(
    `- aimslint: commit ${mach.aimslintCommit}${mach.workTreeDirty ? " with uncommitted changes in the work tree" : ""}, dist/cli.cjs + cli-main.cjs sha256 ${mach.distSha256}${options.snapshot ? " (a copy taken at start)" : ""}`,
  );
  lines.push(
    `- peers: ${Object.entries(mach.tools)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  const runs = (k) => `${k} timed run${k === 1 ? "" : "s"}`;
  lines.push(
    `- runs: median of ${runs(options.runs)} after one untimed, checked warm-up run (Spectral: ${runs(options.spectralRuns)}, no warm-up), cases interleaved within each run; wall time from the harness, peak memory from ${mach.memoryMethod}`,
  );
  lines.push(`- load average (1 min) before / after each size: ${loads.map((l) => `${l.n}: ${l.before.toFixed(2)} / ${l.after.toFixed(2)}`).join("; ")}`);
  for (const note of extraNotes) lines.push(`- ${note}`);
  lines.push("");
  for (const { n, m, stats } of perSize) {
    lines.push(sizeTable(n, m, stats));
    lines.push("");
  }
  // Ratios to the peers and scaling.
  lines.push("### Ratios");
  lines.push("");
  lines.push(
    "| N | aimslint ÷ ajv-cli | Spectral ÷ aimslint | aimslint ÷ validate floor | aimslint ÷ parse floor | aimslint ÷ js-yaml floor | aimslint ÷ I/O floor | aimslint ms per 1,000 artefact files | aimslint peak RSS |",
  );
  lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const { n, m, stats } of perSize) {
    const w = (id) => stats.get(id)?.wallMs;
    const a = w("aimslint");
    lines.push(
      `| ${n.toLocaleString("en")} | ${fmtX(a, w("ajv"))} | ${fmtX(w("spectral"), a)} | ${fmtX(a, w("validate"))} | ${fmtX(a, w("parse"))} | ${fmtX(a, w("jsyaml"))} | ${fmtX(a, w("io"))} | ${a === undefined ? "—" : Math.round((a / m.artefactFiles) * 1000).toLocaleString("en")} | ${fmtMiB(stats.get("aimslint")?.rssKB)} |`,
    );
  }
  lines.push("");
  if (cold) {
    const base = cold.get("node0")?.wallMs;
    lines.push("### Cold start");
    lines.push("");
    lines.push("| command | wall (median) | min – max | peak RSS | ÷ `node -e 0` (median of paired rounds) | proof |");
    lines.push("|---|---:|---:|---:|---:|---|");
    for (const st of cold.values()) {
      if (st.wallMs === undefined) {
        lines.push(`| ${st.case.label} | ${st.failed ? "FAILED" : (st.skipped ?? "skipped")} | | | | ${st.failed ?? st.proof ?? ""} |`);
        continue;
      }
      const ratio = st.case.id === "node0" ? "1×" : st.ratio === undefined ? `${fmtX(st.wallMs, base)} (unpaired)` : `${st.ratio.toFixed(2)}×`;
      lines.push(`| ${st.case.label} | ${fmtS(st.wallMs)} | ${fmtS(st.minMs)} – ${fmtS(st.maxMs)} | ${fmtMiB(st.rssKB)} | ${ratio} | ${st.proof} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------

async function cpuProfile(m, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = await measure({ argv: [NODE, "--cpu-prof", "--cpu-prof-dir", dir, CLI, "--format", "json", "."], cwd: m.root }, 600000);
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) return `CPU profile: none written (exit ${r.code})`;
  const prof = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const dt = new Map();
  const total = prof.endTime - prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
  const self = new Map();
  for (const node of prof.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url ? `${f.url.replace(/^.*\//, "")}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ""}`.trim();
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
  return [
    `CPU profile of the full lint at ${m.n} (${join(dir, file)}), ${(total / 1000).toFixed(0)} ms, top self time:`,
    "",
    "| self ms | % | function |",
    "|---:|---:|---|",
    ...top.map(([k, us]) => `| ${(us / 1000).toFixed(0)} | ${((us / total) * 100).toFixed(1)} | \`${k}\` |`),
  ].join("\n");
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  for (const [what, path] of [
    ["dist/cli.cjs (run `npm ci && npm run build` at the root)", CLI],
    ["bench/node_modules (run `npm --prefix bench ci`)", AJV_CLI],
  ]) {
    if (!existsSync(path)) throw new Error(`missing ${what}`);
  }
  // The peers and the validate floor need the generator's manifest of kinds; a real-file corpus has none.
  const generatedOnly = ["validate", "ajv", "spectral"];
  const want = (id) => (!options.cases || options.cases.has(id)) && !(options.real !== undefined && generatedOnly.includes(id));
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const outBase = options.out ? resolve(options.out) : join(BENCH, ".results", `${stamp}-n${options.sizes.join("-")}`);
  mkdirSync(dirname(outBase), { recursive: true });
  scratch = `${outBase}.tmp`;
  mkdirSync(scratch, { recursive: true });

  if (options.snapshot) {
    // The lead may rebuild dist/ while this runs: measure one fixed copy of what a user installs (package.json, dist/,
    // schemas/, rules/) plus build/validators.cjs for the validate floor; node_modules is linked, for ajv's runtime.
    AIMSLINT = `${outBase}.aimslint`;
    rmSync(AIMSLINT, { recursive: true, force: true });
    mkdirSync(join(AIMSLINT, "build"), { recursive: true });
    for (const p of ["package.json", "dist", "schemas", "rules"]) cpSync(join(ROOT, p), join(AIMSLINT, p), { recursive: true });
    if (existsSync(join(ROOT, "build", "validators.cjs"))) cpSync(join(ROOT, "build", "validators.cjs"), join(AIMSLINT, "build", "validators.cjs"));
    symlinkSync(join(ROOT, "node_modules"), join(AIMSLINT, "node_modules"));
    CLI = join(AIMSLINT, "dist", "cli.cjs");
    SCHEMAS = join(AIMSLINT, "schemas");
  }
  const liveStart = distHash(join(ROOT, "dist", "cli.cjs"));
  const mach = machine();
  log(`aimslint benchmark: sizes ${options.sizes.join(", ")}, ${options.runs} runs; ${mach.cpu}, ${mach.cores} cores, Node ${mach.node}; memory: ${mach.memoryMethod}`);
  const perSize = [];
  const loads = [];
  const notes = [];
  let failed = false;
  const onefiles = [];
  let largest;
  for (const n of options.sizes) {
    const m = corpusFor(n, options);
    largest = m;
    const before = loadavg()[0];
    const cases = [];
    if (want("io")) cases.push(floorCase("io", "(a) I/O floor: fast-glob + read", "io", m));
    if (want("parse")) cases.push(floorCase("parse", "(b) parse floor: (a) + yaml parse", "parse", m));
    if (want("jsyaml")) cases.push(floorCase("jsyaml", "(b′) js-yaml floor: git ls-files + read + js-yaml / JSON.parse", "jsyaml", m));
    if (want("validate")) cases.push(floorCase("validate", "(c) validate floor: (b) + precompiled ajv", "validate", m));
    const needPeers = want("ajv") || want("spectral");
    const peers = needPeers ? preparePeers(m) : undefined;
    if (want("ajv")) cases.push(ajvCase(m, peers));
    if (want("spectral")) {
      if (n > options.skipSpectralOver) notes.push(`Spectral skipped at ${n.toLocaleString("en")} artefacts (--skip-spectral-over ${options.skipSpectralOver})`);
      else cases.push({ ...spectralCase(m, peers), warmup: false });
    }
    if (want("aimslint")) cases.push(aimslintCase(m));
    // Each one-file run is paired with a `node -e 0` in the same round: the ratio is taken round by round, so a
    // change of machine load during the call moves both sides.
    if (want("cold")) cases.push(nodeCase(), oneFileCase(m), oneFileCase(m, false));
    log(`\n== ${n} artefacts (${relative(process.cwd(), m.root)}, commit ${m.gitHead?.slice(0, 12)})`);
    const stats = await bench(cases, { runs: options.runs, warmup: true, timeoutS: options.timeout, runsFor: (c) => (c.id === "spectral" ? options.spectralRuns : options.runs) });
    for (const st of stats.values()) if (st.failed) failed = true;
    for (const id of ["onefile", "onefile-nocache"]) {
      const st = stats.get(id);
      if (!st) continue;
      st.ratio = pairedRatio(st, stats.get("node0"));
      onefiles.push(st);
    }
    loads.push({ n, before, after: loadavg()[0] });
    perSize.push({ n, m, stats });
  }
  let cold;
  if (want("cold")) {
    log("\n== cold start");
    cold = await bench([nodeCase(), versionCase()], { runs: Math.max(options.runs, 10), warmup: true, timeoutS: 60 });
    cold.get("version").ratio = pairedRatio(cold.get("version"), cold.get("node0"));
    for (const st of onefiles) cold.set(`onefile-${st.case.label}`, st);
    for (const st of cold.values()) if (st.failed) failed = true;
  }
  const liveEnd = distHash(join(ROOT, "dist", "cli.cjs"));
  if (liveEnd !== liveStart) {
    notes.push(
      options.snapshot
        ? `dist/ of the work tree changed during the run (${liveStart} → ${liveEnd}); the numbers are for the copy taken at start (${mach.distSha256})`
        : `WARNING: dist/ changed during the run (${liveStart} → ${liveEnd}); rerun for clean numbers, or leave --no-snapshot out`,
    );
  }
  let text = report(options, mach, perSize, cold, loads, notes);
  if (options.cpuProf && largest) text += `\n${await cpuProfile(largest, `${outBase}.cpuprofile`)}\n`;
  writeFileSync(`${outBase}.md`, `${text}\n`);
  const json = {
    machine: mach,
    options: { ...options, cases: options.cases ? [...options.cases] : undefined },
    notes,
    sizes: perSize.map(({ n, m, stats }) => ({
      n,
      manifest: {
        artefactFiles: m.artefactFiles,
        artefacts: m.artefacts,
        candidateFiles: m.candidateFiles,
        bytesOfCandidates: m.bytesOfCandidates,
        problems: Object.keys(m.problems).length,
        gitHead: m.gitHead,
      },
      cases: Object.fromEntries(
        [...stats].map(([id, st]) => [
          id,
          {
            label: st.case.label,
            wallMs: st.wallMs,
            minMs: st.minMs,
            maxMs: st.maxMs,
            rssKB: st.rssKB,
            cpuS: st.cpuS,
            samples: st.samples,
            proof: st.proof,
            failed: st.failed,
            skipped: st.skipped,
            extra: st.extra,
          },
        ]),
      ),
    })),
    cold: cold
      ? Object.fromEntries(
          [...cold].map(([id, st]) => [
            id,
            { label: st.case.label, wallMs: st.wallMs, minMs: st.minMs, maxMs: st.maxMs, rssKB: st.rssKB, ratio: st.ratio, samples: st.samples, proof: st.proof, failed: st.failed },
          ]),
        )
      : undefined,
  };
  writeFileSync(`${outBase}.json`, `${JSON.stringify(json, null, 1)}\n`);
  rmSync(scratch, { recursive: true, force: true });
  process.stdout.write(`${text}\n`);
  log(`\nwritten ${relative(process.cwd(), outBase)}.md and .json`);
  if (failed) {
    log("benchmark FAILED: a measured command did not do the expected work (see WRONG above)");
    process.exit(1);
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(2);
});
