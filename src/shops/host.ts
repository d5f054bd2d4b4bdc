/**
 * True when `hostname` is `suffix` or a subdomain of it. Label-aligned on purpose: a substring or
 * prefix test would let "amazon.com.evil.net" or "notamazon.com" pass for amazon.com.
 */
export function hostMatches(hostname: string, suffix: string): boolean {
  const host = normalise(hostname);
  const want = normalise(suffix);
  if (!host || !want) return false;
  return host === want || host.endsWith('.' + want);
}

function normalise(name: string): string {
  let s = name.trim().toLowerCase();
  while (s.endsWith('.')) s = s.slice(0, -1);
  return s;
}

/** True when `hostname` matches any of `suffixes`. */
export function hostMatchesAny(hostname: string, suffixes: readonly string[]): boolean {
  for (const s of suffixes) if (hostMatches(hostname, s)) return true;
  return false;
}
