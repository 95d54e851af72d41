// Sidecar module: ajv's schema compiler, bundled to dist/ajv-runtime.cjs and loaded only for the organisation's
// own kinds (built-in kinds use validators precompiled at build time).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { fixValidatorCode } from "../schema/ajv-code-fixes.mjs";
import { linearPattern } from "../util/safe-regex.js";

export type SchemaCompiler = (schema: Record<string, unknown>) => ((data: unknown) => boolean) & { errors?: unknown };

/**
 * The organisation's schemas come from the repository: their `pattern`s and `patternProperties` run on the linear
 * engine (src/util/safe-regex.ts), so `"pattern": "^(a+)+$"` cannot hang a scan; one that cannot run there makes
 * the schema fail to compile, with the reason. ajv calls this once per distinct pattern, with flags "u".
 */
const regExp = Object.assign(
  (source: string) => {
    const pattern = linearPattern(source);
    return { test: (text: string) => pattern.test(text), toString: () => `/${source}/u` };
  },
  { code: "aimslint-linear-regexp" },
);

/** A compiler that knows our schemas, so an organisation's schema can $ref common.schema.json. */
export function createCompiler(schemasDir: string): SchemaCompiler {
  // code.process: see ajv-code-fixes.mjs (keys named like Object.prototype members, linear error collection).
  const ajv = new Ajv2020.default({ allErrors: true, strict: false, allowUnionTypes: true, code: { process: fixValidatorCode, regExp } });
  addFormats.default(ajv);
  for (const f of readdirSync(schemasDir).filter((name) => name.endsWith(".schema.json"))) ajv.addSchema(JSON.parse(readFileSync(join(schemasDir, f), "utf8")) as object);
  return (schema) => ajv.compile(schema) as ReturnType<SchemaCompiler>;
}
