// Reporter registry: --format name → pure function.
import { github } from "./github.js";
import { json } from "./json.js";
import { stylish } from "./stylish.js";
import type { Reporter } from "./types.js";

export const REPORTERS: Record<string, Reporter> = { stylish, json, github };

export type { Reporter, ReportContext } from "./types.js";
