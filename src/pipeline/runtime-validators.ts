// Validators for the organisation's own kinds, compiled on first use. Their schemas may $ref ours
// (e.g. common.schema.json#/$defs/date), so ours are registered too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { ConfigError } from "../config/load-config.js";
import { packageRoot } from "../util/package-root.js";
import { builtInValidator } from "./compiled-validators.js";
import type { Validator, ValidatorLookup } from "./validate.js";

export function validatorLookup(schemaFiles: ReadonlyMap<string, string>): ValidatorLookup {
  if (schemaFiles.size === 0) return builtInValidator;
  let ajv: Ajv2020.default | undefined;
  const compiled = new Map<string, Validator>();
  return (kind) => {
    const file = schemaFiles.get(kind);
    if (!file) return builtInValidator(kind);
    let validate = compiled.get(kind);
    if (!validate) {
      ajv ??= createRuntimeAjv();
      try {
        const schema = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
        validate = ajv.compile(schema) as Validator;
      } catch (error) {
        throw new ConfigError(`${file}: the schema of kind "${kind}" cannot be compiled: ${(error as Error).message}`);
      }
      compiled.set(kind, validate);
    }
    return validate;
  };
}

function createRuntimeAjv(): Ajv2020.default {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats.default(ajv);
  const dir = join(packageRoot(), "schemas");
  for (const f of readdirSync(dir).filter((name) => name.endsWith(".schema.json"))) ajv.addSchema(JSON.parse(readFileSync(join(dir, f), "utf8")) as object);
  return ajv;
}
