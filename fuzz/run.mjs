#!/usr/bin/env node
// Long-running fuzzer for aimslint (not part of `npm test`). It mutates real artefacts (../shared/corpus, the
// hostile fixtures, the examples) and generates hostile ones, runs the real pipeline on each input in a worker
// thread with a time and memory limit, and stores every input that crashes, hangs or breaks an invariant (range
// outside the file, workflow command in an output, JSON that does not parse) as a new fixture under
// test/fixtures/hostile/found/, which test/hardening/found.test.ts replays through the CLI.
//
//   npm run build && node fuzz/run.mjs --minutes 5
//
// Options: --minutes N (default 5), --seed N (default: time), --timeout MS per input (default 10000),
// --workers N (default: CPUs - 1, at most 4), --memory MB per worker (default 512), --out DIR.
// Exit code: 0 when nothing was found, 1 when new cases were stored.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { buildHarness } from "./build-harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "5" },
    seed: { type: "string" },
    timeout: { type: "string", default: "10000" },
    workers: { type: "string" },
    memory: { type: "string", default: "512" },
    out: { type: "string", default: join(root, "test", "fixtures", "hostile", "found") },
  },
});
const minutes = Number(values.minutes);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const timeoutMs = Number(values.timeout);
const workerCount = Number(values.workers ?? Math.max(1, Math.min(4, availableParallelism() - 1)));
const memoryMb = Number(values.memory);
const outDir = values.out;

// ---------------------------------------------------------------------------------------------------------------
// Randomness: one seeded generator, so that a run can be repeated with --seed.

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(seed);
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;

// ---------------------------------------------------------------------------------------------------------------
// Seeds: real files to mutate.

function collect(dir, filter = () => true) {
  const out = [];
  if (!existsSync(dir)) return out;
  const walk = (rel) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== "found" && entry.name !== "node_modules" && entry.name !== ".git") walk(path);
      } else if (entry.isFile() && /\.(ya?ml|json|md|markdown)$/i.test(entry.name) && filter(path)) {
        const bytes = readFileSync(join(dir, path));
        if (bytes.length <= 512 * 1024) out.push({ name: path.replace(/^.*\//, ""), bytes, from: relative(root, join(dir, path)) });
      }
    }
  };
  walk("");
  return out;
}

const seeds = [
  ...collect(join(root, "..", "shared", "corpus")),
  ...collect(join(root, "test", "fixtures", "hostile")),
  ...collect(join(root, "examples")),
  ...collect(join(root, "rules"), (p) => p.includes("/invalid/") || p.includes("/valid/")),
];

const HOSTILE = [
  "::error::pwned",
  "\n::warning::nl",
  "\r::error::cr",
  "  ::notice::indented",
  "##[error]legacy",
  "%0A::error::enc",
  "%25%0D%3A%2C",
  "\u001b[31mred\u001b[0m",
  "\u001b]8;;x\u0007",
  "\u009b31m",
  "\u0085",
  "\u2028",
  "\u0000",
  "\u0007",
  "\t",
  "\v",
  "\f",
  "${{ secrets.GITHUB_TOKEN }}",
  "$(id)",
  "`id`",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "../../etc/passwd",
  "\ufeff",
  "😀👩‍👩‍👧",
  "e\u0301\u0301",
  "\u202e",
  "*a",
  "&a ",
  "!include x",
  "!!js/function 'x'",
  "!!binary aGk=",
  "!!set {a}",
  "!!omap [a: 1]",
  "!!timestamp 2026-01-01",
  "? k",
  "- ",
  ": ",
  "{",
  "}",
  "[",
  "]",
  "'",
  '"',
  "|",
  ">-",
  "#",
  "---",
  "...",
  "<<: *a",
  "~",
  "null",
  "yes",
  "0x1F",
  "0o17",
  "1e400",
  "-.inf",
  ".nan",
  "2026-02-30",
  "2026-06-30T12:00:00Z",
  "TBD",
  "[More Information Needed]",
  "# aimslint-disable-next-line risk/* -- x",
  "<!-- aimslint-disable-file schema/* -- x -->",
  "x".repeat(500),
];
const KINDS = [
  "risk",
  "risk-register",
  "model-card",
  "impact-assessment",
  "ai-system",
  "ai-system-inventory",
  "statement-of-applicability",
  "ai-policy",
  "data-card",
  "supplier",
  "internal-audit",
  "management-review",
  "nonconformity",
];
const KEYS = [
  "kind",
  "id",
  "title",
  "system",
  "owner",
  "status",
  "version",
  "treatment",
  "inherent",
  "residual",
  "controls",
  "risks",
  "systems",
  "impacts",
  "license",
  "pipeline_tag",
  "next_review",
  "assessed_on",
  "due",
  "option",
  "likelihood",
  "impact",
  "level",
  "applicable",
  "control",
  "justification",
  "evidence",
  "x-note",
  "__proto__",
];
const hostile = () => (chance(0.7) ? pick(HOSTILE) : randomText(int(40)));

