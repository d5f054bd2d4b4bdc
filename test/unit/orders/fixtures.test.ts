import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../../shared.ts';
import { MAIL_URL, fixtureUrl, isOrderPage, loadManifest, readFixture, scoreOrderPage } from '../../../scripts/eval/orders.ts';

// Every shared fixture page, at the URL convention of scripts/eval/orders.ts.
describe.skipIf(!HAS_SHARED)('readOrders on the shared fixture pages', () => {
  const pages = HAS_SHARED ? loadManifest() : [];
  const orderPages = pages.filter(isOrderPage);
  const negatives = pages.filter((p) => !isOrderPage(p));

  it('has the order pages the manifest promises', () => {
    expect(orderPages.length).toBeGreaterThanOrEqual(17);
  });

  describe.each(orderPages.map((p) => [p.file, p] as const))('%s', (_file, page) => {
    it('reads order number, total, date, currency and line items', () => {
      const orders = readFixture(page);
      const s = scoreOrderPage(page, orders);
      expect(s.notes).toEqual([]);
      expect(s.detected).toBe(true);
      expect(s.number).toBe(true);
      expect(s.total).not.toBe(false);
      expect(s.date).not.toBe(false);
      expect(s.currency).not.toBe(false);
      expect(s.itemCount).toBe(true);
      for (const o of orders) for (const i of o.items) expect(i.quantity).toBeGreaterThanOrEqual(1);
    });
  });

  describe.each(negatives.map((p) => [p.file, p] as const))('%s', (_file, page) => {
    it('is not an order page', () => {
      expect(readFixture(page, fixtureUrl(page))).toEqual([]);
    });
    it('is not an order page when read as web mail either', () => {
      expect(readFixture(page, MAIL_URL)).toEqual([]);
    });
  });

  it('splits the two-order Amazon e-mail into two orders with their own totals', () => {
    const page = orderPages.find((p) => p.file.includes('email-2-orders'))!;
    const orders = readFixture(page);
    expect(orders.map((o) => [o.orderId, o.total, o.currency, o.date])).toEqual([
      ['206-6313629-4525134', 3.99, 'GBP', '2021-10-24'],
      ['206-9030885-7684312', 7.29, 'GBP', '2021-10-24'],
    ]);
  });

  it('gives unit prices, not line prices, for quantity 2 on Amazon order details', () => {
    const page = orderPages.find((p) => p.file.includes('112-5939971-8962610'))!;
    const [order] = readFixture(page);
    expect(order?.items).toEqual([expect.objectContaining({ quantity: 2, price: 13.99, currency: 'USD' })]);
  });

  it('does not read an Amazon order-history list as an order, even at an order-details URL', () => {
    const page = negatives.find((p) => p.page_subkind === 'order-history-list')!;
    expect(readFixture(page, 'https://www.amazon.com/gp/your-account/order-details?orderID=112-0000000-0000000')).toEqual([]);
  });
});
