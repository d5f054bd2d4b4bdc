import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../shared.ts';
import { prefArgs } from './prefs.ts';

export const FIREFOX_BUILD = resolve(REPO_ROOT, '.output/firefox-mv2');

/** Firefox ESR; FIREFOX_PATH overrides. Throws (the test fails, it does not skip) when missing. */
export function firefoxPath(): string {
  const p = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(p)) throw new Error(`Firefox not found at ${p}: apt-get install -y firefox-esr, or set FIREFOX_PATH`);
  return p;
}

/** web-ext from the project's node_modules; WEB_EXT_BIN overrides (e.g. a scratch install). */
export function webExtPath(): string {
  const p = process.env.WEB_EXT_BIN ?? join(REPO_ROOT, 'node_modules/.bin/web-ext');
  if (!existsSync(p)) {
    throw new Error(`web-ext not found at ${p}: it is a devDependency ("web-ext": "10.7.0"), run npm install; or set WEB_EXT_BIN`);
  }
  return p;
}

export function requireFirefoxBuild(dir = FIREFOX_BUILD): string {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no Firefox build at ${dir}: run npm run build:firefox (wxt build -b firefox)`);
  return dir;
}

export interface WebExtRun {
  child: ChildProcess;
  /** web-ext's stdout and stderr so far. */
  output(): string;
  /** Resolves when web-ext reports the add-on installed; rejects if it exits first. */
  installed: Promise<void>;
  exited: Promise<number | null>;
  /** Stops web-ext (SIGINT, it closes Firefox) and waits for the whole process group; SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

export interface WebExtOptions {
  sourceDir: string;
  profileDir: string;
  startUrls: string[];
  prefs: Record<string, string | number | boolean>;
  /** Extra environment for Firefox, e.g. MOZ_LOG. */
  env?: Record<string, string>;
  /** Extra Firefox command-line arguments (web-ext's `--args`). */
  firefoxArgs?: string[];
}

export function runWebExt(opts: WebExtOptions): WebExtRun {
  const args = [
    'run',
    '--target=firefox-desktop',
    `--firefox=${firefoxPath()}`,
    `--source-dir=${opts.sourceDir}`,
    `--firefox-profile=${opts.profileDir}`,
    '--keep-profile-changes',
    '--no-reload',
    '--no-input',
    '--no-config-discovery',
    ...opts.startUrls.flatMap((u) => ['--start-url', u]),
    ...prefArgs(opts.prefs),
    ...(opts.firefoxArgs ?? []).map((a) => `--args=${a}`),
  ];
  const child = spawn(webExtPath(), args, {
    cwd: REPO_ROOT,
    detached: true, // own process group: stop() reaches Firefox and its content processes too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      MOZ_HEADLESS: '1',
      // web-ext's update check asks the npm registry; not wanted in a test that audits the network.
      NO_UPDATE_NOTIFIER: '1',
      MOZ_CRASHREPORTER_DISABLE: '1',
      MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
      ...opts.env,
    },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const installed = new Promise<void>((resolveInstalled, reject) => {
    const check = () => {
      if (/Installed .* as a temporary add-on/i.test(out)) {
        child.stdout!.off('data', check);
        resolveInstalled();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`web-ext exited (${code}) before installing the add-on:\n${out.slice(-3000)}`)));
  });
  installed.catch(() => {});

  const signalGroup = (sig: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-child.pid!, sig);
      return true;
    } catch {
      return false; // no process left in the group
    }
  };
  return {
    child,
    output: () => out,
    installed,
    exited,
    async stop(graceMs = 10_000) {
      const deadline = Date.now() + graceMs;
      // web-ext closes Firefox itself on SIGINT; then wait for every process of the group to be gone so
      // that the profile on disk is final (IndexedDB, prefs.js, MOZ_LOG files).
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid!, 'SIGINT');
        } catch {
          /* already gone */
        }
        await Promise.race([exited, sleep(graceMs)]);
      }
      while (signalGroup(0) && Date.now() < deadline) await sleep(100);
      if (signalGroup(0)) {
        signalGroup('SIGKILL');
        await sleep(200);
      }
    },
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
