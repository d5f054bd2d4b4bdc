/**
 * Recognising price-like text without parsing it: the amount itself is read by parsePrice.
 * A price here is a number with a currency marker next to it ("£12.50", "12,50 €", "EUR 11.19",
 * "249 ₽", "99 ر.س"); bare numbers are too ambiguous (quantities, ratings, SKUs).
 */

const SYMBOLS = '[$€£¥₹₽₩₺₪₫₴₦₱฿₡₲₵₸]|R\\$|zł|Kč|Ft|lei|Lei|kr\\.?|Kr\\.?|CHF|Fr\\.|руб\\.?|грн|тг\\.?|Rs\\.?|ر\\.س|د\\.إ|ج\\.م|KM|kn|Kn|元|円|￥';
const CODES = 'USD|EUR|GBP|CAD|AUD|NZD|CHF|SEK|NOK|DKK|PLN|CZK|HUF|RON|BGN|HRK|RUB|UAH|TRY|JPY|CNY|INR|BRL|MXN|ARS|CLP|COP|PEN|ZAR|SGD|HKD|AED|SAR|EGP|ILS|KRW|TWD|THB|MYR|IDR|PHP|KZT';
const NUMBER = '\\d{1,3}(?:[.,\\s\\u00a0\\u202f\']\\d{3})*(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';

/** Currency marker then amount, or amount then marker. */
export const PRICE_TOKEN_RE = new RegExp(
  `(?:(?:${SYMBOLS}|\\b(?:${CODES}))\\s?(?:${NUMBER})|(?:${NUMBER})\\s?(?:${SYMBOLS}|(?:${CODES})\\b|,-|\\.-))`,
  'u',
);
export const PRICE_TOKEN_GLOBAL_RE = new RegExp(PRICE_TOKEN_RE.source, 'gu');

export function hasPriceToken(text: string): boolean {
  return PRICE_TOKEN_RE.test(text);
}

/** Unit prices: "€12.34/kg", "£6.24 / Pack", "per 100 g", "(1 kg = 3,99 €)", "£12.50 per metre". */
export const UNIT_PRICE_RE = /(?:\/\s*(?:\d+\s*)?(?:kg|g|mg|l|ml|cl|m|m²|m2|cm|ct|oz|lb|fl\.?\s?oz|count|pack|piece|stück|stk|st|unit|unité|item|each|pc|pcs|ea|100\s?g|100\s?ml)\b|\bper\s+(?:\d+\s*)?(?:kg|g|l|ml|oz|lb|count|item|unit|piece|sheet|load|roll|metre|meter|foot|ft|m|100)\b|\bpro\s+(?:\d+\s*)?(?:kg|g|l|ml|stück|m)\b|\b(?:1|100)\s?(?:kg|g|l|ml)\s?=|\(\s?1\s?[^\s\d=()]{1,4}\s?=|\bGrundpreis\b|\bprix au (?:kg|litre)\b)/i;

/** Instalments: "3x 86,33€", "4 payments of", "or 4 interest-free payments", "ab 12 € mtl.", "/mo". */
export const INSTALMENT_RE = /(?:\b\d{1,2}\s?[x×]\s?(?:de\s)?[$€£]?\s?\d|\b\d{1,2}\s+(?:interest-free\s+)?(?:payments|instal?lments|mensualités|rates|raten|cuotas|parcelas|vezes)\b|\bper month\b|\/\s?mo(?:nth)?\b|\bmtl\.|\bmonatlich\b|\bpar mois\b|\bal mes\b|\bal mese\b|\bklarna\b|\bafterpay\b|\bfinanc(?:e|ing)\b|每期|分期)/i;

/** Shipping and delivery fees: "+ £12.00 delivery", "Versand", "postage". */
export const SHIPPING_RE = /\b(?:delivery|shipping|postage|versand|livraison|envío|envio|spedizione|verzending|frakt|toimitus|dostawa|porto)\b/i;

/** Savings and reference prices shown as text: "Save £12.00", "Was £39.99", "RRP", "UVP", "List Price". */
export const REFERENCE_RE = /(?:\b(?:save|saving|you save|was|rrp|uvp|list price|typical price|prix conseillé|statt|vorher|ersparnis|sparen|risparmi|ahorra|économisez|prix de référence|precio anterior|ennen|alkuperäinen)\b|建議售價|市價|原價|定價|滿額|加購|\b\d{1,3}\s?%\s?(?:off|rabatt|de (?:réduction|descuento)|alennusta)|-\s?\d{1,3}\s?%)/i;

/** Prices before tax, shown beside the price a shopper pays: "excl. VAT", "ohne MwSt.", "Brez DDV", "bez DPH", "HT". */
export const NET_PRICE_RE = /(?:\b(?:excl?\.?|excluding|ex\.?|ohne|zzgl\.?|exkl\.?|hors|brez|bez|bez\s+dph|sin|senza|zonder|excl\.?\s+btw)\s+(?:vat|tax|mwst\.?|ust\.?|taxes?|tva|ddv|dph|pdv|iva|btw|moms)\b|\bnetto\b|\b(?:prix\s+)?HT\b)/iu;
