/**
 * The first `max` characters of an element's text, without building the whole of it: `textContent` on a
 * page-sized element (a shop that wraps its page in an <h1>, a hostile 10 MB heading) allocates the entire
 * text first. Script and style contents are not text a reader sees and are skipped.
 */
export function textPrefix(el: Element | null | undefined, max: number): string {
  if (!el || max <= 0) return '';
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const parent = n.parentNode as Element | null;
    const tag = parent?.localName;
    if (tag === 'script' || tag === 'style' || tag === 'noscript') continue;
    out += (n as Text).data.slice(0, max - out.length);
    if (out.length >= max) break;
  }
  return out;
}
