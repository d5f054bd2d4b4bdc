import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../src/popup/App';
import { setMessageSource, t } from '../../src/i18n/t';
import '../../src/popup/popup.css';

setMessageSource((key, subs) => browser.i18n.getMessage(key as never, subs));
document.documentElement.lang = t('lang_code');
document.title = t('popup_doc_title');

render(
  <App
    send={(msg) => browser.runtime.sendMessage(msg) as never}
    openOptions={() => void browser.runtime.openOptionsPage()}
    alwaysOn={(host) => browser.permissions.request({ origins: [`*://${host}/*`] })}
    openMethodology={() => {
      void browser.tabs.create({ url: browser.runtime.getURL('/methodology.html') });
      window.close();
    }}
  />,
  document.getElementById('app')!,
);
