// Headless Chromium driven through the DevTools protocol over a pipe (--remote-debugging-pipe: JSON messages
// separated by NUL on file descriptors 3 and 4), so the tests need no WebSocket client and no browser download:
// Debian's `chromium` package, which .ci/run installs.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";

export function findChromium(): string | undefined {
  return ["chromium", "chromium-browser", "google-chrome"].find((name) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0);
}

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string }; sessionId?: string };

export interface PageProblems {
  /** console.error calls, uncaught exceptions and browser log errors (a CSP violation is one). */
  errors: string[];
}

export class Chromium {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((m: Message) => void)[] = [];
  private buffer = "";

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const out = child.stdio[4] as Readable;
    out.setEncoding("utf8");
    out.on("data", (chunk: string) => {
      this.buffer += chunk;
      let end = this.buffer.indexOf("\0");
      while (end >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        end = this.buffer.indexOf("\0");
        if (message.id !== undefined) {
          const p = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) p?.reject(new Error(message.error.message));
          else p?.resolve(message.result ?? {});
        } else for (const l of this.listeners) l(message);
      }
    });
  }

  static launch(executable: string, size = { width: 1280, height: 900 }): Chromium {
    const profile = mkdtempSync(join(tmpdir(), "aimslint-chromium-profile-"));
    const child = spawn(
      executable,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--remote-debugging-pipe",
        `--user-data-dir=${profile}`,
        `--window-size=${size.width},${size.height}`,
        "about:blank",
      ],
      { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
    );
    return new Chromium(child, profile);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    (this.child.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** A new tab showing `url`, once its load event fired; problems collects what went wrong in it. */
  async open(url: string): Promise<Page> {
    const { targetId } = (await this.send("Target.createTarget", { url: "about:blank" })) as { targetId: string };
    const { sessionId } = (await this.send("Target.attachToTarget", { targetId, flatten: true })) as { sessionId: string };
    const problems: PageProblems = { errors: [] };
    let loaded: () => void = () => {};
    const load = new Promise<void>((resolve) => (loaded = resolve));
    this.listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      const p = m.params ?? {};
      if (m.method === "Page.loadEventFired") loaded();
      if (m.method === "Runtime.exceptionThrown") problems.errors.push(`exception: ${JSON.stringify((p["exceptionDetails"] as { text?: string })?.text ?? p)}`);
      if (m.method === "Runtime.consoleAPICalled" && (p["type"] === "error" || p["type"] === "assert")) problems.errors.push(`console.${p["type"]}: ${JSON.stringify(p["args"])}`);
      if (m.method === "Log.entryAdded") {
        const entry = p["entry"] as { level?: string; text?: string; source?: string };
        if (entry.level === "error") problems.errors.push(`${entry.source}: ${entry.text}`);
      }
    });
    for (const domain of ["Page.enable", "Runtime.enable", "Log.enable"]) await this.send(domain, {}, sessionId);
    const started = performance.now();
    await this.send("Page.navigate", { url }, sessionId);
    await load;
    return new Page(this, sessionId, problems, performance.now() - started);
  }

  /** Closes the browser, and removes its profile once it has exited. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once("exit", () => resolve())));
    void this.send("Browser.close").catch(() => {});
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

export class Page {
  constructor(
    private readonly browser: Chromium,
    private readonly sessionId: string,
    readonly problems: PageProblems,
    /** From navigation to the load event. */
    readonly loadMs: number,
  ) {}

  /** The value of a JavaScript expression in the page (awaited when it is a promise). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.browser.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true }, this.sessionId)) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(`${r.exceptionDetails.text} ${r.exceptionDetails.exception?.description ?? ""}`);
    return r.result.value;
  }

  /** A PNG of the whole page. */
  async screenshot(): Promise<Buffer> {
    const { data } = (await this.browser.send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true }, this.sessionId)) as { data: string };
    return Buffer.from(data, "base64");
  }
}
