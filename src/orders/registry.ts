import { amazon } from './shops/amazon';
import { amazonEmail } from './shops/amazon-email';
import { ebayEmail } from './shops/ebay-email';
import { paypalEmail } from './shops/paypal-email';
import { shopify } from './shops/shopify';
import { woocommerce } from './shops/woocommerce';
import type { OrderReader } from './types';

/** Per-shop and per-platform order readers, tried in this order after schema.org markup. */
export const ORDER_READERS: readonly OrderReader[] = [amazon, amazonEmail, ebayEmail, paypalEmail, shopify, woocommerce];
