import { documentFromHtml } from '../../../scripts/lib/dom.ts';

/** Runs `fn` on a DOM built from `html` served at `url`, and closes it. */
export function withDom<T>(html: string, fn: (document: Document, url: URL) => T, url = 'https://shop.example/p/123'): T {
  const { document, close } = documentFromHtml(html, url);
  try {
    return fn(document, new URL(url));
  } finally {
    close();
  }
}

export function jsonLdPage(...blocks: string[]): string {
  return `<html><head><title>Test</title>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body><h1>Test</h1></body></html>`;
}
