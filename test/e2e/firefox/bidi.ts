import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

/**
 * A small WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/) for Firefox, on `ws`: just the commands
 * the Firefox tests use. Firefox speaks BiDi itself when started with `--remote-debugging-port=<port>` (port 0:
 * any free port; Firefox then writes the one it took to `<profile>/WebDriverBiDiServer.json`). Nothing to
 * install besides Firefox: no geckodriver, no Marionette.
 *
 * Wire format: the client sends `{id, method, params}`; Firefox answers `{type: "success", id, result}` or
 * `{type: "error", id, error, message, stacktrace}` and sends events as `{type: "event", method, params}`.
 *
 * `Tab` wraps one top-level browsing context with what a test needs: navigate, run a function in the page
 * (`script.callFunction`; arguments and result pass as JSON), wait for a condition in the page, real pointer
 * clicks and keys (`input.performActions`), file inputs (`input.setFiles`), viewport and screenshots.
 * Scripts run through BiDi are evaluated by Firefox's debugger in the page's own realm, so they see the page's
 * globals (on an extension page: `browser`), but they are not page script: the page's CSP does not apply.
 */

// ---- protocol types (the subset used) ----

export interface BrowsingContextInfo {
  context: string;
  url: string;
  children: BrowsingContextInfo[] | null;
  parent?: string | null;
  userContext?: string;
  originalOpener?: string | null;
}

export interface SharedReference {
  sharedId: string;
  handle?: string;
}

/** script.RemoteValue, loosely: `value` depends on `type`. */
export interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
  handle?: string;
}

export type LocalValue =
  | { type: 'undefined' }
  | { type: 'null' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number | 'NaN' | '-0' | 'Infinity' | '-Infinity' }
  | { type: 'boolean'; value: boolean }
  | SharedReference;

export type Target = { context: string; sandbox?: string } | { realm: string };

export type EvaluateResult =
  | { type: 'success'; result: RemoteValue; realm: string }
  | {
      type: 'exception';
      realm: string;
      exceptionDetails: { text: string; columnNumber: number; lineNumber: number; exception: RemoteValue; stackTrace?: { callFrames: Array<{ url: string; functionName: string; lineNumber: number; columnNumber: number }> } };
    };

type PointerAction =
  | { type: 'pointerMove'; x: number; y: number; duration?: number; origin?: 'viewport' | 'pointer' | { type: 'element'; element: SharedReference } }
  | { type: 'pointerDown'; button: number }
  | { type: 'pointerUp'; button: number }
  | { type: 'pause'; duration?: number };
type KeyAction = { type: 'keyDown'; value: string } | { type: 'keyUp'; value: string } | { type: 'pause'; duration?: number };
export type SourceActions =
  | { type: 'pointer'; id: string; parameters?: { pointerType: 'mouse' | 'pen' | 'touch' }; actions: PointerAction[] }
  | { type: 'key'; id: string; actions: KeyAction[] };

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  type: 'console' | 'javascript' | string;
  text: string | null;
  timestamp: number;
  source: { realm: string; context?: string };
  method?: string;
  stackTrace?: { callFrames: Array<{ url: string; functionName: string; lineNumber: number; columnNumber: number }> };
}

type Empty = Record<string, never>;

/** Commands by name: their parameters and result. */
export interface Commands {
  'session.new': { params: { capabilities: { alwaysMatch?: Record<string, unknown> } }; result: { sessionId: string; capabilities: Record<string, unknown> & { browserName?: string; browserVersion?: string } } };
  'session.end': { params: Empty; result: Empty };
  'session.subscribe': { params: { events: string[]; contexts?: string[] }; result: { subscription?: string } };
  'browsingContext.getTree': { params: { maxDepth?: number; root?: string }; result: { contexts: BrowsingContextInfo[] } };
  'browsingContext.create': { params: { type: 'tab' | 'window'; background?: boolean; referenceContext?: string }; result: { context: string } };
  'browsingContext.navigate': { params: { context: string; url: string; wait?: 'none' | 'interactive' | 'complete' }; result: { navigation: string | null; url: string } };
  'browsingContext.reload': { params: { context: string; ignoreCache?: boolean; wait?: 'none' | 'interactive' | 'complete' }; result: { navigation: string | null; url: string } };
  'browsingContext.close': { params: { context: string; promptUnload?: boolean }; result: Empty };
  'browsingContext.activate': { params: { context: string }; result: Empty };
  'browsingContext.setViewport': { params: { context: string; viewport: { width: number; height: number } | null; devicePixelRatio?: number | null }; result: Empty };
  'browsingContext.captureScreenshot': {
    params: { context: string; origin?: 'viewport' | 'document'; format?: { type: string; quality?: number }; clip?: { type: 'element'; element: SharedReference } | { type: 'box'; x: number; y: number; width: number; height: number } };
    result: { data: string };
  };
  'script.evaluate': { params: { expression: string; target: Target; awaitPromise: boolean; resultOwnership?: 'root' | 'none'; userActivation?: boolean }; result: EvaluateResult };
  'script.callFunction': {
    params: { functionDeclaration: string; target: Target; awaitPromise: boolean; arguments?: LocalValue[]; this?: LocalValue; resultOwnership?: 'root' | 'none'; userActivation?: boolean };
    result: EvaluateResult;
  };
  'input.performActions': { params: { context: string; actions: SourceActions[] }; result: Empty };
  'input.releaseActions': { params: { context: string }; result: Empty };
  'input.setFiles': { params: { context: string; element: SharedReference; files: string[] }; result: Empty };
  'browser.setDownloadBehavior': { params: { downloadBehavior: { type: 'allowed'; destinationFolder?: string } | { type: 'denied' } | null; userContexts?: string[] }; result: Empty };
}

