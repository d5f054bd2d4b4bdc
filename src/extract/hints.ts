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

export function pageHints(document: Document, ogTitle: string | null): PageHints {
  const h1s = Array.from(document.getElementsByTagName('h1')).slice(0, MAX_H1);
  const headings = h1s.map((h) => normalizeName((h.textContent ?? '').slice(0, 500))).filter((s) => s.length > 0);
  const titles: string[] = [];
  if (ogTitle) titles.push(normalizeName(ogTitle));
  if (document.title) titles.push(normalizeName(document.title));
  return { headings, titles, h1s };
}

/** Does `name` name the page: an h1 says it, or a page title contains it? */
export function namesPage(name: string | null | undefined, hints: PageHints): boolean {
  if (!name) return false;
  const n = normalizeName(name);
  if (n.length < 4) return false;
  if (hints.headings.some((h) => h === n || (h.length > 8 && (h.includes(n) || n.includes(h))))) return true;
  return hints.titles.some((t) => t.includes(n));
}
