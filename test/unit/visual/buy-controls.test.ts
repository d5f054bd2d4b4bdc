/**
 * Buy controls, read from tag collections and a few selectors instead of one long attribute-substring
 * selector list: the same controls, in document order, as the selector list named.
 */
import { describe, expect, it } from 'vitest';
import { findBuyControls } from '../../../src/visual/buy-controls.ts';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<html><head><title>Shop</title></head><body>${body}</body></html>`, 'text/html');
}

const notExcluded = (): boolean => false;
const ids = (els: Element[]): string[] => els.map((e) => e.id || e.getAttribute('data-k') || e.tagName.toLowerCase());

describe('controls the markup names', () => {
  const cases: Array<[string, string, string[]]> = [
    ['buy ids', '<button id="add-to-cart-button">Add</button><div id="AddToCartForm"></div>', ['add-to-cart-button', 'AddToCartForm']],
    ['an id repeated by a sticky bar', '<button id="addToCart">Add</button><p>…</p><button id="addToCart">Add</button>', ['addToCart', 'addToCart']],
    ['name="add-to-cart" on any element', '<div name="add-to-cart" data-k="n"></div>', ['n']],
    ['button classes and ids (case as written)', '<button class="btn add-to-basket" data-k="a"></button><button class="btn Add-To-Basket" data-k="b"></button><button id="x-addToCart-y">x</button>', ['a', 'x-addToCart-y']],
    ['WooCommerce and Shopify buttons', '<button class="single_add_to_cart_button" data-k="woo"></button><button name="add" data-k="shopify"></button>', ['woo', 'shopify']],
    ['cart form actions', '<form action="/cart/add" data-k="f1"></form><form action="/search" data-k="f2"></form><form action="/basket/add?x=1" data-k="f3"></form>', ['f1', 'f3']],
    ['submit inputs named for the cart', '<input type="SUBMIT" name="submit.add-to-cart" data-k="i1"><input type="text" name="cart" data-k="i2">', ['i1']],
    ['data-* test hooks on any element, in document order with the rest', '<div data-testid="button-add-to-cart" data-k="d"></div><button id="add-to-cart">Add</button>', ['d', 'add-to-cart']],
  ];
  it.each(cases)('%s', (_name, body, want) => {
    expect(ids(findBuyControls(page(body), notExcluded))).toEqual(want);
  });

  it('leaves out what the caller excludes (site chrome)', () => {
    const doc = page('<nav><button id="add-to-cart">Add</button></nav><button class="addtocart" data-k="main">Add</button>');
    expect(ids(findBuyControls(doc, (el) => el.closest('nav') !== null))).toEqual(['main']);
  });
});

describe('controls labelled for buying, when the markup names none', () => {
  const cases: Array<[string, string, string[]]> = [
    ['buttons, inputs and ARIA links in document order', '<a role="button" data-k="a">Buy now</a><input type="submit" value="Add to basket" data-k="i"><button data-k="b">In den Warenkorb</button><button data-k="x">Share</button>', ['a', 'i', 'b']],
    ['an aria-label when the text is empty', '<button aria-label="Add to cart" data-k="b"><svg></svg></button>', ['b']],
    ['a label padded with whitespace', `<button data-k="b">${' '.repeat(600)}Add to cart${' '.repeat(600)}</button>`, ['b']],
    ['a long text is no label', `<button data-k="b">Add to cart ${'and more '.repeat(10)}</button>`, []],
    ['script-driven elements classed for buying, outside carousels', '<div class="product-buy" data-k="d">Купить</div><div class="swiper-slide"><span class="buy" data-k="s">Buy now</span></div>', ['d']],
  ];
  it.each(cases)('%s', (_name, body, want) => {
    expect(ids(findBuyControls(page(body), notExcluded))).toEqual(want);
  });
});
