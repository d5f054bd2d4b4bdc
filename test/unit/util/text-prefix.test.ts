import { describe, expect, it } from 'vitest';
import { textPrefix } from '../../../src/util/text-prefix.ts';
import { withDom } from '../extract/helpers.ts';

describe('textPrefix', () => {
  const cases: Array<[string, string, number, string]> = [
    ['whole text when short', '<h1>Booking <b>confirmed</b></h1>', 100, 'Booking confirmed'],
    ['cut at max', '<h1>abcdef<i>ghij</i></h1>', 8, 'abcdefgh'],
    ['skips scripts and styles', '<h1>a<script>var x=1</script><style>p{}</style>b</h1>', 10, 'ab'],
    ['empty for max 0', '<h1>abc</h1>', 0, ''],
  ];
  it.each(cases)('%s', (_name, html, max, want) => {
    expect(withDom(`<html><body>${html}</body></html>`, (doc) => textPrefix(doc.querySelector('h1'), max))).toBe(want);
  });

  it('is empty for a missing element', () => {
    expect(textPrefix(null, 10)).toBe('');
  });

  it('reads only the start of a huge heading', () => {
    const huge = `<h1>Your booking is confirmed ${'<span>x</span>'.repeat(50_000)}</h1>`;
    expect(withDom(`<html><body>${huge}</body></html>`, (doc) => textPrefix(doc.querySelector('h1'), 40))).toBe('Your booking is confirmed xxxxxxxxxxxxxx');
  });
});
