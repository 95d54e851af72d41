// Regenerates docs/report.png, the picture of the report in the README and docs/report.md: the report of
// examples/acme-governance, written by the built CLI, its overview, heat map and evidence matrix as headless Chromium draws them.
// Run `npm run build` first. Usage: node scripts/report-screenshot.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Chromium, findChromium } from "./chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const executable = findChromium();
if (!executable) {
  console.error("report-screenshot: chromium is not installed (apt-get install chromium).");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "aimslint-screenshot-"));
const report = join(dir, "report.html");
const run = spawnSync(process.execPath, [join(root, "dist/cli.cjs"), "report", "examples/acme-governance", "-o", report], { cwd: root, encoding: "utf8" });
if (run.status !== 0) {
  console.error(`report-screenshot: the report could not be written (exit ${run.status}): ${run.stderr}`);
  process.exit(2);
}
const browser = Chromium.launch(executable, { width: 1200, height: 900 });
try {
  const page = await browser.open(pathToFileURL(report).href);
  const out = join(root, "docs/report.png");
  writeFileSync(out, await page.screenshot(2050));
  console.log(`report-screenshot: wrote ${out}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
