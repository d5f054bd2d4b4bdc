import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../../scripts/lib/dom.ts';
import { readOrders } from '../../../src/orders/read-order.ts';
import { readSchemaOrders } from '../../../src/orders/schema-org.ts';

function withDoc<T>(html: string, url: string, fn: (d: Document) => T): T {
  const { document, close } = documentFromHtml(html, url);
  try {
    return fn(document);
  } finally {
    close();
  }
}

const ld = (json: string) => `<html><body><script type="application/ld+json">${json}</script></body></html>`;
const MAIL = 'https://mail.example/';

describe('schema.org Order markup, hostile input', () => {
  it('reads a minimal valid Order', () => {
    const orders = withDoc(
      ld('{"@context":"https://schema.org","@type":"Order","orderNumber":"A-1","orderDate":"2025-01-02","priceCurrency":"EUR","price":"12.50","acceptedOffer":{"@type":"Offer","itemOffered":{"@type":"Product","name":"Mug"},"price":"12.50","priceCurrency":"EUR"}}'),
      MAIL,
      (d) => readOrders(d, new URL(MAIL)),
    );
    expect(orders).toEqual([{ orderId: 'A-1', date: '2025-01-02', currency: 'EUR', total: 12.5, items: [{ title: 'Mug', quantity: 1, price: 12.5, currency: 'EUR' }] }]);
  });

  it('finds an Order inside @graph and with a schema: prefix', () => {
    const orders = withDoc(ld('{"@graph":[{"@type":"WebPage"},{"@type":["schema:Order"],"orderNumber":4711,"price":3}]}'), MAIL, (d) => readSchemaOrders(d));
    expect(orders.map((o) => [o.orderId, o.total])).toEqual([['4711', 3]]);
  });

  it('survives malformed JSON', () => {
    expect(withDoc(ld('{"@type":"Order", "orderNumber": "X1",,}'), MAIL, (d) => readOrders(d, new URL(MAIL)))).toEqual([]);
    expect(withDoc(ld('<!-- {"@type":"Order"} -->'), MAIL, (d) => readOrders(d, new URL(MAIL)))).toEqual([]);
  });

  it('turns absurd totals and prices into null', () => {
    for (const bad of ['1e308', '"1e308"', '"NaN"', '"Infinity"', '-5', '"12,50"', '"9999999999"', 'null', '{"x":1}']) {
      const [order] = withDoc(
        ld(`{"@type":"Order","orderNumber":"B-2","price":${bad},"acceptedOffer":[{"itemOffered":{"name":"Thing"},"price":${bad},"eligibleQuantity":{"value":"1e9"}}]}`),
        MAIL,
        (d) => readSchemaOrders(d),
      );
      expect(order?.total).toBeNull();
      expect(order?.items[0]?.price).toBeNull();
      expect(order?.items[0]?.quantity).toBeLessThanOrEqual(10_000);
    }
  });

  it('ignores __proto__ keys and does not pollute prototypes', () => {
    const [order] = withDoc(
      ld('{"@type":"Order","orderNumber":"C-3","__proto__":{"polluted":true},"acceptedOffer":{"__proto__":{"price":"1"},"itemOffered":{"name":"Pen"},"constructor":{"prototype":{"polluted":true}}}}'),
      MAIL,
      (d) => readSchemaOrders(d),
    );
    expect(order?.orderId).toBe('C-3');
    expect(order?.items[0]?.price).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('stops at the depth cap instead of recursing forever', () => {
    const deep = '{"a":'.repeat(5_000) + '{"@type":"Order","orderNumber":"D-4"}' + '}'.repeat(5_000);
    expect(() => withDoc(ld(deep), MAIL, (d) => readOrders(d, new URL(MAIL)))).not.toThrow();
    expect(withDoc(ld(deep), MAIL, (d) => readSchemaOrders(d))).toEqual([]);
  });

  it('skips oversized JSON-LD', () => {
    const big = `{"@type":"Order","orderNumber":"E-5","description":"${'x'.repeat(400_000)}"}`;
    expect(withDoc(ld(big), MAIL, (d) => readSchemaOrders(d))).toEqual([]);
  });

  it('reads microdata but not a nested Offer price as the order total', () => {
    const html = `<div itemscope itemtype="http://schema.org/Order"><meta itemprop="orderNumber" content="F-6">
      <div itemprop="acceptedOffer" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="5.00">
      <div itemprop="itemOffered" itemscope itemtype="http://schema.org/Product"><meta itemprop="name" content="Clip"></div></div></div>`;
    const [order] = withDoc(html, MAIL, (d) => readSchemaOrders(d));
    expect(order).toMatchObject({ orderId: 'F-6', total: null, items: [{ title: 'Clip', price: 5, quantity: 1 }] });
  });
});

describe('readOrders never throws', () => {
  it('on arbitrary text in order-ish pages', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 60 }), (body, title) => {
        const html = `<html><head><title>${title.replace(/</g, '')}</title></head><body><h1>Thank you for your order</h1><p>Order number: 12345</p><p>${body.replace(/</g, '')}</p><p>Total: ${body.slice(0, 20).replace(/</g, '')}</p></body></html>`;
        const orders = withDoc(html, 'https://shop.example/thank-you', (d) => readOrders(d, new URL('https://shop.example/thank-you')));
        for (const o of orders) {
          expect(o.total === null || (Number.isFinite(o.total) && o.total >= 0)).toBe(true);
          for (const i of o.items) expect(i.quantity).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('on an empty document', () => {
    expect(withDoc('', 'https://www.amazon.com/gp/your-account/order-details?orderID=1', (d) => readOrders(d, new URL('https://www.amazon.com/gp/your-account/order-details?orderID=1')))).toEqual([]);
  });
});
