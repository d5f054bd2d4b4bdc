import { fold } from './text';

/** Masses and volumes in kg; a litre of drink is taken as 1 kg. */
const UNIT_KG: Record<string, number> = {
  kg: 1, kilo: 1, kilos: 1, g: 0.001, gr: 0.001, gramm: 0.001, grams: 0.001, mg: 1e-6,
  l: 1, lt: 1, ltr: 1, litre: 1, liter: 1, litres: 1, liters: 1, ml: 0.001, cl: 0.01, dl: 0.1,
  lb: 0.45359237, lbs: 0.45359237, oz: 0.028349523, 'fl oz': 0.029573530,
};
const UNIT = '(fl\\.? ?oz|kg|kilos?|gramm|grams|gr|g|mg|litres?|liters?|ltr|lt|l|ml|cl|dl|lbs?|oz)';
const NUM = '(\\d+(?:[.,]\\d+)?)';
const MULTI = new RegExp(`(\\d+)\\s*[x×*]\\s*${NUM}\\s*${UNIT}(?![a-z])`, 'i');
const SINGLE = new RegExp(`${NUM}\\s*${UNIT}(?![a-z])`, 'i');

function num(s: string): number {
  return Number(s.replace(',', '.'));
}
function unitKg(u: string): number {
  const k = u.toLowerCase().replace('.', '').replace(/\s+/g, ' ');
  return UNIT_KG[k] ?? UNIT_KG[k.replace(' ', '')] ?? (k.startsWith('fl') ? UNIT_KG['fl oz']! : NaN);
}

export interface PackMass {
  /** kg for everything the title describes ("6 x 330 ml" = 1.98). */
  kg: number;
  /** The matched text. */
  text: string;
  /** Units in the "N x" form, already included in `kg`. */
  units: number;
}

/** Pack mass from titles such as "500 g", "6 x 330 ml", "2 lb", "1,5 kg", "12 oz". */
export function parseMass(title: string | null | undefined): PackMass | null {
  if (!title) return null;
  const m = MULTI.exec(title);
  if (m) {
    const n = Number(m[1]);
    const kg = n * num(m[2]!) * unitKg(m[3]!);
    if (kg > 0 && Number.isFinite(kg)) return { kg, text: m[0], units: n };
  }
  const s = SINGLE.exec(title);
  if (s) {
    const kg = num(s[1]!) * unitKg(s[2]!);
    if (kg > 0 && Number.isFinite(kg)) return { kg, text: s[0], units: 1 };
  }
  return null;
}

const PACK = [
  /\bpack of (\d{1,3})\b/, /\b(\d{1,3}) ?(?:er)? ?pack\b/, /\blot de (\d{1,3})\b/, /\bpaquete de (\d{1,3})\b/,
  /\bconfezione da (\d{1,3})\b/, /\bset of (\d{1,3})\b/, /\b(\d{1,3}) ?(?:pcs|pieces|stuck|stk|pezzi|unidades)\b/, /\bx ?(\d{1,2}) ?$/,
];

/** Multi-pack count from "pack of 3", "3er Pack", "lot de 2", "3-pack"; 1 when none. */
export function parsePackCount(title: string | null | undefined): number {
  if (!title) return 1;
  const t = fold(title).trim();
  for (const re of PACK) {
    const m = re.exec(t);
    if (m) {
      const n = Number(m[1]);
      if (n >= 1 && n <= 100) return n;
    }
  }
  return 1;
}

/** Screen diagonal in inches: 27", 27-inch, 27 Zoll, 27 pouces, 68,6 cm (27"). */
export function parseInches(title: string | null | undefined): number | null {
  if (!title) return null;
  const m = /(\d{1,2}(?:[.,]\d)?)\s*(?:"|''|”|″|-?\s?inch(?:es)?\b|-?\s?in\b|\s?zoll\b|\s?pouces?\b|\s?pulgadas\b|\s?pollici\b)/i.exec(title);
  if (m) {
    const v = num(m[1]!);
    if (v >= 5 && v <= 100) return v;
  }
  const cm = /(\d{2,3}(?:[.,]\d)?)\s?cm\b/i.exec(title);
  if (cm) {
    const v = num(cm[1]!) / 2.54;
    if (v >= 10 && v <= 100) return Math.round(v * 10) / 10;
  }
  return null;
}

export type Condition = 'new' | 'used' | 'refurbished';

const REFURB = / (refurbished|renewed|generaluberholt|generalueberholt|reconditionne|reacondicionado|ricondizionato|refurb|wie neu) /;
const USED = / (used|second hand|pre owned|preowned|preloved|gebraucht|d occasion|occasion|usato|segunda mano|vintage) /;

/** Second-hand or refurbished, from the page's condition or words in the title. */
export function parseCondition(title: string | null | undefined, given?: Condition | null): Condition {
  if (given) return given;
  if (!title) return 'new';
  const t = fold(title);
  if (REFURB.test(t)) return 'refurbished';
  if (USED.test(t)) return 'used';
  return 'new';
}

const FIBRES: Array<[string, RegExp]> = [
  ['organic cotton', / (organic cotton|bio baumwolle|coton bio|algodon organico|cotone biologico) /],
  ['recycled polyester', / (recycled polyester|recyceltes polyester|polyester recycle) /],
  ['cotton', / (cotton|baumwolle|coton|algodon|cotone|denim) /],
  ['polyester', / (polyester|poliester|poliestere) /],
  ['wool', / (wool|merino|wolle|laine|lana|cashmere|kaschmir) /],
  ['linen', / (linen|leinen|lin|lino) /],
  ['viscose', / (viscose|viskose|rayon|lyocell|tencel|modal) /],
  ['nylon', / (nylon|polyamide|polyamid) /],
];

/** The main fibre if the title states one (recorded; the DESNZ factor does not vary by fibre). */
export function parseFibre(title: string | null | undefined): string | null {
  if (!title) return null;
  const t = fold(title);
  for (const [name, re] of FIBRES) if (re.test(t)) return name;
  return null;
}
