// Reporter registry: --format name → pure function.
import { github } from "./github.js";
import { json } from "./json.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Reporter } from "./types.js";

export const REPORTERS: Record<string, Reporter> = { stylish, json, github, sarif };

export type { Reporter, ReportContext, RuleMetadata } from "./types.js";
