// XML text from untrusted strings (file names, messages quoting artefact values, an organisation's rule texts).
// XML 1.0 has no way at all to write most control characters, lone surrogates, U+FFFE or U+FFFF, not even as
// character references: they are shown as \uXXXX, as the other reporters show control characters. The rest is what
// every reporter does for a CI log (safe-text.ts): no ANSI escape, no line that opens a workflow command.
import { safeLines, safeText } from "../util/safe-text.js";

/** Characters XML 1.0 cannot hold (its Char production), lone surrogates included; `u`: pairs are one character. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function xmlChars(text: string): string {
  return text.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Element content: lines kept, markup escaped. */
export function xmlText(text: string): string {
  return xmlChars(safeLines(text)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An attribute value between double quotes, on one line. */
export function xmlAttribute(text: string): string {
  return xmlChars(safeText(text)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
