// The HTML report as people see it: written by the built CLI (dist/cli.cjs), opened from file:// in headless
// Chromium, checked in the rendered page (counts, states, link targets, the filter), with no console error (a CSP
// violation is one), and axe-core's accessibility rules with no serious or critical violation. Screenshots go to a
// temporary folder, printed for people to look at.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/resolve-config.js";
import { lint } from "../src/pipeline/lint.js";
import { coverage, coverageInput } from "../src/reporters/coverage.js";
import { Chromium, findChromium } from "../scripts/chromium.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const CLI = join(ROOT, "dist/cli.cjs");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const chromium = findChromium();
const out = mkdtempSync(join(tmpdir(), "aimslint-report-"));

/** Writes the report of an example with the built CLI; returns its path and the exit code. */
function report(example: string, extra: string[] = []): { file: string; status: number | null } {
  const file = join(out, `${example}.html`);
  const r = spawnSync(process.execPath, [CLI, "report", `examples/${example}`, "-o", file, "--no-color", ...extra], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return { file, status: r.status };
}

/** The job summary's coverage (area grain) of the same run, computed in-process. */
async function summaryStatuses(example: string): Promise<Record<string, string>> {
  const cwd = ROOT;
  const config = resolveConfig({ cwd, startDir: join(ROOT, "examples", example) });
  const result = await lint({ cwd, inputs: [`examples/${example}`], config });
  const reported = result.artefacts.filter((a) => result.reported.has(a.file));
  const rows = coverage(coverageInput(result.findings, config, reported, result.artefacts, result.index)).rows;
  return Object.fromEntries(rows.filter((r) => r.ref.startsWith("A.")).map((r) => [r.ref, r.status]));
}

describe.skipIf(!chromium)(`the HTML report in Chromium${chromium ? "" : " (skipped: chromium is not installed)"}`, () => {
  let browser: Chromium;
  beforeAll(() => {
    execFileSync("node", [CLI, "--version"], { cwd: ROOT });
    browser = Chromium.launch(chromium!);
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`report screenshots: ${out}`);
  });

  async function open(file: string, name: string) {
    const page = await browser.open(pathToFileURL(file).href);
    writeFileSync(join(out, `${name}.png`), await page.screenshot());
    return page;
  }

  async function accessibility(page: Awaited<ReturnType<typeof open>>): Promise<string[]> {
    await page.evaluate<boolean>(`${AXE}; true`);
    return page.evaluate<string[]>(
      `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id + ": " + v.nodes.length + " × " + v.nodes[0].target.join(" ")))`,
    );
  }

  it("examples/acme-governance: ready, every system's evidence current, no findings, accessible", { timeout: 120_000 }, async () => {
    const { file, status } = report("acme-governance");
    expect(status).toBe(0);
    expect(statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    const page = await open(file, "acme-governance");
    const dom = await page.evaluate<{
      figure: string;
      counts: Record<string, string>;
      systems: string[];
      states: string[];
      link: string;
      areas: Record<string, string>;
      findings: string;
      a102: string | null;
    }>(`({
      figure: document.querySelector("[data-figure]").textContent,
      counts: Object.fromEntries([...document.querySelectorAll("[data-count]")].map((e) => [e.dataset.count, e.textContent])),
      systems: [...document.querySelectorAll("#matrix tbody tr")].map((r) => r.dataset.system),
      states: [...new Set([...document.querySelectorAll("#matrix td")].map((td) => td.dataset.state))],
      link: document.querySelector('#matrix tr[data-system="SYS-CREDIT"] td[data-column="impact-assessment"] a').href,
      areas: Object.fromEntries([...document.querySelectorAll("[data-area-status]")].map((e) => [e.closest(".group").textContent.split(" ")[0], e.dataset.areaStatus])),
      findings: document.querySelector("#findings").parentElement.textContent.includes("No findings.") ? "none" : "some",
      a102: document.querySelector('.cell[data-ref="A.10.4"]').dataset.state,
    })`);
    expect(dom.figure).toBe("100 %");
    expect(dom.counts).toEqual({ passing: "52", partial: "0", failing: "0", "not-checkable": "6", "not-checked": "8", excluded: "1" });
    expect(dom.systems).toEqual(["SYS-CREDIT", "SYS-DOC-OCR", "SYS-SUPPORT-BOT"]);
    expect(dom.states).toEqual(["current"]);
    // The link goes from the report's folder to the impact assessment in the repository.
    expect(fileURLToPath(dom.link)).toBe(join(ROOT, "examples/acme-governance/governance/impact-assessments/credit-scoring.yaml"));
    expect(existsSync(fileURLToPath(dom.link))).toBe(true);
    expect(dom.findings).toBe("none");
    // The SoA excludes A.10.4 (customers) for every system.
    expect(dom.a102).toBe("excluded");
    // One source of truth: each Annex A area as the job summary's coverage table has it.
    expect(dom.areas).toEqual(await summaryStatuses("acme-governance"));
    expect(page.problems.errors).toEqual([]);
    expect(await accessibility(page)).toEqual([]);
  });

  it("examples/broken: failing cells, findings by system, the filter works, accessible", { timeout: 120_000 }, async () => {
    const { file, status } = report("broken");
    expect(status).toBe(1);
    const page = await open(file, "broken");
    const dom = await page.evaluate<{ figure: string; cells: Record<string, string>; rows: number; errors: number; groups: string[]; areas: Record<string, string> }>(`({
      figure: document.querySelector("[data-figure]").textContent,
      cells: Object.fromEntries([...document.querySelectorAll('#matrix tr[data-system="SYS-CREDIT"] td')].map((td) => [td.dataset.column, td.dataset.state])),
      rows: document.querySelectorAll("#findings-table tr[data-sev]").length,
      errors: document.querySelectorAll('#findings-table tr[data-sev="error"]').length,
      groups: [...document.querySelectorAll("#findings-table tr.sys")].map((r) => r.dataset.group),
      areas: Object.fromEntries([...document.querySelectorAll("[data-area-status]")].map((e) => [e.closest(".group").textContent.split(" ")[0], e.dataset.areaStatus])),
    })`);
    const json = JSON.parse(spawnSync(process.execPath, [CLI, "examples/broken", "--format", "json"], { cwd: ROOT, encoding: "utf8" }).stdout) as {
      summary: { errors: number; warnings: number; infos: number };
    };
    expect(dom.rows).toBe(json.summary.errors + json.summary.warnings + json.summary.infos);
    expect(dom.errors).toBe(json.summary.errors);
    expect(dom.cells).toEqual({
      "impact-assessment": "failing",
      risks: "failing",
      "model-card": "failing",
      "data-cards": "current",
      suppliers: "failing",
      monitoring: "missing",
      // The record is in review: not approved yet, rightly.
      approval: "draft",
    });
    // A system named by an artefact but with no record is a group of its own; the last holds those tied to none.
    expect(dom.groups).toEqual(["SYS-CREDIT", "SYS-DOES-NOT-EXIST", "SYS-SPELLCHECK", ""]);
    expect(dom.areas).toEqual(await summaryStatuses("broken"));
    // Filtering by severity and by requirement, as a person would with the form.
    const shown = await page.evaluate<string[]>(`(() => {
      const box = document.querySelector('input[data-sev-filter][value="warning"]');
      const out = [];
      for (const v of ["error", "info"]) { const b = document.querySelector('input[data-sev-filter][value="' + v + '"]'); b.checked = false; b.dispatchEvent(new Event("change")); }
      out.push(document.getElementById("f-shown").textContent);
      box.checked = false; box.dispatchEvent(new Event("change"));
      out.push(document.getElementById("f-shown").textContent);
      for (const b of document.querySelectorAll("input[data-sev-filter]")) { b.checked = true; b.dispatchEvent(new Event("change")); }
      document.querySelector('button[data-ref="6.1.2"]').click();
      out.push(document.getElementById("f-ref").value, document.getElementById("f-shown").textContent);
      return out;
    })()`);
    expect(shown[0]).toBe(`${json.summary.warnings} of ${dom.rows} shown`);
    expect(shown[1]).toBe(`0 of ${dom.rows} shown`);
    expect(shown[2]).toBe("6.1.2");
    expect(Number(shown[3]!.split(" ")[0])).toBeGreaterThan(0);
    expect(page.problems.errors).toEqual([]);
    expect(await accessibility(page)).toEqual([]);
  });
});
