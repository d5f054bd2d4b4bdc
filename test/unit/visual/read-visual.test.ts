import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../../scripts/lib/dom.ts';
import { FIXTURES, HAS_SHARED } from '../../shared.ts';
import { readVisualProduct } from '../../../src/visual/read-visual.ts';

function page(body: string, title = 'Shop'): Document {
  return new DOMParser().parseFromString(`<html><head><title>${title}</title></head><body>${body}</body></html>`, 'text/html');
}

const URL_UK = new URL('https://shop.example.co.uk/p/123');

describe('readVisualProduct on snippets', () => {
  const cases: Array<[string, string, number | null]> = [
    ['crossed-out list price next to a sale price', '<main><h1>Kettle</h1><div class="price"><del>£39.99</del> <span class="price-now">£29.99</span></div><button>Add to basket</button></main>', 29.99],
    ['list price by class name', '<main><h1>Kettle</h1><div><span class="old-price">£39.99</span> <span class="price">£29.99</span></div><button>Add to cart</button></main>', 29.99],
    ['unit price after the price', '<main><h1>Coffee 500 g</h1><div class="product-price"><strong>£6.00</strong></div><div class="unit"><span>£12.00/kg</span></div><button>Add to cart</button></main>', 6],
    ['rating and review count are not prices', '<main><h1>Lamp</h1><div>4.5 out of 5 stars (1,203 reviews)</div><span class="price">€49,90</span><button>In den Warenkorb</button></main>', 49.9],
    ['instalments are not the price', '<main><h1>Watch</h1><div class="price">259,00 €</div><div>ou 3x 86,33€ sans frais</div><button>Ajouter au panier</button></main>', 259],
    ['"Was" reference price', '<main><h1>Plates</h1><div>Was $34.99 Save 10%</div><div class="sale-price">$31.49</div><button>Add to Cart</button></main>', 31.49],
    ['shipping cost is not the price', '<main><h1>Cardigan</h1><span class="price">€ 49,99</span><p>Delivery: € 5,95</p><button>Add to bag</button></main>', 49.99],
    ['related-product tiles are not the price', '<main><h1>Diving mask</h1><ul><li class="price"><span class="price">100.00€</span></li></ul><button>Add to cart</button><div class="row"><div class="col"><a href="/p/0"><img src="/i/0.jpg" alt=""></a><h4><a href="/p/0">Mask 0</a></h4><span class="price">150.00€</span></div><div class="col"><a href="/p/1"><img src="/i/1.jpg" alt=""></a><h4><a href="/p/1">Mask 1</a></h4><span class="price">150.00€</span></div><div class="col"><a href="/p/2"><img src="/i/2.jpg" alt=""></a><h4><a href="/p/2">Mask 2</a></h4><span class="price">150.00€</span></div><div class="col"><a href="/p/3"><img src="/i/3.jpg" alt=""></a><h4><a href="/p/3">Mask 3</a></h4><span class="price">150.00€</span></div></div></main>', 100],
    ['a lone "old"-classed price is the live price; a net price after it is not', '<main><h1>Diving mask</h1><ul id="price-list"><li class="price"><span class="price-old-live">100.00€</span></li><li class="price-tax small">Brez DDV: <span class="price-tax-live">81.97€</span></li></ul><button>Add to cart</button></main>', 100],
    ['a net price shown first is the headline price', '<main><h1>iMac Pro</h1><div class="price-wrap"><div class="notax">bez DPH <span class="price">4386,00 €</span></div><div class="tax">s DPH <span class="price">5263,20 €</span></div></div><button>Add to cart</button></main>', 4386],
    ['one buy form per variant, each repeating the heading, is not a listing', '<main><form action="./p?v=0" method="post"><h1>Wrap dress</h1><div class="price-current">29,99€</div><button type="submit">In den Warenkorb</button></form><form action="./p?v=1" method="post"><h1>Wrap dress</h1><div class="price-current">29,99€</div><button type="submit">In den Warenkorb</button></form><form action="./p?v=2" method="post"><h1>Wrap dress</h1><div class="price-current">29,99€</div><button type="submit">In den Warenkorb</button></form><form action="./p?v=3" method="post"><h1>Wrap dress</h1><div class="price-current">29,99€</div><button type="submit">In den Warenkorb</button></form></main>', 29.99],
    ['yuan amount beside suggested-retail, instalment and points rows', '<main><h1>Carrying sink</h1><table><tr><td>建議售價 <del>$3200</del>元</td></tr><tr><td class="t13"><strong>一次付清特價</strong> <span>2320</span><span> 元 </span></td></tr><tr><td>3 期 每期 <span>$806</span></td></tr><tr><td>積點 <span>24</span> 點 <span>(1點=1元)</span></td></tr></table><button>Add to cart</button></main>', 2320],
    ['a script-driven buy element with a Cyrillic label anchors the price when no heading is usable', '<div class="detail"><s class="old">49 890 тг.</s> <span class="pr">44 890 тг.</span><div class="buy-box"><div class="product-buy">Купить</div></div></div>', 44890],
    ['no price shown', '<main><h1>Tully Sconce</h1><p>Currently unavailable.</p></main>', null],
  ];
  it.each(cases)('%s', (_name, body, want) => {
    const got = readVisualProduct(page(body), URL_UK);
    if (want === null) expect(got?.price ?? null).toBeNull();
    else expect(got?.price).toBeCloseTo(want, 2);
  });

  it('reads the main heading as the title and ignores a dialog h1', () => {
    const got = readVisualProduct(page('<div role="dialog"><h1>Your privacy settings</h1></div><main><h1>Oak Table</h1><span class="price">£450</span><button>Add to basket</button></main>'), URL_UK);
    expect(got?.title).toBe('Oak Table');
  });

  it('returns null on a grid of priced tiles', () => {
    const tiles = Array.from({ length: 30 }, (_, i) => `<li class="tile"><a href="/p/${i}">Item ${i}</a><span class="price">£${i + 5}.99</span><button>Add to basket</button></li>`).join('');
    expect(readVisualProduct(page(`<main><h1>Best sellers</h1><ul>${tiles}</ul></main>`), URL_UK)).toBeNull();
  });
});

describe.skipIf(!HAS_SHARED)('readVisualProduct on listing pages', () => {
  const files = [
    'amazon.com--not-a-product--bestsellers-tools.html',
    'amazon.de--not-a-product--bestsellers-elektronik.html',
    'amazon.de--not-a-product--search-katzenfutter.html',
  ];
  it.each(files)('%s -> null', (file) => {
    const url = file.startsWith('amazon.de') ? 'https://www.amazon.de/s?k=katzenfutter' : 'https://www.amazon.com/gp/bestsellers/hi';
    const { document, close } = loadPage(resolve(FIXTURES, 'pages', file), url);
    try {
      expect(readVisualProduct(document, new URL(url))).toBeNull();
    } finally {
      close();
    }
  });
});
