import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Window } from 'happy-dom';

/** Reads an .html or .html.gz file as text. */
export function readHtml(path: string): string {
  const buf = readFileSync(path);
  const isGzip = buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  return (isGzip ? gunzipSync(buf) : buf).toString('utf8');
}

export interface LoadedPage {
  document: Document;
  close: () => void;
}

/**
 * happy-dom (unlike browsers) lets a <style> inside inline <svg> swallow the rest of the page; such
 * styles only paint icons, so they are dropped before parsing to give the DOM a browser would build.
 */
function dropSvgStyles(html: string): string {
  if (!html.includes('<svg') && !html.includes('<SVG')) return html;
  return html.replace(/(<svg\b[^>]*>)([\s\S]*?)(<\/svg>)/gi, (_m, open: string, inner: string, close: string) => open + inner.replace(/<style\b[\s\S]*?<\/style>/gi, '') + close);
}

/**
 * Builds a DOM for `html` as if it had been served at `url`, with the page's own scripts, styles,
 * frames and sub-resources switched off: nothing is fetched and nothing of the page runs.
 */
export function documentFromHtml(html: string, url: string): LoadedPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
    console: { log() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {} } as unknown as Console,
  });
  window.document.write(dropSvgStyles(html));
  return {
    document: window.document as unknown as Document,
    close: () => void window.happyDOM.close(),
  };
}

export function loadPage(path: string, url: string): LoadedPage {
  return documentFromHtml(readHtml(path), url);
}