function randomText(n) {
  let s = "";
  for (let i = 0; i < n; i++) s += chance(0.8) ? String.fromCharCode(32 + int(95)) : String.fromCodePoint(int(0x2ffff));
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators: each returns { files: [{ name, bytes }], how }.

function mutateBytes(input, steps) {
  let b = Buffer.from(input);
  const ops = [];
  for (let s = 0; s < steps; s++) {
    const at = b.length === 0 ? 0 : int(b.length + 1);
    const op = pick(["flip", "flip", "truncate", "splice", "splice", "bytes", "repeat", "delete", "encoding", "swap-lines"]);
    ops.push(op);
    if (op === "flip" && b.length > 0) b[at % b.length] ^= 1 << int(8);
    else if (op === "truncate") b = b.subarray(0, at);
    else if (op === "splice") b = Buffer.concat([b.subarray(0, at), Buffer.from(hostile()), b.subarray(Math.min(b.length, at + int(32)))]);
    else if (op === "bytes") b = Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(6) }, () => int(256))), b.subarray(at)]);
    else if (op === "repeat") {
      const chunk = b.subarray(at, at + 1 + int(300));
      b = Buffer.concat([b.subarray(0, at), ...Array.from({ length: 2 + int(chance(0.1) ? 2000 : 40) }, () => chunk), b.subarray(at)]);
    } else if (op === "delete") b = Buffer.concat([b.subarray(0, at), b.subarray(at + int(200))]);
    else if (op === "encoding") {
      const text = b.toString("utf8");
      const to = pick(["utf16le", "utf16be", "latin1", "bom", "crlf", "cr", "lf"]);
      ops[ops.length - 1] = `encoding:${to}`;
      if (to === "utf16le") b = Buffer.from("\ufeff" + text, "utf16le");
      else if (to === "utf16be") b = Buffer.from("\ufeff" + text, "utf16le").swap16();
      else if (to === "latin1") b = Buffer.from(text, "latin1");
      else if (to === "bom") b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
      else b = Buffer.from(text.replace(/\r\n|\r|\n/g, to === "crlf" ? "\r\n" : to === "cr" ? "\r" : "\n"));
    } else if (op === "swap-lines") {
      const lines = b.toString("utf8").split("\n");
      const i = int(lines.length);
      const j = int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      b = Buffer.from(lines.join("\n"));
    }
    if (b.length > 2 * 1024 * 1024) b = b.subarray(0, 2 * 1024 * 1024);
  }
  return { bytes: b, ops };
}

function fromSeed() {
  const s = pick(seeds);
  const { bytes, ops } = mutateBytes(s.bytes, 1 + int(6));
  return { files: [{ name: s.name, bytes }], how: `mutated ${s.from}: ${ops.join(", ")}` };
}

function splice() {
  const a = pick(seeds);
  const b = pick(seeds);
  const bytes = Buffer.concat([a.bytes.subarray(0, int(a.bytes.length + 1)), b.bytes.subarray(int(b.bytes.length + 1))]);
  return { files: [{ name: a.name, bytes }], how: `splice of ${a.from} and ${b.from}` };
}

function randomValue(depth) {
  if (depth > 3 || chance(0.5)) return chance(0.6) ? hostile() : pick([null, 0, -1, 1e308, true, "2026-06-30", "likely", "mitigate", "A.5.4", "SYS-A"]);
  if (chance(0.5)) return Array.from({ length: int(4) }, () => randomValue(depth + 1));
  return Object.fromEntries(Array.from({ length: int(5) }, () => [chance(0.7) ? pick(KEYS) : hostile(), randomValue(depth + 1)]));
}

