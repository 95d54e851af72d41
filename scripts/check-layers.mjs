// Fails when an import in src/ points from a lower layer to a higher one, or when files import each other in a
// circle. The layers are the pipeline's, lowest first (README, "How it works"); a folder may import its own layer
// and those below. `npm run check:layers`; test/layers.test.ts runs it too.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Lowest first. Folders of one row are peers. Files directly in src/ are entry points, above everything. */
export const LAYERS = [["core"], ["util"], ["source"], ["schema", "lazy"], ["engine"], ["config"], ["pipeline"], ["reporters"], ["cli", "action"]];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.mts") ? [path] : [];
  });
}

function rankOf(file, src) {
  const top = relative(src, file).split(sep)[0];
  const rank = LAYERS.findIndex((row) => row.includes(top));
  return rank >= 0 ? rank : top.includes(".") ? LAYERS.length : -1;
}

/** The src/ files `file` imports (static, dynamic and type-only imports alike). */
function importsOf(file, known) {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  const targets = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith(".")) continue;
    const base = resolve(dirname(file), fileName);
    const found = [base, base.replace(/\.js$/, ".ts"), base.replace(/\.mjs$/, ".mts"), base.replace(/\.mjs$/, ".mjs")].find((c) => known.has(c));
    if (found) targets.push(found);
  }
  return targets;
}

/** Every problem as one line; empty when the layering holds. */
export function checkLayers(src = join(root, "src")) {
  const files = sourceFiles(src);
  const known = new Set(files);
  const problems = [];
  const graph = new Map(files.map((f) => [f, importsOf(f, known)]));
  const name = (f) => relative(dirname(src), f).split(sep).join("/");
  for (const [file, targets] of graph) {
    const rank = rankOf(file, src);
    if (rank < 0) problems.push(`${name(file)}: its folder is in no layer (add it to LAYERS in scripts/check-layers.mjs)`);
    for (const target of targets) {
      if (rankOf(target, src) > rank) problems.push(`${name(file)} imports ${name(target)}, a higher layer`);
    }
  }
  for (const circle of circles(graph)) problems.push(`files import each other in a circle: ${circle.map(name).join(" -> ")}`);
  return problems;
}

/** Strongly connected components of more than one file (Tarjan), each as a list of files. */
function circles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkLayers();
  for (const p of problems) console.log(p);
  console.log(problems.length === 0 ? "Layers hold: no upward import, no circle." : `${problems.length} layering problem(s).`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
