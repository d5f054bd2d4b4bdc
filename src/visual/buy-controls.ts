import { clean, ownText } from '../shops/read';
import { textStart } from '../extract/bounded-text';

/**
 * Buy buttons and add-to-cart forms, the visual tier's anchors. Three sources, each asked only when the
 * one before found nothing: markup that names the control (ids, names, classes, form actions), then
 * buttons labelled for buying, then script-driven "buttons" (plain elements classed for buying).
 *
 * Cost: each attribute-substring selector makes the browser test it on every element of the page
 * (~0.1 ms per selector per 15k elements), so the markup rules are split by tag and read from the
 * browser's tag collections, and only the data-* rules, which can sit on any element, are selectors.
 */

/** Ids shops give their buy button or form: looked up in the id map, not matched against every element. */
const BUY_IDS = ['add-to-cart-button', 'addToCart', 'add-to-cart', 'AddToCart', 'AddToCartForm', 'addToCartButton'];
/** Asked one by one: Chromium's lone-attribute-selector fast path skips elements without the attribute, a list tests every element (laendleanzeiger.at, 17,800 elements: 0.09 against 1.1 ms). */
const BUY_DATA = ['[data-testid*="add-to-cart"]', '[data-test*="add-to-cart"]', '[data-action*="add-to-cart"]', '[data-qa*="add-to-cart"]'];
/** Substrings of a button's id, and of its class attribute (case as written: attribute selectors match case). */
const BUTTON_ID_PARTS = ['add-to-cart', 'addToCart', 'AddToCart'];
const BUTTON_CLASS_PARTS = ['add-to-cart', 'addToCart', 'add-to-basket', 'addtocart'];
const FORM_ACTION_PARTS = ['/cart/add', 'add-to-cart', 'addtocart', 'basket/add'];

/** The label ends at a non-letter: `\b` only knows ASCII letters, so it fails after "купить" or "カートに入れる". */
const BUY_TEXT_RE = /^(?:\+\s*)?(?:add to (?:cart|basket|bag|trolley)|buy now|buy it now|purchase|in den (?:warenkorb|einkaufswagen)|(?:jetzt )?kaufen|in den korb|ajouter au panier|acheter|añadir al (?:carrito|cesta)|agregar al carrito|comprar(?: ahora)?|aggiungi al carrello|acquista(?: ora)?|in winkelwagen|toevoegen aan winkelwagen|lägg i (?:varukorgen|kundvagnen)|lisää ostoskoriin|dodaj do koszyka|kup teraz|adicionar ao carrinho|sepete ekle|в корзину|купить|カートに入れる|加入购物车|أضف إلى السلة|أضف الى حقيبة التسوق|přidat do košíku|kosárba|adaugă în coș|dodaj u košaricu|v košarico|lisa ostukorvi|pievienot grozam|į krepšelį|köp|osta)(?![\p{L}\p{N}])/iu;
const MAX_LABEL = 40;
const MAX_LABELLED = 300;
/** Carousel slides hold other products' tiles, buy controls included. */
const CAROUSEL_SELECTORS = '.swiper-slide, .slick-slide, [class*="carousel"], .owl-item';
const SCRIPTED_TAGS = new Set(['DIV', 'SPAN', 'A']);

export function findBuyControls(document: Document, excluded: (el: Element) => boolean): Element[] {
  // Both sources read every button and input: the page's long filter forms hold hundreds, so they are listed once.
  const controls: Controls = { buttons: Array.from(document.getElementsByTagName('button')), inputs: Array.from(document.getElementsByTagName('input')) };
  const found = markedControls(document, controls).filter((e) => !excluded(e));
  if (found.length) return found;
  const out: Element[] = [];
  for (const b of labelledCandidates(document, controls)) {
    const label = shortLabel(b);
    if (label !== null && BUY_TEXT_RE.test(label) && !excluded(b)) out.push(b);
  }
  if (out.length) return out;
  // Script-driven buy "buttons" are often plain elements named for buying, labelled by their own text.
  const named = document.querySelectorAll('[class*="buy"],[class*="cart"]');
  for (let i = 0, seen = 0; i < named.length && seen < MAX_LABELLED; i++) {
    const b = named[i]!;
    if (!SCRIPTED_TAGS.has(b.tagName)) continue;
    seen++;
    const label = ownText(b);
    if (label.length <= MAX_LABEL && BUY_TEXT_RE.test(label) && !excluded(b) && !b.closest(CAROUSEL_SELECTORS)) out.push(b);
  }
  return out;
}