function toYaml(value, indent = "") {
  if (value === null || typeof value !== "object") return typeof value === "string" && chance(0.5) ? value : JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 0 ? "[]" : value.map((v) => `\n${indent}- ${toYaml(v, indent + "  ")}`).join("");
  const entries = Object.entries(value);
  return entries.length === 0 ? "{}" : entries.map(([k, v]) => `\n${indent}${chance(0.8) ? JSON.stringify(k) : k}: ${toYaml(v, indent + "  ")}`).join("");
}

function generated() {
  const files = [];
  for (let n = 1 + int(3); n > 0; n--) {
    const data = { kind: chance(0.9) ? pick(KINDS) : hostile(), id: chance(0.8) ? `ID-${int(20)}` : hostile(), ...randomValue(0) };
    const style = int(3);
    const base = chance(0.5)
      ? `doc${files.length}`
      : hostile()
          .replace(/[/\u0000]/g, "_")
          .replace(/[\ud800-\udfff]/g, "_")
          .slice(0, 40) || "x";
    let text;
    let name;
    if (style === 0) [text, name] = [JSON.stringify(data, null, chance(0.5) ? 2 : 0), `${base}.json`];
    else if (style === 1) [text, name] = [toYaml(data).replace(/^\n/, ""), `${base}.yaml`];
    else [text, name] = [`---${toYaml(data)}\n---\n# ${hostile()}\n\n## Uses\n\n${hostile()}\n\n## Limitations\n\n${hostile()}\n`, chance(0.5) ? "model-card.md" : `${base}.md`];
    if (files.some((f) => f.name === name) || name === "." || name === "..") continue;
    files.push({ name, bytes: Buffer.from(text) });
  }
  return { files, how: "generated artefacts" };
}

function structural() {
  const shape = pick(["deep-flow", "deep-block", "many-keys", "aliases", "long-line", "many-docs", "register"]);
  const n = 1 + int(shape === "deep-flow" ? 20000 : shape === "deep-block" ? 300 : 5000);
  let text;
  if (shape === "deep-flow") text = `kind: risk\nx: ${"[{".repeat(n / 2).slice(0, n)}${chance(0.5) ? "]}".repeat(n / 2).slice(0, n) : ""}\n`;
  else if (shape === "deep-block") text = `kind: risk\nx:\n${Array.from({ length: n }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n")} 1\n`;
  else if (shape === "many-keys") text = `kind: risk\n${Array.from({ length: n }, (_, i) => `k${i}: ${hostile()}`).join("\n")}\n`;
  else if (shape === "aliases") text = `kind: risk\na: &a [x]\n${Array.from({ length: n % 300 }, (_, i) => `b${i}: &b${i} [*a, *${i ? `b${i - 1}` : "a"}]`).join("\n")}\n`;
  else if (shape === "long-line") text = `kind: risk\ntitle: ${"x".repeat(n * 100)}\n`;
  else if (shape === "many-docs") text = Array.from({ length: n % 500 }, (_, i) => `kind: risk\nid: R-${i}\n`).join("---\n");
  // Registers stay small: each entry gives about ten findings, and rendering 10,000s of findings in every format
  // takes longer than the per-input limit (a known scaling issue, not a hang).
  else text = `kind: risk-register\nid: REG\nrisks:\n${Array.from({ length: n % 500 }, (_, i) => `  - { id: R-${i}, title: ${JSON.stringify(hostile())}, bogus: 1 }`).join("\n")}\n`;
  return { files: [{ name: `${shape}.yaml`, bytes: Buffer.from(text) }], how: `structural: ${shape} (n=${n})` };
}

/** A random regular expression from a small grammar, in the shapes that backtrack badly when nested. */
function randomRegex(depth = 0) {
  const atom = () =>
    depth < 3 && chance(0.3)
      ? `(${chance(0.5) ? "?:" : ""}${Array.from({ length: 1 + int(3) }, () => randomRegex(depth + 1)).join("|")})`
      : pick(["a", "b", "x", "\\d", "\\w", "\\s", "\\S", ".", "[a-z]", "[^x]", "[ab]", "-", " "]);
  const quantifier = () => pick(["", "", "*", "+", "?", "{2,}", "{1,5}", "*?", "+?"]);
  return Array.from({ length: 1 + int(4) }, () => atom() + quantifier()).join("");
}

