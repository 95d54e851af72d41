// Types of chromium.mjs (plain JavaScript so that scripts and bench can run it).
export declare function findChromium(): string | undefined;

export interface PageProblems {
  /** console.error calls, uncaught exceptions and browser log errors (a CSP violation is one). */
  errors: string[];
}

export declare class Chromium {
  static launch(executable: string, size?: { width: number; height: number }): Chromium;
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>>;
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export declare class Page {
  readonly problems: PageProblems;
  /** From navigation to the load event, in milliseconds. */
  readonly loadMs: number;
  evaluate<T>(expression: string): Promise<T>;
  screenshot(height?: number): Promise<Buffer>;
}
