/**
 * Reading the digits of a price: finding digit runs with their separators, then deciding which
 * separator (if any) is the decimal one.
 */

/** A run of digits with its separators, as written. */
export interface RawNumber {
  /** First character, leading separators included (".75"). */
  start: number;
  /** One past the last character, trailing "–"/"-" markers and a spaced fraction included. */
  end: number;
  /** Separators written before the first digit ("$.75", "$..75"). */
  lead: string;
  /** Digit groups in order. */
  groups: string[];
  /** `seps[i]` sits between `groups[i]` and `groups[i + 1]`: ".", ",", "'" or " ". */
  seps: string[];
  /** Cents written after a separator and a space ("1.837, 32", "$119. 95"). */
  spacedFraction: string | null;
  /** Written with a "no cents" mark: "12,-", "1'234.–", "105. –". */
  wholeMark: boolean;
}

const WHOLE_MARK_RE = /(?:[.,] ?[-–—]{1,2}|:-)(?!\d)/y;
const SPACED_FRACTION_RE = /[.,] (\d\d)(?!\d)(?! ?[.,] ?\d)/y;

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;
const LEADING_ZEROS_RE = /^0+/;

function digitsEnd(s: string, i: number): number {
  let k = i;
  while (k < s.length && isDigitAt(s, k)) k++;
  return k;
}

/** Every number written in `s` (already normalised: single spaces, ASCII digits), left to right. */
export function scanNumbers(s: string): RawNumber[] {
  const out: RawNumber[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isDigitAt(s, i)) {
      i++;
      continue;
    }
    let start = i;
    while (start > i - 2 && start > 0 && (s[start - 1] === '.' || s[start - 1] === ',')) start--;
    // "No.5", "v1.2": a mark after a word is that word's, not a leading decimal point.
    if (start < i && start > 0 && LETTER_OR_DIGIT_RE.test(s[start - 1]!)) start = i;
    const lead = s.slice(start, i);

    let k = digitsEnd(s, i);
    const groups = [s.slice(i, k)];
    const seps: string[] = [];
    for (;;) {
      const c = s[k];
      if ((c === '.' || c === ',' || c === "'") && isDigitAt(s, k + 1)) {
        const e = digitsEnd(s, k + 1);
        seps.push(c);
        groups.push(s.slice(k + 1, e));
        k = e;
        continue;
      }
      // A space groups thousands only in the shape "1 234 567": short first group, exactly three digits after.
      if (
        c === ' ' &&
        groups[0]!.length <= 3 &&
        seps.every((x) => x === ' ') &&
        isDigitAt(s, k + 1) &&
        isDigitAt(s, k + 2) &&
        isDigitAt(s, k + 3) &&
        !isDigitAt(s, k + 4)
      ) {
        seps.push(' ');
        groups.push(s.slice(k + 1, k + 4));
        k += 4;
        continue;
      }
      break;
    }

    let end = k;
    let spacedFraction: string | null = null;
    let wholeMark = false;
    SPACED_FRACTION_RE.lastIndex = k;
    const spaced = SPACED_FRACTION_RE.exec(s);
    if (spaced) {
      spacedFraction = spaced[1]!;
      end = SPACED_FRACTION_RE.lastIndex;
    } else {
      WHOLE_MARK_RE.lastIndex = k;
      if (WHOLE_MARK_RE.test(s)) {
        wholeMark = true;
        end = WHOLE_MARK_RE.lastIndex;
      }
    }
    out.push({ start, end, lead, groups, seps, spacedFraction, wholeMark });
    i = end;
  }
  return out;
}

export interface ReadOptions {
  /** "." or ",": the page's decimal separator, when known. */
  decimalSeparator?: string | null;
  /** The currency has three decimals (KWD, OMR, ...), so "1.250" is 1.25. */
  threeDecimals?: boolean;
}

/** Digits beyond this are not a price (and lose precision as a double). */
const MAX_INTEGER_DIGITS = 15;

/** Thousands groups after the first: all three digits, or Indian lakh/crore grouping ("1,23,45,678"). */
function validThousands(groups: readonly string[], seps: readonly string[], upTo: number): boolean {
  if (upTo === 0) return true;
  if (groups[0]!.length > 3) return false;
  let allThree = true;
  for (let g = 1; g <= upTo; g++) if (groups[g]!.length !== 3) allThree = false;
  if (allThree) return true;
  if (groups[0]!.length > 2 || groups[upTo]!.length !== 3) return false;
  for (let g = 1; g < upTo; g++) if (groups[g]!.length !== 2 || seps[g - 1] !== ',') return false;
  return seps[upTo - 1] === ',';
}

/** Which separator is the decimal one: an index into `seps`, -1 for none, null when unreadable. */
function decimalIndex(raw: RawNumber, options: ReadOptions): number | null {
  const { groups, seps } = raw;
  const n = seps.length;
  if (n === 0 || raw.spacedFraction !== null) return -1;
  const last = seps[n - 1]!;
  const hint = options.decimalSeparator;
  if (hint === '.' || hint === ',') return last === hint ? n - 1 : -1;
  if (last !== '.' && last !== ',') return -1;
  let count = 0;
  let otherMark = false;
  for (const sep of seps) {
    if (sep === last) count++;
    else if (sep === '.' || sep === ',') otherMark = true;
  }
  // "1.234,56" / "1,234.56": the last, single mark is the decimal one.
  if (otherMark) return count === 1 ? n - 1 : null;
  // "1.234.567": a repeated mark groups thousands.
  if (count > 1) return -1;
  // "17 940,00", "1'049,95": a mark after space or apostrophe groups is decimal.
  if (n > 1) return n - 1;
  const whole = groups[0]!;
  const fraction = groups[1]!;
  // One mark and three digits after it ("1.500", "12,000") groups thousands, except where that cannot be.
  if (fraction.length !== 3 || whole === '0' || whole.length > 3 || options.threeDecimals) return 0;
  return -1;
}

/** A number's value and how many decimals it was written with ("12,50" -> 2). */
export interface NumberValue {
  value: number;
  decimals: number;
}

/** The value of a raw number, or null when its grouping is not a number's ("15.08.2017", "1.2.3"). */
export function readNumber(raw: RawNumber, options: ReadOptions = {}): NumberValue | null {
  const { groups, seps } = raw;
  let at = decimalIndex(raw, options);
  const thousandsUpTo = (i: number | null): number => (i === null ? -1 : i === -1 ? seps.length : i);
  if (at === null || !validThousands(groups, seps, thousandsUpTo(at))) {
    // A decimal hint that contradicts the text ("1,23" with "."): read it without the hint.
    if (!options.decimalSeparator) return null;
    at = decimalIndex(raw, { ...options, decimalSeparator: null });
    if (at === null || !validThousands(groups, seps, thousandsUpTo(at))) return null;
  }
  const upTo = thousandsUpTo(at);
  let whole = groups.slice(0, upTo + 1).join('');
  let fraction = at >= 0 ? groups[at + 1]! : (raw.spacedFraction ?? '');
  if (seps.length === 0 && raw.lead && !raw.spacedFraction && !raw.wholeMark) {
    fraction = whole;
    whole = '0';
  }
  const significant = whole.replace(LEADING_ZEROS_RE, '');
  if (significant.length > MAX_INTEGER_DIGITS) return null;
  const value = Number(fraction ? `${whole}.${fraction}` : whole);
  return Number.isFinite(value) ? { value, decimals: fraction.length } : null;
}
