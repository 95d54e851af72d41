// Headless Chromium driven through the DevTools protocol over a pipe (--remote-debugging-pipe: JSON messages
// separated by NUL on file descriptors 3 and 4), so that the report's browser test, its screenshot script and its
// bench need no WebSocket client and no browser download: Debian's `chromium` package, which .ci/run installs.
// Plain JavaScript so that scripts and bench can run it; types in chromium.d.mts.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function findChromium() {
  return ["chromium", "chromium-browser", "google-chrome"].find((name) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0);
}

export class Chromium {
  #nextId = 1;
  #pending = new Map();
  #listeners = [];
  #buffer = "";
  #child;
  #profile;

  constructor(child, profile) {
    this.#child = child;
    this.#profile = profile;
    const out = child.stdio[4];
    out.setEncoding("utf8");
    out.on("data", (chunk) => {
      this.#buffer += chunk;
      let end = this.#buffer.indexOf("\0");
      while (end >= 0) {
        const message = JSON.parse(this.#buffer.slice(0, end));
        this.#buffer = this.#buffer.slice(end + 1);
        end = this.#buffer.indexOf("\0");
        if (message.id !== undefined) {
          const p = this.#pending.get(message.id);
          this.#pending.delete(message.id);
          if (message.error) p?.reject(new Error(message.error.message));
          else p?.resolve(message.result ?? {});
        } else for (const l of this.#listeners) l(message);
      }
    });
  }

  static launch(executable, size = { width: 1280, height: 900 }) {
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
        "--hide-scrollbars",
        "--remote-debugging-pipe",
        `--user-data-dir=${profile}`,
        `--window-size=${size.width},${size.height}`,
        "about:blank",
      ],
      { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
    );
    return new Chromium(child, profile);
  }

  send(method, params = {}, sessionId) {
    const id = this.#nextId++;
    this.#child.stdio[3].write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
  }

  /** A new tab showing `url`, once its load event fired; its `problems` collect what went wrong in it. */
  async open(url) {
    const { targetId } = await this.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await this.send("Target.attachToTarget", { targetId, flatten: true });
    const problems = { errors: [] };
    let loaded = () => {};
    const load = new Promise((resolve) => (loaded = resolve));
    this.#listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      const p = m.params ?? {};
      if (m.method === "Page.loadEventFired") loaded();
      if (m.method === "Runtime.exceptionThrown") problems.errors.push(`exception: ${JSON.stringify(p.exceptionDetails?.text ?? p)}`);
      if (m.method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert")) problems.errors.push(`console.${p.type}: ${JSON.stringify(p.args)}`);
      if (m.method === "Log.entryAdded" && p.entry?.level === "error") problems.errors.push(`${p.entry.source}: ${p.entry.text}`);
    });
    for (const domain of ["Page.enable", "Runtime.enable", "Log.enable"]) await this.send(domain, {}, sessionId);
    const started = performance.now();
    await this.send("Page.navigate", { url }, sessionId);
    await load;
    return new Page(this, sessionId, problems, performance.now() - started);
  }

  /** Closes the browser, and removes its profile once it has exited. */
  async close() {
    const child = this.#child;
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
    this.send("Browser.close").catch(() => {});
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.#profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

export class Page {
  #browser;
  #sessionId;

  constructor(browser, sessionId, problems, loadMs) {
    this.#browser = browser;
    this.#sessionId = sessionId;
    this.problems = problems;
    this.loadMs = loadMs;
  }

  /** The value of a JavaScript expression in the page (awaited when it is a promise). */
  async evaluate(expression) {
    const r = await this.#browser.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true }, this.#sessionId);
    if (r.exceptionDetails) throw new Error(`${r.exceptionDetails.text} ${r.exceptionDetails.exception?.description ?? ""}`);
    return r.result.value;
  }

  /** A PNG of the whole page, or of the first `height` pixels. */
  async screenshot(height) {
    const clip = height ? { clip: { x: 0, y: 0, width: await this.evaluate("document.documentElement.scrollWidth"), height, scale: 1 } } : {};
    const { data } = await this.#browser.send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true, ...clip }, this.#sessionId);
    return Buffer.from(data, "base64");
  }
}
