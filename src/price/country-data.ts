/**
 * Country tables for the price parser.
 *
 * Sources: ISO 4217 (currency of each ISO 3166-1 country, as listed by the ISO 4217 maintenance
 * agency / SIX "list one"), Unicode CLDR supplemental currencyData for territories sharing a
 * currency, IANA root zone database for country-code TLDs. Countries that switched to the euro
 * (HR 2023) are listed with the euro.
 */

/** ISO 4217 code -> the ISO 3166 alpha-2 countries whose default (legal, everyday) currency it is. */
const COUNTRIES_BY_CURRENCY: Record<string, string> = {
  EUR: 'AD AT AX BE BL CY DE EE ES FI FR GF GP GR HR IE IT LT LU LV MC ME MF MQ MT NL PM PT RE SI SK SM TF VA XK YT',
  USD: 'AS BQ EC FM GU IO MH MP PR PW SV TC TL UM US VG VI ZW',
  AUD: 'AU CC CX HM KI NF NR TV',
  NZD: 'CK NU NZ PN TK',
  DKK: 'DK FO GL',
  NOK: 'BV NO SJ',
  CHF: 'CH LI',
  GBP: 'GB GG GS IM JE',
  INR: 'IN',
  ZAR: 'ZA',
  MAD: 'EH MA',
  ILS: 'IL PS',
  ANG: 'CW SX',
  XOF: 'BF BJ CI GW ML NE SN TG',
  XAF: 'CF CG CM GA GQ TD',
  XCD: 'AG AI DM GD KN LC MS VC',
  XPF: 'NC PF WF',
  AED: 'AE', AFN: 'AF', ALL: 'AL', AMD: 'AM', AOA: 'AO', ARS: 'AR', AWG: 'AW', AZN: 'AZ', BAM: 'BA',
  BBD: 'BB', BDT: 'BD', BGN: 'BG', BHD: 'BH', BIF: 'BI', BMD: 'BM', BND: 'BN', BOB: 'BO', BRL: 'BR',
  BSD: 'BS', BTN: 'BT', BWP: 'BW', BYN: 'BY', BZD: 'BZ', CAD: 'CA', CDF: 'CD', CLP: 'CL', CNY: 'CN',
  COP: 'CO', CRC: 'CR', CUP: 'CU', CVE: 'CV', CZK: 'CZ', DJF: 'DJ', DOP: 'DO', DZD: 'DZ', EGP: 'EG',
  ERN: 'ER', ETB: 'ET', FJD: 'FJ', FKP: 'FK', GEL: 'GE', GHS: 'GH', GIP: 'GI', GMD: 'GM', GNF: 'GN',
  GTQ: 'GT', GYD: 'GY', HKD: 'HK', HNL: 'HN', HTG: 'HT', HUF: 'HU', IDR: 'ID', IQD: 'IQ', IRR: 'IR',
  ISK: 'IS', JMD: 'JM', JOD: 'JO', JPY: 'JP', KES: 'KE', KGS: 'KG', KHR: 'KH', KMF: 'KM', KPW: 'KP',
  KRW: 'KR', KWD: 'KW', KYD: 'KY', KZT: 'KZ', LAK: 'LA', LBP: 'LB', LKR: 'LK', LRD: 'LR', LSL: 'LS',
  LYD: 'LY', MDL: 'MD', MGA: 'MG', MKD: 'MK', MMK: 'MM', MNT: 'MN', MOP: 'MO', MRU: 'MR', MUR: 'MU',
  MVR: 'MV', MWK: 'MW', MXN: 'MX', MYR: 'MY', MZN: 'MZ', NAD: 'NA', NGN: 'NG', NIO: 'NI', NPR: 'NP',
  OMR: 'OM', PAB: 'PA', PEN: 'PE', PGK: 'PG', PHP: 'PH', PKR: 'PK', PLN: 'PL', PYG: 'PY', QAR: 'QA',
  RON: 'RO', RSD: 'RS', RUB: 'RU', RWF: 'RW', SAR: 'SA', SBD: 'SB', SCR: 'SC', SDG: 'SD', SEK: 'SE',
  SGD: 'SG', SHP: 'SH', SLE: 'SL', SOS: 'SO', SRD: 'SR', SSP: 'SS', STN: 'ST', SYP: 'SY', SZL: 'SZ',
  THB: 'TH', TJS: 'TJ', TMT: 'TM', TND: 'TN', TOP: 'TO', TRY: 'TR', TTD: 'TT', TWD: 'TW', TZS: 'TZ',
  UAH: 'UA', UGX: 'UG', UYU: 'UY', UZS: 'UZ', VES: 'VE', VND: 'VN', VUV: 'VU', WST: 'WS', YER: 'YE',
  ZMW: 'ZM',
};

/** ISO 3166 alpha-2 -> ISO 4217, built once from the table above. */
export const COUNTRY_CURRENCY: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [currency, countries] of Object.entries(COUNTRIES_BY_CURRENCY)) {
    for (const country of countries.split(' ')) map.set(country, currency);
  }
  return map;
})();

/** Country-code TLDs whose code differs from the ISO 3166 alpha-2 code (IANA root zone). */
export const TLD_COUNTRY_EXCEPTIONS: Readonly<Record<string, string>> = { uk: 'GB' };

/**
 * Country-code TLDs sold as generic names (".io", ".co", ".tv", ...): a shop there says nothing about
 * its country unless it sits under a second-level domain such as ".com.co".
 */
export const VANITY_TLDS: ReadonlySet<string> = new Set([
  'ac', 'ai', 'am', 'as', 'cc', 'co', 'fm', 'gg', 'im', 'io', 'la', 'ly', 'me', 'nu', 'sh', 'so', 'st', 'tk', 'to', 'tv', 'vc', 'ws',
]);

/** Second-level labels used under country-code TLDs (".com.au", ".co.uk", ".ne.jp", ...). */
export const SECOND_LEVEL_LABELS: ReadonlySet<string> = new Set([
  'ac', 'co', 'com', 'edu', 'gob', 'gov', 'gv', 'in', 'ltd', 'ne', 'net', 'or', 'org', 'plc', 'shop',
]);
