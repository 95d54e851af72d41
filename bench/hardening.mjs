#!/usr/bin/env node
// The reproductions of the "bounded work on every input" issue, each run through the built CLI (dist/cli.cjs) in a
// fresh folder, with its wall time and peak RSS (GNU time's %e and %M). The issue's bound: each ends in <= 10 s and
// <= 500 MB on 2 cores, with findings that say what was limited, or is refused with a clear error (exit 2).
//
//   npm run build && node bench/hardening.mjs [--only NAME,NAME] [--timeout 60] [--list]
//
// Not part of the unit tests or CI (it measures time); test/hardening/ asserts bounds on the work instead.
// Exit code 1 when a case is over a bound or ends other than by exit 0, 1 or 2.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "dist", "cli.cjs");
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const TIMEOUT_S = Number(arg("timeout") ?? 60);
const ONLY = arg("only")?.split(",");
const MAX_S = 10;
const MAX_MB = 500;

const RULE = (match) =>
  `id: acme/pattern\ntitle: Titles follow the pattern\nseverity: error\niso42001: ["7.5"]\nappliesTo: [risk]\nrationale: Titles follow the house pattern so that people can find them.\nhelp: Rename the title so that it matches the pattern.\ncheck:\n  then:\n    - { field: title, function: pattern, options: { match: ${JSON.stringify(match)} } }\n`;
const RISK = (id, extra = "") => `kind: risk\nid: ${id}\ntitle: A risk\nowner: risk-owner\n${extra}`;

