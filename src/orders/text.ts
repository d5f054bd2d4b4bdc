/** Text helpers that read the DOM without layout: textContent only, bounded in size. */

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'SELECT', 'OPTION', 'TEXTAREA', 'HEAD', 'TITLE']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CENTER', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'DETAILS', 'SUMMARY',
]);

/** Collapses whitespace (incl. NBSP and zero-width characters that shops put in prices and names). */
export function clean(s: string | null | undefined): string {
  if (!s) return '';
  return s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export function textOf(el: Element | null | undefined): string {
  return el ? clean(el.textContent) : '';
}

/**
 * The visible-ish text of `root` as lines, one per block element (so "Label:" and its value in the next
 * cell come out as neighbouring lines). Scripts, styles and `hidden` subtrees are skipped; stops after
 * `budget` characters so a huge page cannot make this slow.
 */
export function linesOf(root: Element | null | undefined, budget = 150_000): string[] {
  const lines: string[] = [];
  if (!root) return lines;
  let current = '';
  let used = 0;
  const flush = (): void => {
    const t = clean(current);
    if (t) lines.push(t);
    current = '';
  };
  // Iterative walk: deep e-mail table nesting must not blow the stack.
  const stack: Array<Node | 'end-block'> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      current += t;
      used += t.length;
      if (used > budget) break;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.hasAttribute('hidden')) continue;
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      stack.push('end-block');
    }
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return lines;
}

/** Looks like the start of an amount: a currency sign/code, a sign or a digit. */
const MONEYISH = /^(?:[-−–+]?\s*)?(?:[£$€¥₹]|[A-Z]{3}\b|[A-Z]{1,2}\$|\d)/;

export interface Labelled {
  value: string;
  /** Index of the line holding the label. */
  index: number;
}

/**
 * Finds `label` at the start of a line and returns the text after it on the same line, or the next line
 * when the label stands alone ("Grand Total:" / "$28.50"). A label followed by other words
 * ("Total before tax:") does not count. `label` must be anchored with ^ and may end with ':'.
 */
export function findLabelled(lines: readonly string[], label: RegExp, opts: { from?: number; moneyOnly?: boolean; last?: boolean } = {}): Labelled | null {
  let found: Labelled | null = null;
  for (let i = opts.from ?? 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = label.exec(line);
    if (!m) continue;
    const rest = line.slice(m.index + m[0].length).replace(/^\s*[:#]?\s*/, '').trim();
    let value: string | null = null;
    if (rest) {
      if (!opts.moneyOnly || MONEYISH.test(rest)) value = rest;
    } else if (i + 1 < lines.length) {
      const next = lines[i + 1]!;
      if (!opts.moneyOnly || MONEYISH.test(next)) value = next;
    }
    if (value !== null) {
      found = { value, index: i };
      if (!opts.last) return found;
    }
  }
  return found;
}

/** Hostnames of the first `max` links and images: an e-mail viewed in web mail names its shop only there. */
export function linkedHosts(document: Document, max = 300): string[] {
  const hosts: string[] = [];
  const els = document.querySelectorAll('a[href], img[src]');
  const n = Math.min(els.length, max);
  for (let i = 0; i < n; i++) {
    const el = els[i]!;
    const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
    if (!/^https?:/i.test(raw)) continue;
    try {
      hosts.push(new URL(raw).hostname.toLowerCase());
    } catch {
      // malformed link: ignore
    }
  }
  return hosts;
}