export interface Events {
  'log.entryAdded': LogEntry;
  'browsingContext.contextCreated': BrowsingContextInfo;
  'browsingContext.contextDestroyed': BrowsingContextInfo;
  'browsingContext.load': { context: string; navigation: string | null; timestamp: number; url: string };
  'browsingContext.downloadWillBegin': { context: string; navigation: string | null; timestamp: number; url: string; suggestedFilename: string };
  'browsingContext.downloadEnd':
    | { context: string; navigation: string | null; timestamp: number; url: string; status: 'complete'; filepath: string | null }
    | { context: string; navigation: string | null; timestamp: number; url: string; status: 'canceled' };
}

type Incoming =
  | { type: 'success'; id: number; result: unknown }
  | { type: 'error'; id: number | null; error: string; message: string; stacktrace?: string }
  | { type: 'event'; method: string; params: unknown };

export class BiDiError extends Error {
  constructor(
    readonly method: string,
    readonly error: string,
    message: string,
  ) {
    super(`${method}: ${error}: ${message}`);
    this.name = 'BiDiError';
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---- the connection ----

export class BiDiSession {
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private readonly listeners = new Map<string, Set<(params: unknown) => void>>();
  private closed: Error | null = null;
  /** Default time a command may take before its promise rejects. */
  commandTimeoutMs = 30_000;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.onMessage(String(data)));
    ws.on('close', (code, reason) => this.fail(new Error(`BiDi connection closed (${code}${reason.length ? ` ${String(reason)}` : ''})`)));
    ws.on('error', (err) => this.fail(err));
  }

  /** Connects to `ws://host:port/session` and starts a session (Firefox allows one at a time). */
  static async connect(url: string, { timeoutMs = 15_000, capabilities = {} as Record<string, unknown> } = {}): Promise<{ session: BiDiSession; capabilities: Commands['session.new']['result']['capabilities'] }> {
    const ws = await new Promise<WebSocket>((resolve, reject) => {
      const sock = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
      sock.once('open', () => resolve(sock));
      sock.once('error', reject);
    });
    const session = new BiDiSession(ws);
    const r = await session.send('session.new', { capabilities: { alwaysMatch: capabilities } }, timeoutMs);
    return { session, capabilities: r.capabilities };
  }

  send<M extends keyof Commands>(method: M, params: Commands[M]['params'], timeoutMs = this.commandTimeoutMs): Promise<Commands[M]['result']> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    return new Promise<Commands[M]['result']>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new BiDiError(method, 'timeout', `no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  on<E extends keyof Events>(event: E, handler: (params: Events[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(handler as (p: unknown) => void);
    this.listeners.set(event, set);
    return () => set.delete(handler as (p: unknown) => void);
  }

  /** Subscribes to events (all contexts) and registers a handler for one of them. */
  async subscribe<E extends keyof Events>(event: E, handler: (params: Events[E]) => void): Promise<void> {
    this.on(event, handler);
    await this.send('session.subscribe', { events: [event] });
  }

  /** Ends the session (best effort) and closes the socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.send('session.end', {}, 5_000);
    } catch {
      /* Firefox may already be gone */
    }
    this.fail(new Error('BiDi session closed'));
    this.ws.terminate();
  }

  private onMessage(raw: string) {
    let msg: Incoming;
    try {
      msg = JSON.parse(raw) as Incoming;
    } catch {
      return;
    }
    if (msg.type === 'event') {
      for (const h of this.listeners.get(msg.method) ?? []) h(msg.params);
      return;
    }
    if (msg.id === null || msg.id === undefined) return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.type === 'success') p.resolve(msg.result);
    else p.reject(new BiDiError(p.method, msg.error, msg.message));
  }

  private fail(err: Error) {
    if (this.closed) return;
    this.closed = err;
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
  }
}

/**
 * The BiDi WebSocket URL of a Firefox started with `--remote-debugging-port=0` on this profile: waits for
 * `WebDriverBiDiServer.json`, which Firefox writes once the server listens (a fresh profile has none before).
 */
export async function bidiUrlFromProfile(profileDir: string, timeoutMs: number, alive: () => boolean = () => true): Promise<string> {
  const file = join(profileDir, 'WebDriverBiDiServer.json');
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!alive()) throw new Error('Firefox exited before its WebDriver BiDi server started');
    if (existsSync(file)) {
      try {
        const { ws_host: host, ws_port: port } = JSON.parse(readFileSync(file, 'utf8')) as { ws_host?: string; ws_port?: number };
        if (host && port) return `ws://${host.includes(':') ? `[${host}]` : host}:${port}/session`;
      } catch {
        /* being written: read again */
      }
    }
    await sleep(100);
  }
  throw new Error(`no ${file} after ${timeoutMs} ms: was Firefox started with --remote-debugging-port?`);
}

