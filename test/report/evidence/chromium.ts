/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands on
 * fd 3, answers and events on fd 4, each message JSON ended by a NUL byte). No dependency: no
 * puppeteer, no WebSocket (Node 20 has no built-in client), no browser download — Debian's `chromium`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The Chromium binary: CHROMIUM_PATH, else the first of the usual names on PATH; undefined when none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

export interface PageEvents {
  /** console.error/warn, uncaught exceptions, and the browser's own log errors (CSP refusals, failed loads). */
  errors: string[];
  /** Every request the page made, the document itself included. */
  requests: string[];
}

export class Chromium {
  private next = 1;
  private readonly waiting = new Map<number, { ok: (r: Record<string, unknown>) => void; fail: (e: Error) => void }>();
  private readonly listeners: Array<(m: Message) => void> = [];
  private buffer = '';
  private readonly profile: string;
  private stderr = '';

  private constructor(
    private readonly child: ChildProcess,
    profile: string,
  ) {
    this.profile = profile;
    const out = child.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const m = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        if (m.id !== undefined && this.waiting.has(m.id)) {
          const w = this.waiting.get(m.id)!;
          this.waiting.delete(m.id);
          if (m.error) w.fail(new Error(`${m.error.message}`));
          else w.ok(m.result ?? {});
        } else for (const l of this.listeners) l(m);
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => {
      this.stderr = (this.stderr + s).slice(-20_000);
    });
    child.on('exit', () => {
      for (const w of this.waiting.values()) w.fail(new Error(`chromium exited: ${this.stderr.slice(-2000)}`));
      this.waiting.clear();
    });
  }

  static launch(binary: string): Chromium {
    const profile = mkdtempSync(join(tmpdir(), 'tw-chromium-'));
    const child = spawn(
      binary,
      [
        '--headless=new',
        '--remote-debugging-pipe',
        // CI runs as root, where Chromium's sandbox cannot start.
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        '--hide-scrollbars',
        '--mute-audio',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      // Its own process group: close() ends the helpers (renderer, GPU, utility) with it.
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true },
    );
    return new Chromium(child, profile);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.next++;
    const msg = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      (this.child.stdio[3] as Writable).write(`${msg}\0`);
    });
  }

  on(fn: (m: Message) => void): void {
    this.listeners.push(fn);
  }

  /** The next event `method` (of `sessionId`), within `ms`. */
  waitFor(method: string, sessionId: string, ms: number): Promise<Message> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ${method} within ${ms} ms`)), ms);
      this.on((m) => {
        if (m.method === method && m.sessionId === sessionId) {
          clearTimeout(timer);
          ok(m);
        }
      });
    });
  }

  /**
   * Open `url` in a new page of `width` CSS pixels, wait for its load event, and collect what the page
   * logged and requested. `inspect` runs with the page loaded (evaluate, screenshot).
   */
  async open<T>(url: string, width: number, inspect: (page: Page) => Promise<T>): Promise<{ events: PageEvents; value: T }> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const events: PageEvents = { errors: [], requests: [] };
    this.on((m) => {
      if (m.sessionId !== sessionId || !m.params) return;
      const p = m.params as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'warning' || p.type === 'assert')) {
        events.errors.push(`console.${p.type}: ${(p.args ?? []).map((a: { value?: unknown; description?: string }) => String(a.value ?? a.description)).join(' ')}`);
      } else if (m.method === 'Runtime.exceptionThrown') {
        events.errors.push(`exception: ${p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text}`);
      } else if (m.method === 'Log.entryAdded' && (p.entry?.level === 'error' || p.entry?.level === 'warning')) {
        events.errors.push(`log ${p.entry.level} (${p.entry.source}): ${p.entry.text}${p.entry.url ? ` ${p.entry.url}` : ''}`);
      } else if (m.method === 'Network.requestWillBeSent') {
        events.requests.push(String(p.request?.url));
      } else if (m.method === 'Network.loadingFailed') {
        events.errors.push(`request failed: ${p.errorText}${p.blockedReason ? ` (${p.blockedReason})` : ''}`);
      }
    });
    for (const domain of ['Runtime', 'Log', 'Network', 'Page']) await this.send(`${domain}.enable`, {}, sessionId);
    await this.send('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
    const loaded = this.waitFor('Page.loadEventFired', sessionId, 30_000);
    const nav = (await this.send('Page.navigate', { url }, sessionId)) as { errorText?: string };
    if (nav.errorText) throw new Error(`navigation to ${url} failed: ${nav.errorText}`);
    await loaded;
    const page = new Page(this, sessionId, width);
    const value = await inspect(page);
    // Anything logged late (a lazy request, a deferred error) arrives before this answer.
    await this.send('Runtime.evaluate', { expression: '1' }, sessionId);
    return { events, value };
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.send('Browser.close'), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      // already gone
    }
    if (this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGKILL');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    // Helpers left in the group (they may still be writing the profile).
    try {
      if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // the group is gone
    }
    for (let i = 0; ; i++) {
      try {
        rmSync(this.profile, { recursive: true, force: true });
        return;
      } catch (e) {
        if (i >= 20) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}

export class Page {
  constructor(
    private readonly browser: Chromium,
    private readonly sessionId: string,
    private readonly width: number,
  ) {}

  /** The value of a JavaScript expression in the page (JSON-serialisable). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, this.sessionId)) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (r.exceptionDetails) throw new Error(`evaluate failed: ${r.exceptionDetails.text}`);
    return r.result.value;
  }

  /** A PNG of the whole page (or its first `maxHeight` pixels). */
  async screenshot(maxHeight = 16_000): Promise<Buffer> {
    const m = (await this.browser.send('Page.getLayoutMetrics', {}, this.sessionId)) as { cssContentSize: { height: number } };
    const height = Math.min(maxHeight, Math.ceil(m.cssContentSize.height));
    await this.browser.send('Emulation.setDeviceMetricsOverride', { width: this.width, height, deviceScaleFactor: 1, mobile: false }, this.sessionId);
    const shot = (await this.browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, this.sessionId)) as { data: string };
    return Buffer.from(shot.data, 'base64');
  }
}
