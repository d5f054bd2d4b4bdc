/**
 * Text clean-up before price parsing: one space character, ASCII digits, no invisible marks.
 * Each replacement keeps string length meaningful only loosely; nothing downstream maps positions
 * back to the original text.
 */

/** Longest text looked at. Price strings are short; a 10 MB string is cut, not scanned. */
export const MAX_TEXT_LENGTH = 4096;

// Zero-width characters, bidi controls and soft hyphens carry no meaning in a price.
const INVISIBLE_RE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Every kind of space, tab, line break and control character becomes one plain space.
const SPACE_RE = /[\u0000-\u0020\u007F-\u009F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const APOSTROPHE_RE = /[\u2019\u02BC\u2032\u00B4`]/g;
const HYPHEN_RE = /[\u2010\u2011\u2212\uFE63\uFF0D]/g;
// Fullwidth, Arabic-Indic and Persian digits, and the Arabic decimal and thousands marks.
const NON_ASCII_DIGIT_RE = /[\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9\u066B\u066C\uFF0C\uFF0E]/g;

function asciiDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String(code - 0xff10);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  if (code === 0x066b || code === 0xff0e) return '.';
  return ',';
}

export function normalizeText(text: string): string {
  let s = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  s = s.replace(INVISIBLE_RE, '');
  s = s.replace(SPACE_RE, ' ');
  s = s.replace(APOSTROPHE_RE, "'");
  s = s.replace(HYPHEN_RE, '-');
  s = s.replace(NON_ASCII_DIGIT_RE, asciiDigit);
  return s.trim();
}

// Dates look like grouped numbers ("15.08.2017"); they are blanked before numbers are read.
const MONTHS =
  'jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|mar(?:ch|s)?|m[äa]rz|apr(?:il)?|avr(?:il)?|may|mai|' +
  'jun[ei]?|juin|jul[iy]?|juil(?:let)?|aug(?:ust)?|ao[ûu]t|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|okt(?:ober)?|' +
  'nov(?:ember|embre)?|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember)?';
const DATE_RES: readonly RegExp[] = [
  /\b(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}\b/g,
  /\b(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])\/(?:(?:19|20)\d{2}|\d{2})\b/g,
  /\b(?:19|20)\d{2}([./-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])\b/g,
  new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\.?\\s)?(?:${MONTHS})\\.?(?:\\s\\d{1,2}(?:st|nd|rd|th)?)?,?\\s(?:19|20)\\d{2}\\b`, 'gi'),
];
const HAS_DATE_SHAPE_RE = /\d[./-]\d|[a-z]\.?,?\s(?:19|20)\d\d/i;

export function blankDates(s: string): string {
  if (!HAS_DATE_SHAPE_RE.test(s)) return s;
  let out = s;
  for (const re of DATE_RES) out = out.replace(re, ' ');
  return out;
}
