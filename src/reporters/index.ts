// Reporter registry: --format name → pure function.
import { github } from "./github.js";
import { json } from "./json.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Format } from "./formats.js";
import type { Reporter } from "./types.js";

/** Every name in formats.ts must have its reporter here, and only those: the type says so. */
export const REPORTERS: Record<Format, Reporter> = { stylish, json, github, sarif };

export type { Reporter, ReportContext, RuleMetadata } from "./types.js";
