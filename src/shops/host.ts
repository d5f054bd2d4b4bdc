/**
 * True when `hostname` is `suffix` or a subdomain of it. Label-aligned on purpose: a substring or
 * prefix test would let "amazon.com.evil.net" or "notamazon.com" pass for amazon.com.
 */
export function hostMatches(hostname: string, suffix: string): boolean {
  return matchesNormalised(normaliseHost(hostname), normaliseHost(suffix));
}

function matchesNormalised(host: string, want: string): boolean {
  if (!host || !want) return false;
  return host === want || (host.length > want.length && host.endsWith(want) && host.charCodeAt(host.length - want.length - 1) === 46 /* . */);
}

/** Lower case, no surrounding space, no trailing dots: how hostnames and suffixes are compared. */
export function normaliseHost(name: string): string {
  let s = name.trim().toLowerCase();
  while (s.endsWith('.')) s = s.slice(0, -1);
  return s;
}

/** The hostname and each parent domain, longest first ("www.amazon.de", "amazon.de", "de"): keys for a lookup by suffix. */
export function hostSuffixes(hostname: string): string[] {
  const out: string[] = [];
  for (let s = normaliseHost(hostname); s; ) {
    out.push(s);
    const dot = s.indexOf('.');
    s = dot < 0 ? '' : s.slice(dot + 1);
  }
  return out;
}

/** Suffix lists are constants: each is normalised once, not once per page per suffix. */
const NORMALISED = new WeakMap<readonly string[], readonly string[]>();

/** True when `hostname` matches any of `suffixes`. */
export function hostMatchesAny(hostname: string, suffixes: readonly string[]): boolean {
  const host = normaliseHost(hostname);
  if (!host) return false;
  let wants = NORMALISED.get(suffixes);
  if (!wants) {
    wants = suffixes.map(normaliseHost);
    NORMALISED.set(suffixes, wants);
  }
  for (const want of wants) if (matchesNormalised(host, want)) return true;
  return false;
}
