import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../../scripts/lib/dom.ts';
import { readOrder, readOrders } from '../../../src/orders/read-order.ts';

function read(html: string, url: string) {
  const { document, close } = documentFromHtml(html, url);
  try {
    return readOrders(document, new URL(url));
  } finally {
    close();
  }
}

// Shopify classic checkout thank-you page (checkout.liquid "order status" template), trimmed.
const SHOPIFY = `<!DOCTYPE html><html lang="en-US"><head><title>Thank you for your purchase! - Acme Outdoors - Checkout</title></head>
<body><div class="content"><div class="wrap"><div class="main"><div class="main__content">
<div class="section section--thank-you"><div class="section__header os-header">
  <div class="os-header__heading">
    <span class="os-order-number">Order #1042</span>
    <h2 class="os-header__title" id="main-header" tabindex="-1">Thank you Jane!</h2>
  </div>
</div></div>
<div class="section"><div class="content-box"><h2>Your order is confirmed</h2><p>You'll receive a confirmation email with your order number shortly.</p></div></div>
</div></div>
<div class="sidebar"><div class="sidebar__content"><div class="order-summary">
<div class="order-summary__section order-summary__section--product-list">
<table class="product-table"><caption class="visually-hidden">Shopping cart</caption>
<thead class="product-table__header"><tr><th scope="col"><span class="visually-hidden">Product image</span></th><th scope="col"><span class="visually-hidden">Description</span></th><th scope="col"><span class="visually-hidden">Quantity</span></th><th scope="col"><span class="visually-hidden">Price</span></th></tr></thead>
<tbody data-order-summary-section="line-items">
<tr class="product" data-product-id="1" data-variant-id="11">
  <td class="product__image"><div class="product-thumbnail"><span class="product-thumbnail__quantity" aria-hidden="true">2</span></div></td>
  <th class="product__description" scope="row"><span class="product__description__name order-summary__emphasis">Merino Wool Socks</span><span class="product__description__variant order-summary__small-text">M / Grey</span></th>
  <td class="product__quantity"><span class="visually-hidden">2</span></td>
  <td class="product__price"><span class="order-summary__emphasis skeleton-while-loading">$36.00</span></td>
</tr>
<tr class="product" data-product-id="2" data-variant-id="22">
  <td class="product__image"><div class="product-thumbnail"><span class="product-thumbnail__quantity" aria-hidden="true">1</span></div></td>
  <th class="product__description" scope="row"><span class="product__description__name order-summary__emphasis">Trail Water Bottle 750 ml</span></th>
  <td class="product__quantity"><span class="visually-hidden">1</span></td>
  <td class="product__price"><span class="order-summary__emphasis skeleton-while-loading">$1,024.50</span></td>
</tr>
</tbody></table></div>
<div class="order-summary__section order-summary__section--total-lines"><table class="total-line-table">
<tbody class="total-line-table__tbody">
<tr class="total-line total-line--subtotal"><th class="total-line__name" scope="row">Subtotal</th><td class="total-line__price"><span class="order-summary__emphasis" data-checkout-subtotal-price-target="106050">$1,060.50</span></td></tr>
<tr class="total-line total-line--shipping"><th class="total-line__name" scope="row">Shipping</th><td class="total-line__price"><span class="order-summary__emphasis">$5.00</span></td></tr>
</tbody>
<tfoot class="total-line-table__footer"><tr class="total-line"><th class="total-line__name payment-due-label" scope="row"><span class="payment-due-label__total">Total</span></th>
<td class="total-line__price payment-due" data-presentment-currency="USD"><span class="payment-due__currency remove-while-loading">USD</span><span class="payment-due__price skeleton-while-loading--lg" data-checkout-payment-due-target="106550">$1,065.50</span></td></tr></tfoot>
</table></div></div></div></div></div></body></html>`;

