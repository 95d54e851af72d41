// Reporter registry: --format name → pure function. The CLI loads one reporter per run (load-reporter.ts); this map
// of all of them is for code that renders every format (the hardening tests).
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Format } from "./formats.js";
import type { Reporter } from "./types.js";

/** Every name in formats.ts must have its reporter here, and only those: the type says so. */
export const REPORTERS: Record<Format, Reporter> = { stylish, json, github, sarif, junit, gitlab, html };

export type { Reporter, ReportContext, RuleMetadata } from "./types.js";
