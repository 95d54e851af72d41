// Stage 5: validate each artefact against its kind's JSON Schema and turn ajv's errors into findings.
// Built-in kinds use validators compiled at build time (fast start-up); the organisation's own kinds are
// compiled on first use.
import type { ErrorObject } from "ajv";
import type { Finding } from "../core/finding.js";
import { kindInfo, schemaFileOf } from "../core/kinds.js";
import { describeSchemaErrors } from "./schema-errors.js";
import type { Artefact } from "../source/classify.js";
import { withoutYaml11Values } from "../source/yaml11-values.js";
import { CORE_RULES } from "../core/core-rules.js";
import { report } from "../core/report.js";

export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type ValidatorLookup = (kind: string) => Validator | undefined;

export function validateArtefact(artefact: Artefact, lookup: ValidatorLookup): Finding[] {
  // Register entries are validated as part of their register, through the register's schema.
  if (artefact.parent) return [];
  // A card in a format of its own (Model Card Toolkit, CycloneDX) follows that format's schema, not ours.
  if (artefact.foreign) return [];
  const validate = lookup(artefact.kind);
  if (!validate) return [];
  // Only a tag (always written with "!") makes a YAML 1.1 value: most files skip the walk.
  const data = artefact.doc.source.text.includes("!") ? withoutYaml11Values(artefact.doc.data) : artefact.doc.data;
  let ok: boolean;
  try {
    ok = validate(data);
  } catch (error) {
    return [
      report(CORE_RULES["schema/invalid"], artefact.doc.source.path, artefact.doc.locator.locate([]).range, `Document could not be validated: ${(error as Error).message}.`, {
        iso42001: kindInfo(artefact.kind)?.iso42001 ?? [],
      }),
    ];
  }
  if (ok || !validate.errors) return [];
  const kind = kindInfo(artefact.kind);
  return describeSchemaErrors(
    validate.errors,
    { file: artefact.doc.source.path, locator: artefact.doc.locator, data: artefact.doc.data, root: artefact.root },
    { title: kind?.title ?? artefact.kind, schemaFile: schemaFileOf(artefact.kind), iso42001: kind?.iso42001 ?? [] },
  );
}
