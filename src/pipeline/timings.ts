// `--debug`: how long each stage of a run took. The per-file stages (read/parse, validate, rules) alternate for
// every file, so their times are summed across files; a run without --debug passes no Timings and pays nothing.
export const STAGES = ["config", "discover", "index cache", "read/parse", "validate", "rules", "repository checks", "findings", "report"] as const;
export type Stage = (typeof STAGES)[number];

export class Timings {
  readonly ms = new Map<Stage, number>();
  /** Counts that say what a stage's time was spent on ("files read"), by stage. */
  readonly notes = new Map<Stage, string[]>();

  /** Adds the time since `since` (a now() value) to `stage`, and returns now. */
  lap(stage: Stage, since: number): number {
    const at = now();
    this.ms.set(stage, (this.ms.get(stage) ?? 0) + (at - since));
    return at;
  }

  note(stage: Stage, text: string): void {
    this.notes.set(stage, [...(this.notes.get(stage) ?? []), text]);
  }
}

/**
 * Milliseconds since the process started. Not performance.now(): the global loads perf_hooks (~1.5 ms of every
 * start), which nothing else needs.
 */
export const now = (): number => process.uptime() * 1000;
