import { isKnownShopHost } from '../shops/registry';
import { hostMatchesAny } from '../shops/host';
import { TRAVEL_HOSTS } from '../flights/sites';

/** Hosts where the manifest's content script runs from install. */
export function isBuiltInHost(host: string): boolean {
  return isKnownShopHost(host) || hostMatchesAny(host, TRAVEL_HOSTS);
}

/** The one origin pattern asked for when the user says "always on this site": that host only. */
export function siteOrigin(host: string): string {
  return `*://${host}/*`;
}

export interface SiteScriptsApi {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting?: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
    registerContentScripts(scripts: Array<{ id: string; matches: string[]; js: string[]; runAt: 'document_idle'; persistAcrossSessions?: boolean }>): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

const SCRIPT_ID = 'lf-user-sites';

/** The origins the user granted at run time (optional host permissions), as content-script matches. */
export function userSiteMatches(origins: readonly string[]): string[] {
  return origins.filter((o) => /^(\*|https?):\/\/[^*/]+\/\*$/.test(o)).sort();
}

/**
 * Keeps one registered content script whose matches are exactly the sites the user granted: called at
 * start-up and whenever a permission is added or removed, so a revoked site stops at once.
 */
export async function syncSiteScripts(api: SiteScriptsApi): Promise<string[]> {
  if (!api.scripting) return [];
  const matches = userSiteMatches((await api.permissions.getAll()).origins ?? []);
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length) {
    await api.scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js: ['content-scripts/content.js'], runAt: 'document_idle' }]);
  }
  return matches;
}
