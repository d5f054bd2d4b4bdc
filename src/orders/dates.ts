/** Dates as shops print them, to YYYY-MM-DD. English, German, French, Spanish, Italian and Dutch month names. */

const MONTHS: Record<string, number> = {};
const NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari']],
  [2, ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'februari']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mär', 'mars', 'marzo', 'maart', 'mrt']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'set', 'settembre']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre']],
];
for (const [n, names] of NAMES) for (const name of names) MONTHS[name] = n;

const MONTH_WORD = '([A-Za-zÀ-ÿ]{3,10})\\.?';
const NAME_FIRST = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:\\.|er|st|nd|rd|th|º)?\\s*(?:de\\s+)?${MONTH_WORD}\\s+(?:de\\s+)?(\\d{4})\\b`, 'g');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const NUMERIC = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/;

/** Countries that write the month first in numeric dates. */
const MONTH_FIRST = new Set(['US', 'PH']);

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function month(word: string): number | null {
  return MONTHS[word.toLowerCase()] ?? null;
}

/**
 * The first full date (with a year) in `text`. ISO timestamps keep the date as written (the shop's local
 * date), not converted to UTC. `country` decides D/M vs M/D for numeric dates.
 */
export function parseDate(text: string | null | undefined, country?: string | null): string | null {
  if (!text) return null;
  const t = text.slice(0, 300);
  let m = ISO.exec(t);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  const named: Array<{ at: number; date: string | null }> = [];
  for (const n of t.matchAll(NAME_FIRST)) {
    const mo = month(n[1]!);
    if (mo) named.push({ at: n.index, date: ymd(+n[3]!, mo, +n[2]!) });
  }
  for (const n of t.matchAll(DAY_FIRST)) {
    const mo = month(n[2]!);
    if (mo) named.push({ at: n.index, date: ymd(+n[3]!, mo, +n[1]!) });
  }
  named.sort((x, y) => x.at - y.at);
  if (named[0]) return named[0].date;
  m = NUMERIC.exec(t);
  if (m) {
    let a = +m[1]!;
    let b = +m[3]!;
    const y = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
    let monthFirst = MONTH_FIRST.has(country ?? '') && m[2] === '/';
    if (a > 12) monthFirst = false;
    else if (b > 12) monthFirst = true;
    if (monthFirst) [a, b] = [b, a];
    return ymd(y, b, a);
  }
  return null;
}
