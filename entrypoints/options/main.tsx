import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '../../src/options/Options';
import { setMessageSource, t } from '../../src/i18n/t';
import '../../src/popup/popup.css';
import '../../src/options/options.css';

setMessageSource((key, subs) => browser.i18n.getMessage(key as never, subs));
document.documentElement.lang = t('lang_code');
document.title = t('options_doc_title');

render(
  <Options
    send={(msg) => browser.runtime.sendMessage(msg) as never}
    version={browser.runtime.getManifest().version}
    openMethodology={() => void browser.tabs.create({ url: browser.runtime.getURL('/methodology.html') })}
  />,
  document.getElementById('app')!,
);
