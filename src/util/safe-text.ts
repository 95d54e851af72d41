// Untrusted text (artefact values, file names) must never become a terminal escape or a GitHub workflow command.
// The runner reads `::cmd::` after leading whitespace and the legacy `##[cmd]` anywhere in a line.

/**
 * Characters that change how text around them is shown without being seen: bidirectional embeddings, overrides and
 * isolates (the "Trojan Source" characters, which can make a file name or value read as something else), zero-width
 * spaces, the word joiner, a BOM inside text, the soft hyphen. Zero-width joiners stay: emoji and some scripts need them.
 */
export const INVISIBLE_FORMAT = "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff";

/** Control characters but tab, CR and LF (ANSI escapes start with one), C1 controls, line separators, invisible format characters. */
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029${INVISIBLE_FORMAT}]`, "g");

/** The characters `pattern` (a global pattern; by default the control and invisible ones above) shown as `\uXXXX`. */
export function unicodeEscaped(text: string, pattern: RegExp = CONTROL): string {
  return text.replace(pattern, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One-line, printable text: line breaks, control characters (ANSI escapes included) and invisible format characters shown as escapes. */
export function safeText(text: string): string {
  return unicodeEscaped(text.replace(/\r\n|\r|\n/g, "\\n")).replace(/##\[/g, "##\u200b[");
}

/** A whole output line that starts with untrusted text (a file name): it may not open with `::`. */
export function safeLineStart(text: string): string {
  const safe = safeText(text);
  return /^\s*::/.test(safe) || /^\s*-/.test(safe) ? `./${safe.trimStart()}` : safe;
}

/**
 * Several lines of text that may hold untrusted parts (an error message quoting a configuration value): each line
 * made safe, and none may open with `::`. Line breaks stay line breaks; they can no longer start a command.
 */
export function safeLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => safeText(line).replace(/^(\s*):(?=:)/, "$1:\u200b"))
    .join("\n");
}

/**
 * Escaping of a workflow command's message, as @actions/core does it, plus the legacy `##[` form; other control
 * characters (ESC of an ANSI sequence, C1 controls) are shown as \uXXXX rather than reaching the log raw.
 */
export function escapeCommandData(text: string): string {
  // CR and LF become %0D and %0A first; the other control characters are shown as escapes.
  return unicodeEscaped(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")).replace(/##\[/g, "##\u200b[");
}

/** Escaping of a workflow command's property value (file=, title=). */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
