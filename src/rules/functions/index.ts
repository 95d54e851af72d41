// The vocabulary rules are written in. Each name is documented in docs/rule-functions.md.
import type { CheckFunction } from "../types.js";
import { absent, date, enumeration, includes, length, noPlaceholders, oneOf, ordinal, pattern, present, range } from "./document.js";
import { coverage, listedIn, reference, referencedBy, uniqueId } from "./repository.js";

export const FUNCTIONS: Record<string, CheckFunction> = {
  present,
  absent,
  pattern,
  enumeration,
  includes,
  length,
  range,
  date,
  ordinal,
  "one-of": oneOf,
  "no-placeholders": noPlaceholders,
  reference,
  "unique-id": uniqueId,
  "referenced-by": referencedBy,
  coverage,
  "listed-in": listedIn,
};