// ---- one tab ----

/** JSON-serialisable values, for arguments and results of in-page functions. */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json | undefined };

export interface WaitOptions {
  timeoutMs?: number;
  /** What is awaited, for the error message. */
  what?: string;
}

/**
 * In-page functions travel as source: `fn` must not use anything from the test's scope. Arguments and results
 * pass as JSON. No `eval` in the page (extension pages forbid it); the function's source is part of the
 * declaration sent. `__name` is defined in case a transpiler adds calls to it.
 */
function callOnce(fn: string): string {
  return `async function (argsJson) {
    const __name = (f) => f;
    const fn = (${fn});
    const r = await fn(...JSON.parse(argsJson));
    return r === undefined ? null : JSON.stringify(r);
  }`;
}

/** The same, polled in the page every 50 ms until truthy or `sliceMs` passed (then null). */
function pollFor(fn: string): string {
  return `async function (argsJson, sliceMs) {
    const __name = (f) => f;
    const fn = (${fn});
    const args = JSON.parse(argsJson);
    const stop = Date.now() + sliceMs;
    for (;;) {
      const v = await fn(...args);
      if (v) return JSON.stringify(v);
      if (Date.now() > stop) return null;
      await new Promise((r) => setTimeout(r, 50));
    }
  }`;
}

function describeException(r: Extract<EvaluateResult, { type: 'exception' }>): string {
  const frames = r.exceptionDetails.stackTrace?.callFrames ?? [];
  return `${r.exceptionDetails.text}${frames.length ? `\n    at ${frames.map((f) => `${f.functionName || '<anonymous>'} (${f.url}:${f.lineNumber}:${f.columnNumber})`).join('\n    at ')}` : ''}`;
}

export class Tab {
  constructor(
    readonly bidi: BiDiSession,
    readonly context: string,
  ) {}

  /** A new tab in the foreground. */
  static async open(bidi: BiDiSession): Promise<Tab> {
    const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
    return new Tab(bidi, context);
  }

