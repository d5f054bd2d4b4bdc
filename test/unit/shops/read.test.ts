/**
 * Text reads: bounded (a hostile page can put megabytes into one element) and, under the bound, the
 * same text as before they were bounded: textContent's concatenation without skipped tags, text nodes
 * joined by spaces with them, a space around each child element for titles.
 */
import { describe, expect, it } from 'vitest';
import { textStart } from '../../../src/extract/bounded-text.ts';
import { MAX_TEXT, spacedText, visibleText } from '../../../src/shops/read.ts';

function el(html: string): Element {
  return new DOMParser().parseFromString(`<div id="x">${html}</div>`, 'text/html').getElementById('x')!;
}

describe('visibleText', () => {
  const cases: Array<[string, string, number | undefined, string]> = [
    ['plain concatenation without skipped tags', '£<span>399</span>', undefined, '£399'],
    ['skipped tags: text nodes joined by spaces', '£<span>399</span><script>var p = 1;</script>', undefined, '£ 399'],
    ['style, noscript, template and svg are not read', 'a<style>.x{}</style><noscript>n</noscript><template>t</template><svg><text>s</text></svg><b>b</b>', 5, 'a b'],
    ['a budget stops at the first text node past it', '<i>12345</i><i>678</i><i>90</i>', 6, '12345 678'],
    ['blank nodes cost no budget', '<i>  </i><i>ab</i><i>   </i><i>cd</i>', 3, 'ab cd'],
    ['deep nesting reads in document order', '<p><b>1<i>2<u>3</u></i></b>4</p>5', 10, '1 2 3 4 5'],
  ];
  it.each(cases)('%s', (_name, html, max, want) => {
    expect(visibleText(el(html), max)).toBe(want);
  });

  it('a text node or element of megabytes is read up to the cap', () => {
    const big = 'Oak table '.repeat(1_000_000);
    expect(visibleText(el(`<h1>${big}</h1>`)).length).toBeLessThanOrEqual(MAX_TEXT);
    expect(visibleText(el(`<h1>${big}</h1><script>x</script>`)).length).toBeLessThanOrEqual(MAX_TEXT);
    expect(spacedText(el(`<h1>${big}</h1>`)).length).toBeLessThanOrEqual(MAX_TEXT);
  });
});

describe('spacedText', () => {
  it.each([
    ['MÖCKELBY<span>Table, oak</span>', 'MÖCKELBY Table, oak'],
    ['<span>A</span><span>B</span>', 'A B'],
    ['<b><i>deep</i></b>end', 'deep end'],
    ['x<br>y<script>nope</script>', 'x y'],
  ])('%s', (html, want) => {
    expect(spacedText(el(html))).toBe(want);
  });
});

describe('textStart', () => {
  it.each([
    ['<b>ab</b>cd<i>ef</i>', 4, 'abcd'],
    ['<b>ab</b>cd<i>ef</i>', 100, 'abcdef'],
    ['a<script>bc</script>d', 100, 'abcd'],
    ['a<!-- comment -->b', 100, 'ab'],
  ])('%s, first %i', (html, max, want) => {
    const node = el(html);
    expect(textStart(node, max)).toBe(want);
    expect(textStart(node, max)).toBe((node.textContent ?? '').slice(0, max));
  });
  it('null reads as empty', () => {
    expect(textStart(null, 5)).toBe('');
  });
});