interface Controls {
  buttons: Element[];
  inputs: Element[];
}

/** Elements the markup names as buy controls, in document order. */
function markedControls(document: Document, { buttons, inputs }: Controls): Element[] {
  const found = new Set<Element>();
  for (const id of BUY_IDS) {
    // The id map answers "is there one"; the selector then also returns duplicates (sticky bars repeat ids).
    if (document.getElementById(id)) for (const el of Array.from(document.querySelectorAll(`#${id}`))) found.add(el);
  }
  for (const el of Array.from(document.getElementsByName('add-to-cart'))) found.add(el);
  for (const b of buttons) if (buyButton(b)) found.add(b);
  for (const f of Array.from(document.forms)) {
    const action = f.getAttribute('action');
    if (action && FORM_ACTION_PARTS.some((p) => action.includes(p))) found.add(f);
  }
  for (const input of inputs) {
    if ((input.getAttribute('type') ?? '').toLowerCase() === 'submit' && (input.getAttribute('name') ?? '').includes('cart')) found.add(input);
  }
  for (const sel of BUY_DATA) for (const el of Array.from(document.querySelectorAll(sel))) found.add(el);
  return found.size > 1 ? inDocumentOrder([...found]) : [...found];
}

function buyButton(b: Element): boolean {
  if (b.classList.contains('single_add_to_cart_button') || b.getAttribute('name') === 'add') return true;
  const id = b.id;
  if (id && BUTTON_ID_PARTS.some((p) => id.includes(p))) return true;
  const cls = b.getAttribute('class');
  return cls !== null && BUTTON_CLASS_PARTS.some((p) => cls.includes(p));
}

/** Buttons, submit / button inputs and ARIA link-buttons, the first MAX_LABELLED in document order. */
function labelledCandidates(document: Document, controls: Controls): Element[] {
  const inputs = controls.inputs.filter((i) => {
    const type = (i.getAttribute('type') ?? '').toLowerCase();
    return type === 'submit' || type === 'button';
  });
  const merged = mergeOrdered(mergeOrdered(controls.buttons, inputs), Array.from(document.querySelectorAll('a[role="button"]')));
  return merged.slice(0, MAX_LABELLED);
}

/**
 * A control's label when it is short enough to be one (≤ MAX_LABEL after whitespace is collapsed), else
 * null; a long text is not read to its end.
 */
function shortLabel(b: Element): string | null {
  let label: string;
  if (b.tagName === 'INPUT') label = clean(b.getAttribute('value'));
  else {
    const raw = boundedRaw(b, RAW_LABEL);
    label = clean(raw ?? b.textContent);
  }
  if (!label) label = clean(b.getAttribute('aria-label'));
  return label.length <= MAX_LABEL ? label : null;
}

/** Raw characters read before a label is known to be too long, whatever whitespace indents it. */
const RAW_LABEL = 400;

/**
 * textContent when it is under `max` characters, or its first `max` when those already hold more than
 * MAX_LABEL non-space characters (then no label); null when only the whole text can tell.
 */
function boundedRaw(el: Element, max: number): string | null {
  const out = textStart(el, max);
  if (out.length < max) return out;
  return clean(out).length > MAX_LABEL ? out : null;
}

/** Two lists each in document order → one, in document order (a linear merge, no sort). */
function mergeOrdered(a: Element[], b: Element[]): Element[] {
  if (!a.length) return b;
  if (!b.length) return a;
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    // DOCUMENT_POSITION_FOLLOWING (4): b[j] comes after a[i].
    if (a[i]!.compareDocumentPosition(b[j]!) & 4) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function inDocumentOrder(els: Element[]): Element[] {
  return els.sort((x, y) => (x === y ? 0 : x.compareDocumentPosition(y) & 4 ? -1 : 1));
}
