// A long run (a whole lint of thousands of files) keeps a little of every file (its index entries, deferred
// checks and findings), and V8 answers that steady survival the way it answers a server's: it doubles the young
// generation up to two 16 MB semi-spaces, and lets the old generation grow to twice or more of what is live before
// collecting it. Most of that room ends up holding garbage: 30 MiB of a whole lint's peak at 10,000 artefacts. Two
// of V8's flags, which it reads each time it resizes, bound it while the files are checked: the young generation
// stops growing at two 8 MB semi-spaces (at 4 MB the run took 12 % longer), and the old one is collected once it
// has grown by a third (paired, at one half: peak 166 -> 139 MiB, wall 1.003x). Both are put back when the
// work is done: V8 keys its code cache by the flags in force, and the loader writes the cache at exit
// (cli-loader.ts), so a flag still changed then would make every next start reject it.
import { createRequire } from "node:module";

/** New space: two semi-spaces of 8 MB. */
const YOUNG_CAP_BYTES = 16 * 1024 * 1024;
/**
 * Old generation: collected once it has grown this much (per cent) over what the last full collection kept. On a
 * busy machine (other processes on both cores, so V8's concurrent marking lags), whole lints at 10,000 artefacts
 * peaked at up to 154.3 MiB at 50 and 148.4 at 40; at 33, 139.7 at most (8 pairs against 40: median 144.2 -> 136.5
 * MiB, wall 1.005x, CPU 1.001x).
 */
const OLD_GROWTH_PERCENT = 33;
/** V8's defaults: --semi-space-growth-factor 2; --heap-growing-percent 0, its own heuristics. */
const DEFAULTS = ["--semi-space-growth-factor=2", "--heap-growing-percent=0"];
/** Files read before the first look: a hook run reads a few, and need not load node:v8 (~5 ms). */
const FIRST_CHECK = 32;
/** Files read between looks at the young generation's size (a look costs microseconds). */
const EVERY = 64;

type V8 = typeof import("node:v8");

/** Whether the user gave V8 a flag like this (node's own arguments or NODE_OPTIONS): a flag the user chose stands. */
export function userSetsV8Flag(pattern: RegExp): boolean {
  return [...process.execArgv, process.env["NODE_OPTIONS"] ?? ""].some((arg) => pattern.test(arg));
}

export class HeapBounds {
  private v8: V8 | undefined;
  private set = false;
  private youngCapped = false;
  private countdown = FIRST_CHECK;
  /**
   * Someone chose these themselves (NODE_OPTIONS, node's own flags): theirs stand. And only V8 11 to 13 (Node 20
   * to 24), whose flags these are: a V8 without one would print "unrecognized flag" on every run.
   */
  private readonly disabled = userSetsV8Flag(/semi[-_]space|heap[-_]growing/) || !/^1[1-3]\./.test(process.versions.v8);

  /** Once per file read. */
  tick(): void {
    if (this.youngCapped || this.disabled || --this.countdown > 0) return;
    this.countdown = EVERY;
    try {
      this.v8 ??= createRequire(import.meta.url)("node:v8") as V8;
      if (!this.set) {
        this.set = true;
        this.v8.setFlagsFromString(`--heap-growing-percent=${OLD_GROWTH_PERCENT}`);
      }
      const young = this.v8.getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
      if (young === undefined || young.space_size < YOUNG_CAP_BYTES) return;
      this.v8.setFlagsFromString("--semi-space-growth-factor=1");
      this.youngCapped = true;
    } catch {
      this.countdown = Number.POSITIVE_INFINITY; // a Node without these: memory as V8 sees fit
    }
  }

  /** Puts V8's defaults back (see above: before the code cache can be written). */
  release(): void {
    if (!this.set) return;
    this.set = false;
    this.youngCapped = false;
    for (const flag of DEFAULTS) this.v8?.setFlagsFromString(flag);
  }
}
