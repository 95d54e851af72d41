#!/usr/bin/env node
// The report's budget (issue 18, docs/report.md): the HTML report of a generated repository of N artefact files
// weighs under 2 MB and opens in headless Chromium (navigation to the load event) in under 2 s. Several opens,
// median; each open in a fresh tab of one browser, as a person opening the file would see it.
//
//   node bench/report.mjs [--n 1000] [--opens 7] [--regenerate]
//
// Needs `npm run build` at the root and Debian's chromium (or chromium-browser / google-chrome) on the PATH.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Chromium, findChromium } from "../scripts/chromium.mjs";
import { generate } from "./generate.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const CLI = join(resolve(BENCH, ".."), "dist", "cli.cjs");
const { values } = parseArgs({ options: { n: { type: "string", default: "1000" }, opens: { type: "string", default: "7" }, regenerate: { type: "boolean" } } });
const n = Number(values.n);
const opens = Number(values.opens);
const executable = findChromium();
if (!executable) {
  console.error("bench/report: chromium is not installed.");
  process.exit(2);
}

const corpus = join(BENCH, ".corpus", `n${n}`);
if (values.regenerate || !existsSync(corpus)) {
  rmSync(corpus, { recursive: true, force: true });
  generate({ n, out: corpus });
}
const out = mkdtempSync(join(tmpdir(), "aimslint-bench-report-"));
const file = join(out, "report.html");
const started = performance.now();
const run = spawnSync(process.execPath, [CLI, "report", "-o", file], { cwd: corpus, encoding: "utf8" });
const writeMs = performance.now() - started;
if (run.status !== 0 && run.status !== 1) {
  console.error(`bench/report: aimslint exited ${run.status}: ${run.stderr}`);
  process.exit(1);
}
const bytes = statSync(file).size;
const browser = Chromium.launch(executable);
const loads = [];
let shown = "";
try {
  for (let i = 0; i < opens; i++) {
    const page = await browser.open(`${pathToFileURL(file).href}?open=${i}`);
    loads.push(page.loadMs);
    if (page.problems.errors.length > 0) throw new Error(`console errors: ${page.problems.errors.join("; ")}`);
    shown = await page.evaluate('document.getElementById("f-shown")?.textContent ?? "no findings"');
  }
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
loads.sort((a, b) => a - b);
const median = loads[Math.floor(loads.length / 2)];
console.log(`corpus n=${n}: report ${(bytes / 1024 / 1024).toFixed(2)} MB (budget 2 MB), written in ${(writeMs / 1000).toFixed(2)} s; findings: ${shown}`);
console.log(`open to load event, ${opens} opens: median ${median.toFixed(0)} ms (budget 2000 ms), min ${loads[0].toFixed(0)}, max ${loads.at(-1).toFixed(0)}`);
process.exit(bytes < 2 * 1024 * 1024 && median < 2000 ? 0 : 1);
