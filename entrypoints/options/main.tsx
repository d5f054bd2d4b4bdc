import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '../../src/options/Options';
import '../../src/popup/popup.css';
import '../../src/options/options.css';

render(<Options send={(msg) => browser.runtime.sendMessage(msg) as never} />, document.getElementById('app')!);