/** A custom rule with a random pattern, and an artefact whose title is built to make backtracking expensive. */
function regexRule() {
  const pattern = `${chance(0.5) ? "^" : ""}${randomRegex()}${chance(0.5) ? "$" : ""}`;
  const unit = Array.from({ length: 1 + int(3) }, () => pick(["a", "b", "1", " ", "x", "ab", "a1"])).join("");
  const title = (unit.repeat(1 + int(chance(0.5) ? 40 : 3000)) + pick(["!", "", "\n", "x"])).slice(0, 9_000);
  const rule = `id: fuzz/pattern\ntitle: Titles follow a fuzzed pattern\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: Generated by the fuzzer to test the regular expression policy.\nhelp: Nothing to fix; this is a fuzzing input.\ncheck:\n  then:\n    - { field: title, function: pattern, options: { match: ${JSON.stringify(pattern)} } }\n`;
  return {
    files: [
      { name: "aimslint.config.yaml", bytes: Buffer.from("ruleFiles: [rule.yaml]\n") },
      { name: "rule.yaml", bytes: Buffer.from(rule) },
      { name: "risk.yaml", bytes: Buffer.from(`kind: risk\nid: RISK-1\ntitle: ${JSON.stringify(title)}\n`) },
    ],
    how: `custom rule with pattern ${JSON.stringify(pattern)} on a title of ${title.length} characters`,
  };
}

function nextInput() {
  const r = random();
  if (r < 0.4 && seeds.length > 0) return fromSeed();
  if (r < 0.5 && seeds.length > 0) return splice();
  if (r < 0.8) return generated();
  if (r < 0.9) return regexRule();
  return structural();
}

// ---------------------------------------------------------------------------------------------------------------
// Workers: one input at a time each, killed and replaced when an input runs past the time limit or crashes them.

const harness = await buildHarness();
const WORKER = `
const { parentPort } = require("node:worker_threads");
const { runCase } = require(${JSON.stringify(harness)});
parentPort.on("message", async ({ dir, names }) => {
  try {
    const result = await runCase(dir, names);
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error && error.stack || error) });
  }
});
`;

function startWorker() {
  return new Worker(WORKER, { eval: true, resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 4 } });
}

