import { describe, expect, it } from 'vitest';
import { isBuiltInHost, syncSiteScripts, userSiteMatches, type SiteScriptsApi } from '../../../src/background/site-scripts';

function fakeApi(origins: string[]) {
  let registered: Array<{ id: string; matches: string[] }> = [];
  const api: SiteScriptsApi = {
    permissions: { getAll: async () => ({ origins }) },
    scripting: {
      getRegisteredContentScripts: async () => registered.map(({ id }) => ({ id })),
      registerContentScripts: async (s) => void (registered = registered.concat(s)),
      unregisterContentScripts: async ({ ids }) => void (registered = registered.filter((r) => !ids.includes(r.id))),
    },
  };
  return { api, registered: () => registered, setOrigins: (o: string[]) => (origins = o) };
}

describe('always on this site', () => {
  it.each([
    ['www.amazon.de', true],
    ['shop.britishairways.com', true],
    ['www.example-shop.com', false],
    ['amazon.de.evil.example', false],
  ])('%s is built in: %s', (host, builtIn) => {
    expect(isBuiltInHost(host)).toBe(builtIn);
  });

  it('keeps only single-site grants, never the manifest patterns or broad ones', () => {
    expect(userSiteMatches(['*://*.amazon.com/*', '*://www.shop.example/*', 'https://other.example/*', '*://*/*', '<all_urls>'])).toEqual([
      '*://www.shop.example/*',
      'https://other.example/*',
    ]);
  });

  it('registers one content script for the granted sites and drops it when they are revoked', async () => {
    const f = fakeApi(['*://*.amazon.com/*', '*://www.shop.example/*']);
    expect(await syncSiteScripts(f.api)).toEqual(['*://www.shop.example/*']);
    expect(f.registered()).toEqual([expect.objectContaining({ id: 'lf-user-sites', matches: ['*://www.shop.example/*'] })]);
    f.setOrigins(['*://*.amazon.com/*']);
    await syncSiteScripts(f.api);
    expect(f.registered()).toEqual([]);
  });
});
