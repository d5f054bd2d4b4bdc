import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../src/popup/App';
import '../../src/popup/popup.css';

render(<App send={(msg) => browser.runtime.sendMessage(msg) as never} openOptions={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
