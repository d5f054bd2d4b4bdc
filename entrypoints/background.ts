import { browser } from 'wxt/browser';
import { startBackground } from '../src/background/start';

export default defineBackground(() => {
  startBackground(browser);
});
