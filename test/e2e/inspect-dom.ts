import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: Array<CdpNode & { shadowRootType?: string }>;
}

export interface ClosedBadge {
  hostName: string;
  text: string;
  /** The computed background colour of the badge's box (its first <section>): what its stylesheet made of it. */
  boxBackground: string | null;
}

/**
 * Closed shadow roots are invisible to the page and to Playwright's selectors, by design; the DevTools
 * protocol can still pierce them, which is how the test sees what the user sees.
 */
export async function closedShadowBadges(page: Page): Promise<ClosedBadge[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const found: Array<ClosedBadge & { box: CdpNode | undefined }> = [];
    const walk = (n: CdpNode) => {
      for (const sr of n.shadowRoots ?? []) {
        if (sr.shadowRootType === 'closed') found.push({ hostName: n.nodeName.toLowerCase(), text: textOf(sr).replace(/\s+/g, ' ').trim(), boxBackground: null, box: sr.children?.find((c) => c.nodeName === 'SECTION') });
      }
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    if (found.some((b) => b.box)) await cdp.send('CSS.enable');
    for (const b of found) {
      if (!b.box) continue;
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: b.box.nodeId })) as { computedStyle: Array<{ name: string; value: string }> };
      b.boxBackground = computedStyle.find((p) => p.name === 'background-color')?.value ?? null;
    }
    return found.map(({ box: _box, ...badge }) => badge);
  } finally {
    await cdp.detach();
  }
}

function textOf(n: CdpNode): string {
  if (n.nodeType === 3) return `${n.nodeValue ?? ''} `;
  if (n.nodeName === 'STYLE') return '';
  return (n.children ?? []).map(textOf).join('');
}

/** What our content script's isolated world holds: the gate ran (its re-run hook), the page reader was injected. */
export interface OurWorld {
  gate: boolean;
  reader: boolean;
}

/**
 * Finds the extension's isolated world in the page's main frame (CDP lists every execution context on
 * Runtime.enable) and asks it whether the gate and the reader are there. null while no such world exists.
 */
export async function ourWorld(page: Page, extensionId: string): Promise<OurWorld | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
    if (!ours) return null;
    const { result } = (await cdp.send('Runtime.evaluate', {
      contextId: ours.id,
      returnByValue: true,
      expression: `({ gate: typeof globalThis.__localFootprintRunning === 'function', reader: typeof globalThis.__localFootprintReader === 'object' && globalThis.__localFootprintReader !== null })`,
    })) as { result: { value: OurWorld } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}
