// JSON text that is safe to print to a CI log: the runner reads it line by line, so the legacy `##[` command form,
// C1 controls (U+009B is an 8-bit CSI), line separators and invisible format characters are written as JSON escapes.
// The JSON value stays the same once parsed.
import { INVISIBLE_FORMAT, unicodeEscaped } from "../util/safe-text.js";

const JSON_ESCAPED = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${INVISIBLE_FORMAT}]`, "g");

/** `value` as indented JSON with a final newline, escaped as above. */
export function printableJson(value: unknown): string {
  return `${unicodeEscaped(JSON.stringify(value, null, 2).replace(/##\[/g, "##\\u005b"), JSON_ESCAPED)}\n`;
}
