import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../../scripts/lib/dom.ts';
import { readOrders } from '../../../src/orders/read-order.ts';

function read(html: string, url: string) {
  const { document, close } = documentFromHtml(html, url);
  try {
    return readOrders(document, new URL(url));
  } finally {
    close();
  }
}

const page = (title: string, body: string, lang = 'en') => `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body>${body}</body></html>`;

describe('generic order confirmation', () => {
  it('English: order number near "thank you", item table, grand total', () => {
    const html = page(
      'Order confirmation – Widget Co',
      `<h1>Thank you for your order!</h1>
       <p>Order number: <strong>WC-100234</strong></p><p>Order date: 12/03/2025</p>
       <table><thead><tr><th>Product</th><th>Qty</th><th>Price</th><th>Total</th></tr></thead>
       <tbody><tr><td>Blue Widget</td><td>2</td><td>$9.99</td><td>$19.98</td></tr>
       <tr><td>Red Widget</td><td>1</td><td>$5.00</td><td>$5.00</td></tr></tbody></table>
       <table><tr><td>Subtotal</td><td>$24.98</td></tr><tr><td>Shipping</td><td>$4.00</td></tr><tr><td>Grand Total</td><td>$28.98</td></tr></table>`,
      'en-US',
    );
    const [order] = read(html, 'https://widgets.example/checkout/thank-you');
    expect(order).toEqual({
      orderId: 'WC-100234',
      date: '2025-12-03',
      currency: 'USD',
      total: 28.98,
      items: [
        { title: 'Blue Widget', quantity: 2, price: 9.99, currency: 'USD' },
        { title: 'Red Widget', quantity: 1, price: 5, currency: 'USD' },
      ],
    });
  });

  it('German: Bestellnummer, "Vielen Dank", Gesamtsumme, line totals divided into unit prices', () => {
    const html = page(
      'Bestellbestätigung | Gartenshop',
      `<h1>Vielen Dank für Ihre Bestellung</h1>
       <div>Ihre Bestellnummer lautet:</div><div>Bestellnummer: 2025-88812</div>
       <div>Bestelldatum: 4. März 2025</div>
       <table><tr><th>Artikel</th><th>Menge</th><th>Summe</th></tr>
       <tr><td>Gartenschere Profi</td><td>3</td><td>44,85 €</td></tr></table>
       <dl><dt>Zwischensumme</dt><dd>44,85 €</dd><dt>Gesamtsumme:</dt><dd>49,80 €</dd></dl>`,
      'de-DE',
    );
    const [order] = read(html, 'https://www.gartenshop.de/checkout/success');
    expect(order).toMatchObject({ orderId: '2025-88812', date: '2025-03-04', currency: 'EUR', total: 49.8 });
    expect(order?.items).toEqual([{ title: 'Gartenschere Profi', quantity: 3, price: 14.95, currency: 'EUR' }]);
  });

  it('French: Numéro de commande, "Merci", Total TTC, 1 234,56 €', () => {
    const html = page(
      'Confirmation de commande',
      `<h1>Merci pour votre commande !</h1>
       <p>Numéro de commande : FR123456</p><p>Date de commande : 5 avril 2025</p>
       <table><tr><th>Produit</th><th>Quantité</th><th>Prix unitaire</th></tr>
       <tr><td>Canapé d'angle</td><td>1</td><td>1 234,56 €</td></tr></table>
       <p>Total TTC : 1 234,56 €</p>`,
      'fr-FR',
    );
    const [order] = read(html, 'https://www.meubles.fr/commande/confirmation');
    expect(order).toMatchObject({ orderId: 'FR123456', date: '2025-04-05', currency: 'EUR', total: 1234.56 });
    expect(order?.items).toEqual([{ title: "Canapé d'angle", quantity: 1, price: 1234.56, currency: 'EUR' }]);
  });

  it('Spanish and Italian order-number labels', () => {
    const es = page('Pedido confirmado', '<h1>¡Gracias por tu compra!</h1><p>Número de pedido: 4455667</p><p>Total: 59,90 €</p>', 'es-ES');
    expect(read(es, 'https://tienda.es/pedido/gracias')[0]).toMatchObject({ orderId: '4455667', total: 59.9, currency: 'EUR' });
    const it_ = page('Ordine confermato', '<h1>Grazie per il tuo ordine</h1><p>Ordine n. 778899</p><p>Totale: 19,90 €</p>', 'it-IT');
    expect(read(it_, 'https://negozio.it/ordine/conferma')[0]).toMatchObject({ orderId: '778899', total: 19.9 });
  });

  it('gives nothing for an order history with several order numbers', () => {
    const html = page(
      'Your orders',
      `<h1>Thank you for shopping with us</h1>
       <div>Order # 1001 — Total $20.00</div><div>Order # 1002 — Total $35.00</div>`,
    );
    expect(read(html, 'https://shop.example/account/orders')).toEqual([]);
  });

  it('gives nothing on a checkout that has not been placed (total, no number, no thanks)', () => {
    const html = page('Checkout', '<h1>Review your order</h1><p>Order Total: $15.32</p><button>Place order</button>');
    expect(read(html, 'https://shop.example/checkout/review')).toEqual([]);
  });

  it('gives nothing on a cart even if it thanks the shopper', () => {
    const html = page('Thank you for visiting', '<h1>Thank you! Your cart</h1><p>Order number: 12345</p><p>Total: $10.00</p>');
    expect(read(html, 'https://shop.example/cart')).toEqual([]);
  });

  it('gives nothing without confirmation wording', () => {
    const html = page('Track a parcel', '<h1>Track your parcel</h1><p>Order number: 12345</p><p>Total: $10.00</p>');
    expect(read(html, 'https://shop.example/track')).toEqual([]);
  });

  it('does not read "Order confirmed" or "Order total" as order numbers', () => {
    const html = page('Order confirmed', '<h1>Order confirmed</h1><p>Order total: $10.00</p>');
    expect(read(html, 'https://shop.example/order-confirmed')).toEqual([]);
  });
});
