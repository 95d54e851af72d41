// The vocabulary rules are written in. Each name is documented in docs/rule-functions.md.
import type { CheckFunction, FunctionCall, RepositoryCheckFunction } from "../types.js";
import { absent, coverage, date, enumeration, includes, length, noPlaceholders, oneOf, ordinal, pattern, present, range } from "./document.js";
import { listedIn, reference, referencedBy, uniqueId } from "./repository.js";

/** Functions that see only the artefact they run on: they run while its file is parsed. */
export const DOCUMENT_FUNCTIONS: Readonly<Record<string, CheckFunction>> = {
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
  coverage,
};

/** Functions that look at other artefacts through the repository index: they run once every file is indexed. */
export const REPOSITORY_FUNCTIONS: Readonly<Record<string, RepositoryCheckFunction>> = {
  reference,
  "unique-id": uniqueId,
  "referenced-by": referencedBy,
  "listed-in": listedIn,
};

export const usesRepository = (call: FunctionCall): boolean => Object.hasOwn(REPOSITORY_FUNCTIONS, call.function);
