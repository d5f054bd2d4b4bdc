/** Fallback title from document.title: "Product | Shop" → "Product" (the shop's own segment dropped). */
const SEPARATOR = /\s+[|–—:-]\s+|\s*\|\s*/;

export function titleFromDocument(document: Document, url: URL, siteName: string | null): string | null {
  const raw = (document.title ?? '').replace(/\s+/g, ' ').trim();
  if (!raw) return null;
  const parts = raw.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length <= 1) return raw;
  const host = url.hostname.replace(/^www\./, '').split('.')[0]!.toLowerCase();
  const site = siteName?.toLowerCase().trim() ?? null;
  const isShop = (p: string): boolean => {
    const s = p.toLowerCase();
    return s === site || s.replace(/[^a-z0-9]/g, '').includes(host) || (site !== null && s.includes(site));
  };
  const kept = parts.filter((p) => !isShop(p));
  if (kept.length === 0) return parts[0]!;
  // Titles split on a dash inside the product name ("T-Shirt - Blue") are rejoined up to the shop's segment.
  const firstShop = parts.findIndex(isShop);
  if (firstShop > 0) return parts.slice(0, firstShop).join(' - ');
  return kept[0]!;
}
