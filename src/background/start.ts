import type { Browser, Runtime } from 'webextension-polyfill';
import { FootprintDB } from '../store/db';
import { getSettings } from '../store/settings';
import { estimate } from '../engine/estimate';
import { handleMessage, type HandlerContext } from './handler';
import { localDate } from '../util/dates';

/**
 * Wires browser events to the handler. The database is opened here and only here: a content script's
 * IndexedDB would belong to the shop's origin.
 */
export function startBackground(browser: Browser): void {
  const db = new FootprintDB();
  const ctx: HandlerContext = {
    db,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    estimate,
    today: () => localDate(new Date()),
    now: () => Date.now(),
    setToolbar: (tabId, text, title) => {
      const action = browser.action ?? browser.browserAction;
      void action.setBadgeText({ tabId, text }).catch(() => {});
      void action.setTitle({ tabId, title: `Local Footprint: ${title}` }).catch(() => {});
      void action.setBadgeBackgroundColor({ tabId, color: '#2f7a4b' }).catch(() => {});
    },
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(ctx, message, sender));

  // Fires on install and on every update: settings are merged with defaults, never reset.
  browser.runtime.onInstalled.addListener(() => {
    void getSettings(db);
  });
}
