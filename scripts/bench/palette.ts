import { estimate } from '../../src/engine/estimate.ts';
import type { PaletteEntry } from './ext-entry.ts';

const LINES: Array<[string, number, string, string]> = [
  ['Apple iPhone 13, 128 GB, Midnight', 729, 'EUR', 'www.amazon.de'],
  ['Levi\'s 501 Original Fit Jeans, Stonewash, W32 L32', 89.95, 'EUR', 'www.zalando.de'],
  ['KALLAX Shelving unit, white, 77x147 cm', 69.99, 'EUR', 'www.ikea.com'],
  ['Bosch Professional GSR 12V-15 cordless drill driver', 119, 'EUR', 'www.amazon.de'],
  ['Nike Air Max 90 Men\'s Shoes', 139.99, 'USD', 'www.target.com'],
  ['Organic cotton T-shirt, crew neck, navy', 19.99, 'GBP', 'www.johnlewis.com'],
  ['Samsung 55" QLED 4K Smart TV QE55Q60B', 599, 'EUR', 'www.otto.de'],
  ['Handmade ceramic coffee mug, speckled glaze', 28, 'USD', 'www.etsy.com'],
  ['Lavazza Qualità Rossa ground coffee 1 kg', 12.49, 'EUR', 'www.amazon.de'],
  ['Wool blend winter coat, camel', 179, 'GBP', 'www.johnlewis.com'],
  ['Dyson V8 cordless vacuum cleaner', 299.99, 'GBP', 'www.amazon.co.uk'],
  ['Lenovo IdeaPad 5 14" laptop, Ryzen 7, 16 GB RAM, 512 GB SSD', 749, 'EUR', 'www.otto.de'],
  ['Paperback novel: The Midnight Library', 9.99, 'GBP', 'www.amazon.co.uk'],
  ['Stainless steel water bottle 750 ml', 24.95, 'EUR', 'www.amazon.de'],
  ['Queen size memory foam mattress', 499, 'USD', 'www.amazon.com'],
  ['LEGO Classic Large Creative Brick Box 10698', 44.99, 'USD', 'www.target.com'],
  ['Used Canon EOS 80D DSLR body, good condition', 430, 'GBP', 'www.ebay.co.uk'],
  ['Garden hose 25 m with spray nozzle', 34.9, 'EUR', 'www.amazon.de'],
  ['Vintage brass table lamp', 65, 'USD', 'www.etsy.com'],
  ['Something unclassifiable XJ-42', 15, 'EUR', 'shop.example-store.com'],
];

/** Real estimates from the engine, so stored items have the exact shape and size of real ones. */
export function palette(): PaletteEntry[] {
  return LINES.map(([title, price, currency, site]) => ({ title, price, currency, estimate: estimate({ title, price, currency, site, quantity: 1, date: '2026-06-01' }) }));
}
