import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BiDiSession, Tab, bidiUrlFromProfile, type LogEntry } from './bidi.ts';
import { runWebExt, type WebExtRun } from './webext.ts';

/**
 * Firefox ESR with the built extension, driven over WebDriver BiDi (bidi.ts).
 *
 * - web-ext installs the unsigned build as a temporary add-on (the reliable way), with the test's profile and
 *   prefs, exactly as in firefox.e2e.ts. It talks to Firefox over the devtools protocol on a port of its own
 *   (`-start-debugger-server <free port>`); WebDriver BiDi is a different server (the Remote Agent) on
 *   another port, so the two do not meet.
 * - Firefox gets `--remote-debugging-port=0` through web-ext's `--args` (runWebExt's `firefoxArgs`). Port 0:
 *   Firefox picks a free one and writes it to `<profile>/WebDriverBiDiServer.json`.
 * - `MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1` (the environment form of `--remote-allow-system-access`): since
 *   Firefox 153, BiDi refuses `browsingContext.navigate` to anything but http(s), file, blob and about:blank
 *   ("Navigation to moz-extension://… is not allowed in this context") unless system access is allowed.
 * - The add-on's moz-extension UUID is chosen by the test: Firefox keeps the UUIDs it hands out in the pref
 *   `extensions.webextensions.uuids` and uses an entry that is already there. It is written to prefs.js before
 *   the start, not passed as `--pref`: web-ext writes pref strings into user.js without escaping their quotes,
 *   which breaks a JSON value.
 */

export interface FirefoxDriverOptions {
  sourceDir: string;
  /** browser_specific_settings.gecko.id of the build. */
  addonId: string;
  prefs: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  /** Time for web-ext to install the add-on and for BiDi to answer; generous on a busy machine. */
  startTimeoutMs?: number;
}

export interface FirefoxDriver {
  run: WebExtRun;
  bidi: BiDiSession;
  profileDir: string;
  /** Where downloads land (browser.setDownloadBehavior). */
  downloadsDir: string;
  uuid: string;
  browserVersion: string;
  /** moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  /**
   * Every log entry (console and uncaught errors) of web pages so far. Firefox sends none for extension pages
   * (BiDi leaves extension contexts out of its events until bug 1755014); commands do reach them.
   */
  log: LogEntry[];
  /** The tab Firefox started with. */
  firstTab: Tab;
  /** Ends the session, stops Firefox (and web-ext) and removes the profile unless `keep`. */
  close(opts?: { keep?: boolean }): Promise<void>;
}

export async function startFirefoxDriver(opts: FirefoxDriverOptions): Promise<FirefoxDriver> {
  const startTimeoutMs = opts.startTimeoutMs ?? 40_000;
  const deadline = Date.now() + startTimeoutMs;
  const left = () => Math.max(1_000, deadline - Date.now());
  const profileDir = mkdtempSync(join(tmpdir(), 'lf-ff-bidi-profile-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'lf-ff-downloads-'));
  const uuid = randomUUID();
  writeFileSync(join(profileDir, 'prefs.js'), `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [opts.addonId]: uuid }))});\n`);

  let run: WebExtRun | undefined;
  let bidi: BiDiSession | undefined;
  const cleanup = async (keep = false) => {
    await bidi?.close();
    await run?.stop();
    if (!keep) for (const d of [profileDir, downloadsDir]) rmSync(d, { recursive: true, force: true });
  };
  try {
    run = runWebExt({
      sourceDir: opts.sourceDir,
      profileDir,
      startUrls: [],
      prefs: {
        ...opts.prefs,
        // Downloads go to downloadsDir without asking (browser.setDownloadBehavior below says the same).
        'browser.download.dir': downloadsDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.manager.addToRecentDocs': false,
      },
      firefoxArgs: ['--remote-debugging-port=0'],
      env: { ...opts.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    });
    const r = run;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      r.installed,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`web-ext did not install the add-on within ${startTimeoutMs} ms:\n${r.output().slice(-3000)}`)), left()))),
    ]).finally(() => clearTimeout(timer));
    const alive = () => r.child.exitCode === null && r.child.signalCode === null;
    const url = await bidiUrlFromProfile(profileDir, left(), alive);
    const connected = await BiDiSession.connect(url, { timeoutMs: left() });
    bidi = connected.session;
    const log: LogEntry[] = [];
    await bidi.subscribe('log.entryAdded', (e) => log.push(e));
    await bidi.send('session.subscribe', { events: ['browsingContext.downloadEnd'] });
    await bidi.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: downloadsDir } });
    const { contexts } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
    if (!contexts[0]) throw new Error('Firefox has no tab');
    const session = bidi;
    return {
      run: r,
      bidi: session,
      profileDir,
      downloadsDir,
      uuid,
      browserVersion: String(connected.capabilities.browserVersion ?? '?'),
      extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
      log,
      firstTab: new Tab(session, contexts[0].context),
      close: ({ keep = false } = {}) => cleanup(keep),
    };
  } catch (err) {
    await cleanup(!!process.env.LF_KEEP_FIREFOX_PROFILE);
    throw err;
  }
}

/** The gecko id from a Firefox build's manifest.json. */
export function addonIdOf(sourceDir: string): string {
  const file = join(sourceDir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`no ${file}`);
  const id = (JSON.parse(readFileSync(file, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } }).browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${file} has no browser_specific_settings.gecko.id`);
  return id;
}
