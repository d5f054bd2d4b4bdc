import { textStart } from './bounded-text';

/** What names the page's subject, for telling the page's product from carousel and listing products. */
export interface PageHints {
  /** Normalised h1 texts (first few). */
  headings: string[];
  /** Normalised og:title and document.title. */
  titles: string[];
  h1s: Element[];
}

const MAX_H1 = 4;

export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

const MAX_HEADING = 500;

export function pageHints(document: Document, ogTitle: string | null): PageHints {
  const h1s: Element[] = [];
  const all = document.getElementsByTagName('h1');
  // Indexing a live collection stops at the MAX_H1-th heading; .length or Array.from would walk the page.
  for (let h = all[0], i = 0; h && i < MAX_H1; h = all[++i]) h1s.push(h);
  const headings = h1s.map((h) => normalizeName(textStart(h, MAX_HEADING))).filter((s) => s.length > 0);
  const titles: string[] = [];
  if (ogTitle) titles.push(normalizeName(ogTitle));
  if (document.title) titles.push(normalizeName(document.title));
  return { headings, titles, h1s };
}

/**
 * pageHints, read on first use: only a page with several product entities needs them, and most pages
 * have one.
 */
export function lazyHints(document: Document, ogTitle: string | null): PageHints {
  let read: PageHints | null = null;
  const get = (): PageHints => (read ??= pageHints(document, ogTitle));
  return {
    get headings() {
      return get().headings;
    },
    get titles() {
      return get().titles;
    },
    get h1s() {
      return get().h1s;
    },
  };
}

/** Does `name` name the page: an h1 says it, or a page title contains it? */
export function namesPage(name: string | null | undefined, hints: PageHints): boolean {
  if (!name) return false;
  const n = normalizeName(name);
  if (n.length < 4) return false;
  if (hints.headings.some((h) => h === n || (h.length > 8 && (h.includes(n) || n.includes(h))))) return true;
  return hints.titles.some((t) => t.includes(n));
}