/** name -> files of the case (path -> content, or a function of the folder for what is not plain content), args. */
const CASES = {
  "regex-rule-wildcards": {
    what: "rule pattern .*a.*a.*b on a 1,500-character title (was 229 s)",
    files: { "aimslint.config.yaml": "ruleFiles: [rules/r.yaml]\n", "rules/r.yaml": RULE(".*a.*a.*b"), "risk.yaml": RISK("RISK-1").replace("A risk", "a".repeat(1500)) },
  },
  "card-long-number": {
    what: "a model card line of 100,000 digits after R² (the results statements were tried from every digit: 10 s)",
    files: { "model_card.md": `# Model Card: y\n\nR² ${"9".repeat(100000)}\n\n${"accuracy ".repeat(2000)}${"9".repeat(50000)}\n` },
  },
  "readme-long-table-row": {
    what: "a README of 240 KB whose one line is 60,000 table cells (the results-table sign was quadratic per line: 58 s)",
    files: { "README.md": `# tiny-model-1b\n\nA checkpoint.\n\n${"| 1 ".repeat(60000)}\n` },
  },
  "regex-rule-counts": {
    what: "rule pattern \\d{1,9999}\\d{1,9999}x (passed the old check)",
    files: { "aimslint.config.yaml": "ruleFiles: [rules/r.yaml]\n", "rules/r.yaml": RULE("\\d{1,9999}\\d{1,9999}x"), "risk.yaml": RISK("RISK-1").replace("A risk", "1".repeat(5000)) },
  },
  "regex-schema-pattern": {
    what: 'organisation schema pattern "^(a+)+$" on a 31-character value (was 42 s, doubling per character) -- here 5,000',
    files: {
      "aimslint.config.yaml": "kinds:\n  incident:\n    schema: incident.schema.json\n",
      "incident.schema.json": JSON.stringify({ type: "object", properties: { code: { type: "string", pattern: "^(a+)+$" } } }),
      "inc.yaml": `kind: incident\nid: INC-1\ncode: ${"a".repeat(5000)}!\n`,
    },
  },
  "glob-wildcards": {
    what: "overrides glob *a*a*a*a*a*a*a*b and a 250-character file name (picomatch: ~10^14 steps)",
    files: {
      "aimslint.config.yaml": 'overrides:\n  - files: ["*a*a*a*a*a*a*a*b"]\n    rules: { risk/treatment-complete: off }\n',
      [`${"a".repeat(245)}.yaml`]: RISK("RISK-1"),
    },
  },
  "aliases-99-small": {
    what: "99 aliases to one large list, 22 KB (was 19 s, 588 MB)",
    files: { "register.yaml": aliasBomb(22_000) },
  },
  "aliases-99-large": {
    what: "99 aliases to one large list, 176 KB (was killed at 600 s, 3.1 GB)",
    files: { "register.yaml": aliasBomb(176_000) },
  },
  "controls-20k": {
    what: "a risk with 20,000 treatment.controls not in the SoA (was 87 s)",
    files: { "risk.yaml": controls(20_000) },
  },
  "controls-40k": {
    what: "a risk with 40,000 treatment.controls not in the SoA (was 394 s)",
    files: { "risk.yaml": controls(40_000) },
  },
  "controls-690k": {
    what: "a risk with 690,000 one-word treatment.controls in 4 MiB (over limits.maxItems)",
    files: { "risk.yaml": `kind: risk\nid: RISK-1\ntitle: A risk\ntreatment:\n  option: mitigate\n  controls:\n${"  - A\n".repeat(690_000)}` },
  },
  "did-you-mean": {
    what: '"did you mean" on 1,000 dangling 300-character references x 1,000 ids (was 228 s)',
    files: didYouMean(),
  },
  "multi-doc-4mb": {
    what: "4 MB of tiny multi-document YAML in one file (was 146 s, 3.3 GB)",
    files: { "many.yaml": multiDoc(4_000_000) },
  },
  "multi-doc-4mb-x2": {
    what: "two such files (was V8 out of memory, signal 6, no report)",
    files: { "a.yaml": multiDoc(4_000_000), "b.yaml": multiDoc(4_000_000) },
  },
  "unknown-keys-300k": {
    what: "3.9 MB YAML risk with ~300,000 unknown keys (still running after 240 s)",
    files: { "risk.yaml": unknownKeys(3_900_000) },
  },
  "duplicate-keys-300k": {
    what: "3.9 MB JSON with ~300,000 duplicate keys (still running after 240 s)",
    files: { "risk.json": duplicateKeys(3_900_000, true) },
  },
  "duplicate-keys-40k-minified": {
    what: "minified JSON with 40,000 duplicate pairs (was 10 s)",
    files: { "risk.json": duplicateKeys(40_000 * 12, false) },
  },
  "suppressions-10k": {
    what: "10,000 aimslint-disable-next-line comments (was 31 s vs 3.4 s without)",
    files: { "risk.yaml": suppressions(10_000) },
  },
  "extends-22mb": {
    what: "a 22 MB extends: file (was out of memory)",
    files: {
      "aimslint.config.yaml": "extends: ./big.yaml\n",
      "big.yaml": `rules:\n${"  # padding padding padding padding padding padding padding padding\n".repeat(330_000)}`,
      "risk.yaml": RISK("RISK-1"),
    },
  },
  "extends-fifo": {
    what: "extends: ./fifo.yaml (hung)",
    files: { "aimslint.config.yaml": "extends: ./fifo.yaml\n", "risk.yaml": RISK("RISK-1"), "fifo.yaml": (path) => execFileSync("mkfifo", [path]) },
  },
};

/** A register whose first risk anchors a large list of controls and 99 more risks alias it: rules walk every copy. */
function aliasBomb(bytes) {
  const items = [];
  let size = 0;
  for (let i = 0; size < bytes - 2000; i++) {
    const line = `        - ORG-C${i}\n`;
    items.push(line);
    size += line.length;
  }
  const risk = (i, controls) => `  - id: RISK-${i}\n    title: A risk\n    treatment:\n      option: mitigate\n      controls: ${controls}\n`;
  const rest = Array.from({ length: 99 }, (_, i) => risk(i + 1, "*big")).join("");
  return `kind: risk-register\nid: RR-1\ntitle: Register\nrisks:\n${risk(0, "&big")}${items.join("")}${rest}`;
}

function controls(n) {
  return `kind: risk\nid: RISK-1\ntitle: A risk\nowner: risk-owner\ntreatment:\n  option: mitigate\n  controls:\n${Array.from({ length: n }, (_, i) => `    - ORG-CTRL-${i}\n`).join("")}`;
}

function didYouMean() {
  const files = {};
  const long = (i) => `SYS-${String(i).padStart(4, "0")}-${"x".repeat(290)}`;
  const systems = [];
  for (let i = 0; i < 1000; i++) systems.push(`  - id: RISK-${i}\n    title: Risk ${i}\n    system: ${long(i)}Q\n`);
  files["register.yaml"] = `kind: risk-register\nid: RR-1\ntitle: Register\nrisks:\n${systems.join("")}`;
  for (let i = 0; i < 1000; i++) files[`systems/s${i}.yaml`] = `kind: ai-system\nid: ${long(i)}\ntitle: System ${i}\nname: System ${i}\n`;
  return files;
}

