import type { Cabin, Trip } from './types';
import { textStart } from '../extract/bounded-text';

/**
 * Flight booking confirmations: airport codes in a route ("LHR → JFK", "London (LHR) to New York (JFK)"),
 * the cabin class, passengers, date and booking reference. Only pages that say they are a confirmed
 * booking are read; search results and fare pages show routes too and are not trips taken.
 */
const CONFIRMED = /\b(booking (is )?confirmed|booking confirmation|your (e-?ticket|itinerary|booking reference)|confirmation number|buchungsbest[äa]tigung|ihre buchung|confirmation de r[ée]servation|r[ée]servation confirm[ée]e|reserva confirmada|confirmaci[óo]n de (la )?reserva)\b/i;
// "à" and "→" are not word characters, so the joining word is fenced by spaces rather than \b.
const ROUTE = /\(([A-Z]{3})\)[^()]{0,60}?\s(?:to|→|->|–|—|-|nach|à|a)\s[^()]{0,60}?\(([A-Z]{3})\)|\b([A-Z]{3})\s*(?:→|->|–|—|✈|to)\s*([A-Z]{3})\b/g;
const CABINS: Array<[RegExp, Cabin]> = [
  [/\bpremium economy\b|\bpremium eco\b|\bpremium economy class\b/i, 'premium-economy'],
  [/\bbusiness( class)?\b|\bclub (world|europe)\b|\bgesch[äa]ftsreise?klasse\b/i, 'business'],
  [/\bfirst class\b|\bpremi[eè]re\b/i, 'first'],
  [/\beconomy( class)?\b|\beconomy light\b|\bbasic economy\b|\bworld traveller\b|\beuro traveller\b|\bholiday class\b|(?<!\w)[ée]conomie\b|\bturista\b/i, 'economy'],
];
const PASSENGERS = /\b(\d{1,2})\s*(?:passengers?|adults?|travell?ers?|reisende|erwachsene|passagers?|adultes?)\b/i;
const PNR = /\b(?:booking reference|booking ref\.?|confirmation (?:code|number)|buchungsnummer|r[ée]f[ée]rence de (?:r[ée]servation|dossier)|PNR)\s*[:#]?\s*([A-Z0-9]{6})\b/i;
const ISO_DATE = /\b(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/;
const MAX_TEXT = 200_000;
const NOT_AIRPORTS = new Set(['THE', 'AND', 'FOR', 'YOU', 'USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'VAT', 'TAX', 'PDF', 'FAQ', 'APP']);

/** `heading`: the first h1's text start (textStart, at least 300 characters), when the caller read it already. */
export function looksLikeBookingConfirmation(doc: Document, heading?: string): boolean {
  // Asked by the content script's gate on every page: the title and a bounded start of the first heading.
  const head = `${doc.title.slice(0, 300)} ${(heading ?? textStart(doc.querySelector('h1'), 300)).slice(0, 300)}`;
  return CONFIRMED.test(head);
}

export function readTrips(doc: Document): Trip[] {
  if (!looksLikeBookingConfirmation(doc)) return [];
  const text = spacedText(doc.body);
  const cabin = CABINS.find(([re]) => re.test(text))?.[1] ?? null;
  const pax = Number(PASSENGERS.exec(text)?.[1] ?? '1');
  const passengers = Number.isInteger(pax) && pax >= 1 && pax <= 9 ? pax : 1;
  const bookingRef = PNR.exec(text)?.[1]?.toUpperCase() ?? null;
  const date = ISO_DATE.exec(text)?.[0] ?? null;
  const trips: Trip[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(ROUTE)) {
    const from = m[1] ?? m[3];
    const to = m[2] ?? m[4];
    if (!from || !to || from === to || NOT_AIRPORTS.has(from) || NOT_AIRPORTS.has(to)) continue;
    const key = `${from}-${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    trips.push({ from, to, cabin, passengers, date, bookingRef });
    if (trips.length >= 8) break;
  }
  return trips;
}

/** Text with a space between text nodes ("confirmed" and "Booking" in two paragraphs stay two words). */
function spacedText(root: HTMLElement | null): string {
  if (!root) return '';
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let size = 0;
  for (let n = walker.nextNode(); n && size < MAX_TEXT; n = walker.nextNode()) {
    const tag = n.parentElement?.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') continue;
    const t = n.nodeValue ?? '';
    if (!t.trim()) continue;
    parts.push(t);
    size += t.length + 1;
  }
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, MAX_TEXT);
}
