import { FootprintDB } from '../store/db';
import { getSettings } from '../store/settings';
import { estimate } from '../engine/estimate';
import { forgetTab, handleMessage, type HandlerContext } from './handler';
import { PendingWrites } from './pending';
import { siteOrigin, syncSiteScripts, type SiteScriptsApi } from './site-scripts';
import type { SenderInfo } from '../messages/senders';
import { localDate } from '../util/dates';
import { summaryWithCount } from '../store/purchases';
import { SUMMARY_KEY } from '../popup/summary-cache';
import { SummaryPublisher } from './summary-publisher';

/**
 * Wires browser events to the handler. The database is opened here and only here: a content script's
 * IndexedDB would belong to the shop's origin.
 */
interface ToolbarAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

/** The part of webextension-polyfill's `browser` the background uses (promise-returning listeners). */
export interface BackgroundApi {
  runtime: {
    id: string;
    getURL(path: string): string;
    onMessage: { addListener(cb: (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined): void };
    onInstalled: { addListener(cb: () => void): void };
  };
  tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number; url?: string }>>;
    onRemoved: { addListener(cb: (tabId: number) => void): void };
  };
  scripting?: SiteScriptsApi['scripting'] & { executeScript(details: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<unknown> };
  permissions: SiteScriptsApi['permissions'] & {
    contains(p: { origins: string[] }): Promise<boolean>;
    onAdded: { addListener(cb: () => void): void };
    onRemoved: { addListener(cb: () => void): void };
  };
  action?: ToolbarAction;
  browserAction?: ToolbarAction;
  /** Where the popup's cached totals live (`popup/summary-cache.ts`); absent where the browser has none. */
  storage?: { session?: { set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> } };
}

export function startBackground(browser: BackgroundApi): void {
  const db = new FootprintDB();
  const session = browser.storage?.session;
  const today = () => localDate(new Date());
  const ctx: HandlerContext = {
    db,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    estimate,
    today,
    now: () => Date.now(),
    pending: new PendingWrites(() => Date.now()),
    activeTab: async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id !== undefined && tab.url ? { id: tab.id, url: tab.url } : null;
    },
    // activeTab: opening the popup grants this tab, and only this tab, until it navigates.
    injectContentScript: async (tabId) => {
      if (!browser.scripting) throw new Error('scripting API unavailable');
      // The reader first: the gate then finds it and reads the page the user asked about.
      await browser.scripting.executeScript({ target: { tabId }, files: ['/reader.js', '/content-scripts/content.js'] });
    },
    // Only our own packaged file, only into the frame whose gate asked (see src/content/gate.ts).
    injectReader: async (tabId, frameId) => {
      if (!browser.scripting) throw new Error('scripting API unavailable');
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/reader.js'] });
    },
    hasSiteAccess: (host) => browser.permissions.contains({ origins: [siteOrigin(host)] }),
    setToolbar: (tabId, text, title) => {
      const action = browser.action ?? browser.browserAction;
      if (!action) return;
      void action.setBadgeText({ tabId, text }).catch(() => {});
      void action.setTitle({ tabId, title: `Local Footprint: ${title}` }).catch(() => {});
      void action.setBadgeBackgroundColor({ tabId, color: '#2f7a4b' }).catch(() => {});
    },
  };

  if (session) {
    ctx.summaries = new SummaryPublisher(
      (value) => (value ? session.set({ [SUMMARY_KEY]: value }) : session.remove(SUMMARY_KEY)),
      async () => {
        const day = today();
        return { today: day, reply: await summaryWithCount(db, day) };
      },
    );
  }

  browser.runtime.onMessage.addListener((message, sender) => handleMessage(ctx, message, sender));

  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));

  // "Always on this site": the sites the user granted get the content script; a revoked one stops.
  const sync = () => void syncSiteScripts(browser).catch((err: unknown) => ctx.pending?.recordError(err));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();

  // Fires on install and on every update: settings are merged with defaults, never reset.
  browser.runtime.onInstalled.addListener(() => {
    void getSettings(db);
  });
}
