/** Debian's Chromium without any extension, launched like launchWithExtension otherwise: the stealth test's baseline. */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../browser.ts';
import { scratchDir } from '../scratch.ts';

export async function launchPlain(shopHosts: string[]): Promise<BrowserContext> {
  const rules = [...shopHosts.map((h) => `MAP ${h} 127.0.0.1`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ');
  const args = [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--disable-gpu', '--headless=new'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return chromium.launchPersistentContext(scratchDir('lf-plain-'), {
    executablePath: chromiumPath(),
    headless: false, // --headless=new above, as for the extension's browser
    args,
    viewport: { width: 1280, height: 900 },
  });
}

/** The document as the DevTools protocol serialises it (light DOM; closed shadow roots stay closed). */
export async function outerHtml(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 1 })) as { root: { nodeId: number; children?: Array<{ nodeId: number; nodeName: string }> } };
    const html = root.children?.find((c) => c.nodeName === 'HTML');
    if (!html) throw new Error('no <html> element');
    const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: html.nodeId })) as { outerHTML: string };
    return outerHTML;
  } finally {
    await cdp.detach();
  }
}

/** Loads a page and lets two seconds pass after load, as the stealth test's brief says. */
export async function loadAndSettle(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(2_000);
}
