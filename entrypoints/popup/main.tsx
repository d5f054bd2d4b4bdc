import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../src/popup/App';
import { call, type PageSend } from '../../src/popup/api';
import { setMessageSource, t } from '../../src/i18n/t';
import { localToday } from '../../src/popup/format';
import { cachedFor, SUMMARY_KEY } from '../../src/popup/summary-cache';
import '../../src/popup/popup.css';

setMessageSource((key, subs) => browser.i18n.getMessage(key as never, subs));
document.documentElement.lang = t('lang_code');
document.title = t('popup_doc_title');

const send: PageSend = (msg) => browser.runtime.sendMessage(msg) as never;
// Asked before anything is rendered: the totals are what the popup is opened for, and the background reads
// them while this page builds itself.
const firstSummary = call(send, { type: 'summary/get' });
firstSummary.catch(() => {});
// The totals the background stored last: read without waking it, drawn until its answer replaces them.
const session = browser.storage?.session;
const cachedSummary = session
  ? session
      .get(SUMMARY_KEY)
      .then((items) => cachedFor(items[SUMMARY_KEY], localToday()))
      .catch(() => null)
  : Promise.resolve(null);

render(
  <App
    send={send}
    firstSummary={firstSummary}
    cachedSummary={cachedSummary}
    openOptions={() => void browser.runtime.openOptionsPage()}
    alwaysOn={(host) => browser.permissions.request({ origins: [`*://${host}/*`] })}
    openMethodology={() => {
      void browser.tabs.create({ url: browser.runtime.getURL('/methodology.html') });
      window.close();
    }}
  />,
  document.getElementById('app')!,
);
