// Validators for the organisation's own kinds, compiled on first use with ajv (a sidecar module, loaded only when
// such kinds exist). Their schemas may $ref ours (e.g. common.schema.json#/$defs/date), so ours are registered too.
import { join } from "node:path";
import { ConfigError } from "../core/errors.js";
import { packageRoot } from "../util/package-root.js";
import { readPolicyText } from "../source/load.js";
import { builtInValidator } from "./compiled-validators.js";
import type { Validator, ValidatorLookup } from "./validate.js";

export async function validatorLookup(schemaFiles: ReadonlyMap<string, string>): Promise<ValidatorLookup> {
  if (schemaFiles.size === 0) return builtInValidator;
  const { createCompiler } = await import("../lazy/ajv-runtime.js");
  const compile = createCompiler(join(packageRoot(), "schemas"));
  const compiled = new Map<string, Validator>();
  return (kind) => {
    const file = schemaFiles.get(kind);
    if (!file) return builtInValidator(kind);
    let validate = compiled.get(kind);
    if (!validate) {
      try {
        validate = compile(JSON.parse(readPolicyText(file)) as Record<string, unknown>) as Validator;
      } catch (error) {
        throw new ConfigError(`${file}: the schema of kind "${kind}" cannot be compiled: ${(error as Error).message}`);
      }
      compiled.set(kind, validate);
    }
    return validate;
  };
}