function multiDoc(bytes) {
  const doc = "kind: risk\n---\n";
  return doc.repeat(Math.floor(bytes / doc.length));
}

function unknownKeys(bytes) {
  const lines = ["kind: risk", "id: RISK-1", "title: A risk"];
  let size = 30;
  for (let i = 0; size < bytes; i++) {
    const line = `k${i}: 1`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join("\n")}\n`;
}

function duplicateKeys(bytes, pretty) {
  const pair = pretty ? '\n  "a": 1,' : '"a":1,';
  return `{"kind":"risk","id":"RISK-1","title":"A risk",${pair.repeat(Math.floor(bytes / pair.length))}"b":1}`;
}

function suppressions(n) {
  const lines = ["kind: risk", "id: RISK-1", "title: A risk", "notes:"];
  for (let i = 0; i < n; i++) lines.push("  # aimslint-disable-next-line risk/treatment-complete -- accepted", `  - note ${i}`);
  return `${lines.join("\n")}\n`;
}

function makeCase(files) {
  const dir = mkdtempSync(join(tmpdir(), "aimslint-hardening-bench-"));
  mkdirSync(join(dir, ".git"));
  writeFileSync(join(dir, ".git", "HEAD"), "ref: refs/heads/main\n");
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    if (typeof content === "function") content(join(dir, name));
    else writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Runs the CLI under GNU time in a process group of its own, killed whole (SIGKILL) at the time limit. */
function measure(cwd) {
  return new Promise((done) => {
    const child = spawn("/usr/bin/time", ["-f", "%e %M", process.execPath, CLI, "--no-cache", "--format", "json"], { cwd, detached: true });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, "SIGKILL");
    }, TIMEOUT_S * 1000);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString("utf8");
      // GNU time reports a signal that ended the command as "Command terminated by signal N".
      const killed = /Command terminated by signal (\d+)/.exec(stderr);
      done({ stdout: Buffer.concat(out).toString("utf8"), stderr, status: killed ? null : status, signal: killed ? `${killed[1]}` : signal, error: timedOut });
    });
  });
}

if (process.argv.includes("--list")) {
  for (const [name, c] of Object.entries(CASES)) console.log(`${name.padEnd(28)} ${c.what}`);
  process.exit(0);
}

let failed = 0;
console.log(`aimslint ${execFileSync(process.execPath, [CLI, "--version"], { encoding: "utf8" }).trim()}, node ${process.version}, bound ${MAX_S} s and ${MAX_MB} MB`);
for (const [name, c] of Object.entries(CASES)) {
  if (ONLY && !ONLY.includes(name)) continue;
  const dir = makeCase(c.files);
  const run = await measure(dir);
  const timing = /(\d+\.\d+) (\d+)\s*$/.exec(run.stderr ?? "");
  const seconds = timing ? Number(timing[1]) : Number.NaN;
  const mb = timing ? Number(timing[2]) / 1024 : Number.NaN;
  const exit = run.error ? `timeout ${TIMEOUT_S} s` : run.signal ? `signal ${run.signal}` : `exit ${run.status}`;
  let summary = "";
  try {
    const { findings } = JSON.parse(run.stdout);
    const byRule = new Map();
    for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    summary = [...byRule].map(([rule, n]) => `${rule}×${n}`).join(" ");
  } catch {
    summary = (run.stderr ?? "")
      .replace(/\s*\d+\.\d+ \d+\s*$/, "")
      .split("\n")
      .slice(-3)
      .join(" ")
      .slice(0, 200);
  }
  const ok = !run.error && !run.signal && [0, 1, 2].includes(run.status) && seconds <= MAX_S && mb <= MAX_MB;
  if (!ok) failed++;
  console.log(
    `${ok ? "ok  " : "OVER"} ${name.padEnd(28)} ${Number.isNaN(seconds) ? "   -  " : `${seconds.toFixed(2).padStart(6)} s`} ${Number.isNaN(mb) ? "   -  " : `${mb.toFixed(0).padStart(5)} MB`}  ${exit}  ${summary}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
