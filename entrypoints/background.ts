import { browser } from 'wxt/browser';
import { startBackground, type BackgroundApi } from '../src/background/start';
import { plantLeak } from '../src/leak/planted';

export default defineBackground(() => {
  // wxt/browser is webextension-polyfill here (see wxt.config.ts): listeners may return promises.
  startBackground(browser as unknown as BackgroundApi);
  // Compiled out of real builds: the privacy audit's negative control (test/e2e/audit.e2e.ts).
  plantLeak('background');
});
