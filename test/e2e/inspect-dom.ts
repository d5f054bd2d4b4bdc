import type { Page } from 'playwright-core';

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: Array<CdpNode & { shadowRootType?: string }>;
}

export interface ClosedBadge {
  hostName: string;
  text: string;
}

/**
 * Closed shadow roots are invisible to the page and to Playwright's selectors, by design; the DevTools
 * protocol can still pierce them, which is how the test sees what the user sees.
 */
export async function closedShadowBadges(page: Page): Promise<ClosedBadge[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const found: ClosedBadge[] = [];
    const walk = (n: CdpNode) => {
      for (const sr of n.shadowRoots ?? []) {
        if (sr.shadowRootType === 'closed') found.push({ hostName: n.nodeName.toLowerCase(), text: textOf(sr).replace(/\s+/g, ' ').trim() });
      }
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

function textOf(n: CdpNode): string {
  if (n.nodeType === 3) return `${n.nodeValue ?? ''} `;
  if (n.nodeName === 'STYLE') return '';
  return (n.children ?? []).map(textOf).join('');
}
