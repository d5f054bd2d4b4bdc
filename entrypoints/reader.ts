import { installReader } from '../src/content/reader-hook';
import { runOnPage } from '../src/content/run';

/**
 * The page reader: shop adapters, structured-data and visual tiers, order and booking readers, the badge.
 * Not declared in the manifest: the background injects it (scripting.executeScript, our own packaged file)
 * into a tab only when the content script's gate saw a product, an order or a booking there.
 */
export default defineUnlistedScript(() => {
  installReader({ runOnPage });
});
