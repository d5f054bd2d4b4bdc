/** Lower-case, accents and punctuation folded to spaces, so "Kühlschrank" and "kuhlschrank" meet. */
export function fold(s: string): string {
  return ` ${s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** Escape a folded term for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