function runInWorker(slot, input, limit = timeoutMs) {
  const dir = mkdtempSync(join(tmpdir(), "aimslint-fuzz-"));
  for (const f of input.files) writeFileSync(join(dir, f.name), f.bytes);
  const names = input.files.map((f) => f.name);
  return new Promise((resolve) => {
    const worker = slot.worker;
    const done = (outcome) => {
      clearTimeout(timer);
      worker.removeAllListeners("message");
      worker.removeAllListeners("error");
      worker.removeAllListeners("exit");
      rmSync(dir, { recursive: true, force: true });
      resolve(outcome);
    };
    const replace = () => {
      worker.terminate();
      slot.worker = startWorker();
    };
    const timer = setTimeout(() => {
      replace();
      done({ kind: "hang", error: `no result after ${limit} ms` });
    }, limit);
    worker.on("message", (m) => {
      if (!m.ok) done({ kind: "crash", error: m.error });
      else if (m.result.problems.length > 0) done({ kind: "invariant", error: m.result.problems.slice(0, 20).join("\n") });
      else done({ kind: "ok", result: m.result });
    });
    worker.on("error", (error) => {
      replace();
      done({ kind: "crash", error: String(error?.stack ?? error) });
    });
    worker.on("exit", (code) => {
      slot.worker = startWorker();
      done({ kind: "crash", error: `worker exited with code ${code} (out of memory or a fatal error)` });
    });
    worker.postMessage({ dir, names });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Storing what was found: one folder per case, the input's bytes under safe names, and case.json.

/** A signature, so that the same problem is stored once, however many inputs show it. */
function signature(outcome, input) {
  // A hang says nothing about its cause: tell hangs apart by how the input was made (its generator and seed file).
  // An invariant failure is told apart by what broke, not by the file it broke in.
  const first = outcome.kind === "hang" ? input.how.replace(/:.*$/, "") : (outcome.error.split("\n").find((l) => l.trim()) ?? "").replace(/^.*?:\d+:\d+-\d+:\d+ /, "");
  return `${outcome.kind}:${first
    .replace(/\d+/g, "N")
    .replace(/"[^"]*"/g, '""')
    .slice(0, 160)}`;
}

const known = new Set();
if (existsSync(outDir)) {
  for (const entry of readdirSync(outDir)) {
    const file = join(outDir, entry, "case.json");
    if (existsSync(file)) known.add(JSON.parse(readFileSync(file, "utf8")).signature);
  }
}

function store(input, outcome) {
  const sig = signature(outcome, input);
  if (known.has(sig)) return false;
  known.add(sig);
  const id = createHash("sha256").update(sig).digest("hex").slice(0, 10);
  const dir = join(outDir, `${new Date().toISOString().slice(0, 10)}-${outcome.kind}-${id}`);
  mkdirSync(join(dir, "files"), { recursive: true });
  const files = input.files.map((f, i) => {
    const stored = `${i}${f.name.match(/\.[a-z]+$/i)?.[0] ?? ".txt"}`;
    writeFileSync(join(dir, "files", stored), f.bytes);
    return { stored, name: f.name };
  });
  const record = {
    kind: outcome.kind,
    signature: sig,
    error: outcome.error,
    how: input.how,
    seed,
    files,
    status: "open",
    note: "Stored by fuzz/run.mjs. Set status to fixed once aimslint handles it; test/hardening/found.test.ts replays it.",
  };
  writeFileSync(join(dir, "case.json"), JSON.stringify(record, null, 2) + "\n");
  console.log(`\n[found] ${outcome.kind}: ${outcome.error.split("\n")[0].slice(0, 200)}\n        ${input.how}\n        stored in ${relative(root, dir)}`);
  return true;
}

// ---------------------------------------------------------------------------------------------------------------

console.log(`aimslint fuzzer: seed ${seed}, ${minutes} min, ${workerCount} workers, ${timeoutMs} ms and ${memoryMb} MB per input, ${seeds.length} seed files.`);
const deadline = Date.now() + minutes * 60_000;
const stats = { inputs: 0, ok: 0, slow: 0, hang: 0, crash: 0, invariant: 0, stored: 0, findings: 0 };
const slots = Array.from({ length: workerCount }, () => ({ worker: startWorker() }));
let lastReport = Date.now();

await Promise.all(
  slots.map(async (slot) => {
    while (Date.now() < deadline) {
      const input = nextInput();
      let outcome = await runInWorker(slot, input);
      if (outcome.kind === "hang") {
        // Other workers share the CPUs: confirm alone-ish, with three times the limit, before calling it a hang.
        const retry = await runInWorker(slot, input, 3 * timeoutMs);
        if (retry.kind === "ok") {
          stats.inputs++;
          stats.slow++;
          console.log(`[slow] over ${timeoutMs} ms but done within ${3 * timeoutMs} ms (${retry.result.findings} findings): ${input.how}`);
          continue;
        }
        outcome = retry;
      }
      stats.inputs++;
      stats[outcome.kind]++;
      if (outcome.kind === "ok") stats.findings += outcome.result.findings;
      else if (store(input, outcome)) stats.stored++;
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        console.log(
          `${new Date().toISOString().slice(11, 19)} ${stats.inputs} inputs (${stats.ok} ok, ${stats.slow} slow, ${stats.hang} hangs, ${stats.crash} crashes, ${stats.invariant} invariant failures; ${stats.stored} new cases stored)`,
        );
      }
    }
  }),
);
await Promise.all(slots.map((s) => s.worker.terminate()));
console.log(
  `done: ${stats.inputs} inputs, ${stats.findings} findings; ${stats.slow} slow, ${stats.hang} hangs, ${stats.crash} crashes, ${stats.invariant} invariant failures; ${stats.stored} new cases stored in ${relative(root, outDir)}. Seed ${seed}.`,
);
process.exit(stats.stored > 0 ? 1 : 0);