// WooCommerce checkout/thankyou.php + order/order-details.php templates, trimmed.
const WOO = `<!DOCTYPE html><html lang="en-GB"><head><title>Checkout – Hedgerow Teas</title></head><body class="woocommerce-checkout woocommerce-order-received">
<main><h1 class="entry-title">Order received</h1>
<div class="woocommerce"><div class="woocommerce-order">
<p class="woocommerce-notice woocommerce-notice--success woocommerce-thankyou-order-received">Thank you. Your order has been received.</p>
<ul class="woocommerce-order-overview woocommerce-thankyou-order-details order_details">
  <li class="woocommerce-order-overview__order order">Order number: <strong>4711</strong></li>
  <li class="woocommerce-order-overview__date date">Date: <strong>3 March 2025</strong></li>
  <li class="woocommerce-order-overview__email email">Email: <strong>jane@example.org</strong></li>
  <li class="woocommerce-order-overview__total total">Total: <strong><span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">&pound;</span>27.40</bdi></span></strong></li>
  <li class="woocommerce-order-overview__payment-method method">Payment method: <strong>Credit card</strong></li>
</ul>
<section class="woocommerce-order-details"><h2 class="woocommerce-order-details__title">Order details</h2>
<table class="woocommerce-table woocommerce-table--order-details shop_table order_details">
<thead><tr><th class="woocommerce-table__product-name product-name">Product</th><th class="woocommerce-table__product-table product-total">Total</th></tr></thead>
<tbody>
<tr class="woocommerce-table__line-item order_item">
  <td class="woocommerce-table__product-name product-name"><a href="https://teas.example/product/earl-grey/">Earl Grey Loose Leaf 250g</a> <strong class="product-quantity">&times;&nbsp;3</strong></td>
  <td class="woocommerce-table__product-total product-total"><span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">&pound;</span>19.50</bdi></span></td>
</tr>
<tr class="woocommerce-table__line-item order_item">
  <td class="woocommerce-table__product-name product-name"><a href="https://teas.example/product/infuser/">Tea Infuser</a> <strong class="product-quantity">&times;&nbsp;1</strong><ul class="wc-item-meta"><li><strong class="wc-item-meta-label">Colour:</strong> <p>Silver</p></li></ul></td>
  <td class="woocommerce-table__product-total product-total"><span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">&pound;</span>4.95</bdi></span></td>
</tr>
</tbody>
<tfoot>
<tr><th scope="row">Subtotal:</th><td><span class="woocommerce-Price-amount amount">&pound;24.45</span></td></tr>
<tr><th scope="row">Shipping:</th><td><span class="woocommerce-Price-amount amount">&pound;2.95</span> <small class="shipped_via">via Royal Mail</small></td></tr>
<tr><th scope="row">Payment method:</th><td>Credit card</td></tr>
<tr><th scope="row">Total:</th><td><span class="woocommerce-Price-amount amount">&pound;27.40</span></td></tr>
</tfoot></table></section></div></div></main></body></html>`;

describe('Shopify thank-you page', () => {
  it('reads number, total, currency and unit prices from line prices', () => {
    const [order, ...rest] = read(SHOPIFY, 'https://acme-outdoors.example/checkouts/abc123def456/thank_you');
    expect(rest).toEqual([]);
    expect(order).toMatchObject({ orderId: '1042', currency: 'USD', date: null });
    expect(order?.items).toEqual([
      { title: 'Merino Wool Socks (M / Grey)', quantity: 2, price: 18, currency: 'USD' },
      { title: 'Trail Water Bottle 750 ml', quantity: 1, price: 1024.5, currency: 'USD' },
    ]);
  });

  it('is recognised by its markup on a custom path too', () => {
    const order = read(SHOPIFY, 'https://shop.acme.example/pages/done');
    expect(order[0]?.orderId).toBe('1042');
  });

  it('is not recognised on the checkout step before payment', () => {
    const checkout = SHOPIFY.replace(/<span class="os-order-number">[^<]*<\/span>/, '').replace('Thank you Jane!', 'Payment').replace('Your order is confirmed', 'Payment method').replace('Thank you for your purchase!', 'Payment');
    expect(read(checkout, 'https://acme-outdoors.example/checkouts/abc123def456?step=payment_method')).toEqual([]);
  });
});

describe('WooCommerce order-received page', () => {
  it('reads the overview and the order-details table', () => {
    const orders = read(WOO, 'https://teas.example/checkout/order-received/4711/?key=wc_order_AbCdEf123');
    expect(orders).toEqual([
      {
        orderId: '4711',
        date: '2025-03-03',
        currency: 'GBP',
        total: 27.4,
        items: [
          { title: 'Earl Grey Loose Leaf 250g', quantity: 3, price: 6.5, currency: 'GBP' },
          { title: 'Tea Infuser', quantity: 1, price: 4.95, currency: 'GBP' },
        ],
      },
    ]);
  });

  it('readOrder returns the first order and accepts a string URL', () => {
    const { document, close } = documentFromHtml(WOO, 'https://teas.example/checkout/order-received/4711/');
    expect(readOrder(document, 'https://teas.example/checkout/order-received/4711/')?.orderId).toBe('4711');
    expect(readOrder(document, 'not a url')).toBeNull();
    close();
  });

  it('gives nothing on the account order list', () => {
    const list = `<html><head><title>My account – Hedgerow Teas</title></head><body><h1>My account</h1>
<table class="woocommerce-orders-table shop_table"><thead><tr><th>Order</th><th>Date</th><th>Status</th><th>Total</th></tr></thead>
<tbody><tr><td><a>#4711</a></td><td>3 March 2025</td><td>Processing</td><td>£27.40 for 4 items</td></tr>
<tr><td><a>#4650</a></td><td>1 February 2025</td><td>Completed</td><td>£12.00 for 1 item</td></tr></tbody></table></body></html>`;
    expect(read(list, 'https://teas.example/my-account/orders/')).toEqual([]);
  });
});
