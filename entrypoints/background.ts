import { browser } from 'wxt/browser';
import { startBackground, type BackgroundApi } from '../src/background/start';

export default defineBackground(() => {
  // wxt/browser is webextension-polyfill here (see wxt.config.ts): listeners may return promises.
  startBackground(browser as unknown as BackgroundApi);
});