  async navigate(url: string, wait: 'none' | 'interactive' | 'complete' = 'complete'): Promise<void> {
    try {
      await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait });
    } catch (err) {
      // What Firefox answers for a moz-extension:// host no add-on has (wrong or not yet assigned UUID).
      if (url.startsWith('moz-extension:') && /NS_ERROR_NOT_AVAILABLE/.test(String(err))) {
        throw new Error(`${String(err)}\n(no installed add-on has the UUID in ${url})`);
      }
      throw err;
    }
  }

  async reload(): Promise<void> {
    await this.bidi.send('browsingContext.reload', { context: this.context, wait: 'complete' });
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context });
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.bidi.send('browsingContext.setViewport', { context: this.context, viewport: { width, height } });
  }

  /** PNG, as bytes. */
  async screenshot(origin: 'viewport' | 'document' = 'viewport'): Promise<Buffer> {
    const { data } = await this.bidi.send('browsingContext.captureScreenshot', { context: this.context, origin, format: { type: 'image/png' } });
    return Buffer.from(data, 'base64');
  }

  /** Evaluates a script (e.g. a library's source) in the page. */
  async evaluateScript(source: string): Promise<void> {
    const r = await this.bidi.send('script.evaluate', { expression: source, target: { context: this.context }, awaitPromise: false, resultOwnership: 'none' });
    if (r.type === 'exception') throw new Error(`script failed in ${this.context}: ${describeException(r)}`);
  }

  private async run(declaration: string, args: LocalValue[]): Promise<unknown> {
    const r = await this.bidi.send('script.callFunction', {
      functionDeclaration: declaration,
      target: { context: this.context },
      arguments: args,
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (r.type === 'exception') throw new Error(`in-page function failed: ${describeException(r)}`);
    return r.result.type === 'string' ? JSON.parse(r.result.value as string) : undefined;
  }

  /** Runs `fn(...args)` in the page, awaits it, and returns its result through JSON. */
  async call<A extends Json[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
    return (await this.run(callOnce(fn.toString()), [{ type: 'string', value: JSON.stringify(args) }])) as R;
  }

  /**
   * Polls `fn(...args)` in the page until it returns something truthy, and returns that. Survives the page
   * being replaced meanwhile: the poll runs in slices of up to 2 s, and a call a navigation broke is made again.
   */
  async waitFor<A extends Json[], R>(fn: (...args: A) => R | Promise<R>, args: A, { timeoutMs = 15_000, what = fn.toString().slice(0, 200) }: WaitOptions = {}): Promise<NonNullable<R>> {
    const end = Date.now() + timeoutMs;
    const declaration = pollFor(fn.toString());
    let last: unknown = null;
    while (Date.now() < end) {
      try {
        const slice = Math.max(50, Math.min(2_000, end - Date.now()));
        const v = await this.run(declaration, [
          { type: 'string', value: JSON.stringify(args) },
          { type: 'number', value: slice },
        ]);
        if (v) return v as NonNullable<R>;
      } catch (err) {
        last = err;
        await sleep(100);
      }
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
  }

  /** Waits for an element matching `selector` to be in the document (and visible, by default). */
  async waitForSelector(selector: string, { timeoutMs = 15_000, visible = true } = {}): Promise<void> {
    await this.waitFor(
      (sel: string, vis: boolean) => {
        const el = document.querySelector(sel);
        if (!el) return false;
        if (!vis) return true;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      },
      [selector, visible],
      { timeoutMs, what: `${selector}${visible ? ' (visible)' : ''}` },
    );
  }

  /** Waits until nothing matches `selector`. */
  async waitForGone(selector: string, timeoutMs = 15_000): Promise<void> {
    await this.waitFor((sel: string) => !document.querySelector(sel), [selector], { timeoutMs, what: `${selector} to go away` });
  }

  async text(selector: string): Promise<string | null> {
    return this.call((sel: string) => document.querySelector(sel)?.textContent ?? null, selector);
  }

  /** A reference to the first element matching `selector`, for commands that take one. */
  async element(selector: string): Promise<SharedReference> {
    const r = await this.bidi.send('script.callFunction', {
      functionDeclaration: 'function (sel) { return document.querySelector(sel); }',
      target: { context: this.context },
      arguments: [{ type: 'string', value: selector }],
      awaitPromise: false,
      resultOwnership: 'none',
    });
    if (r.type === 'exception') throw new Error(`querySelector(${selector}) failed: ${describeException(r)}`);
    if (r.result.type !== 'node' || !r.result.sharedId) throw new Error(`no element matches ${selector}`);
    return { sharedId: r.result.sharedId };
  }

  /** A real mouse click (pointer events, user activation) in the middle of the element, scrolled into view first. */
  async click(selector: string): Promise<void> {
    await this.call((sel: string) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no element matches ${sel}`);
      el.scrollIntoView({ block: 'center', inline: 'center' });
    }, selector);
    const element = await this.element(selector);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element } },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.bidi.send('input.releaseActions', { context: this.context });
  }

  /** Presses and releases one key; `key` is a character or a WebDriver key code such as KEYS.Escape. */
  async press(key: string): Promise<void> {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
    });
    await this.bidi.send('input.releaseActions', { context: this.context });
  }

  /**
   * Runs `trigger` (e.g. a click on a download button) and waits for the download it starts in this tab to
   * finish; returns the file's path. Needs `browser.setDownloadBehavior` (allowed, with a folder) beforehand and
   * `browsingContext.downloadEnd` subscribed (see `BiDiSession.subscribe`).
   */
  async download(trigger: () => Promise<void>, timeoutMs = 15_000): Promise<string> {
    let off: () => void = () => {};
    const done = new Promise<Events['browsingContext.downloadEnd']>((resolve) => {
      off = this.bidi.on('browsingContext.downloadEnd', (e) => {
        if (e.context === this.context) resolve(e);
      });
    });
    try {
      await trigger();
      let timer: NodeJS.Timeout | undefined;
      const e = await Promise.race([done, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no download finished within ${timeoutMs} ms`)), timeoutMs)))]).finally(() =>
        clearTimeout(timer),
      );
      if (e.status !== 'complete' || !e.filepath) throw new Error(`download of ${e.url} ${e.status}`);
      return e.filepath;
    } finally {
      off();
    }
  }

  /** Sets the files of an `<input type=file>` as a user picking them would (fires input and change). */
  async setFiles(selector: string, files: string[]): Promise<void> {
    await this.bidi.send('input.setFiles', { context: this.context, element: await this.element(selector), files });
  }
}

/** WebDriver key codes. */
export const KEYS = { Escape: '\uE00C', Enter: '\uE007', Tab: '\uE004' } as const;
