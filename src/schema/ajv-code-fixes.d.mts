// Types of ajv-code-fixes.mjs (plain JavaScript so that scripts/build.mjs can import it).
export declare function fixValidatorCode(code: string): string;
export declare function unfixedValidatorCode(code: string): boolean;
