// Everything the Action prints besides its own annotations. The runner reads `::cmd::` after leading
// whitespace and `##[cmd]` anywhere in a line (actions/runner ActionCommand.cs), so free text goes inside a
// `::stop-commands::<random token>` block, and is made printable and single-line-safe as well.
import { randomBytes } from "node:crypto";
import { EOL } from "node:os";
import { safeText, unicodeEscaped } from "../util/safe-text.js";

/**
 * Text for an annotation message, or (`property`) a file name or title. @actions/core escapes `%`, CR and LF
 * (and `:` `,` in properties), which the runner turns back into the same characters; it leaves terminal
 * escapes and the legacy `##[` form alone, so they are made visible here.
 */
export function annotationText(text: string, property = false): string {
  return unicodeEscaped(property ? text : text.replace(/\r\n?/g, "\n")).replace(/##\[/g, "##\u200b[");
}

/** Free text for the log, one line per line of input, each made safe on its own. */
export function logLines(text: string): string[] {
  return text
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => safeText(line).replace(/^(\s*)::/, "$1:\u200b:"));
}

export class FencedLog {
  private token: string | undefined;

  constructor(private readonly write: (text: string) => void = (t) => process.stdout.write(t)) {}

  /** Print free text; opens the fence on first use. */
  print(text: string): void {
    if (!this.token) {
      // 128 random bits, new for every run, as the runner documentation asks.
      this.token = randomBytes(16).toString("hex");
      this.write(`::stop-commands::${this.token}${EOL}`);
    }
    for (const line of logLines(text)) this.write(line + EOL);
  }

  /** Close the fence, so that the annotations printed next are read as commands again. */
  close(): void {
    if (!this.token) return;
    this.write(`::${this.token}::${EOL}`);
    this.token = undefined;
  }
}
