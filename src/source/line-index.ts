// Turns character offsets into 1-based line/column. Breaks lines at \n, \r\n and a lone \r, as editors do.
import type { Position, Range } from "../core/finding.js";

export class LineIndex {
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  /** Built on first use: most files of a run have no finding and never need a position. */
  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const { text } = this;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return (this.lineStarts = starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the CR and the LF of a CRLF is still the end of the line, not one column past it.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.starts[lo] as number) + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /**
   * Offset of the end of the line holding `offset`, before its line break (`offset` itself when it is on the break
   * or past the text). From the line starts, not by walking: a minified JSON file is one line, and a finding per
   * key made the walk quadratic (40,000 duplicate keys: 11 s).
   */
  lineEnd(offset: number): number {
    const { text, starts } = this;
    if (offset >= text.length) return offset;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const next = starts[lo + 1];
    let end = next === undefined ? text.length : next - 1;
    if (next !== undefined && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
    return Math.max(offset, end);
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    return this.text.slice(start, this.lineEnd(start));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] as number;
  }
}
