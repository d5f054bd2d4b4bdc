/**
 * Currency names, codes and symbols as they appear on shop pages.
 *
 * Sources: ISO 4217 list one (active codes) and list three (historic codes still seen on pages);
 * Unicode CLDR 45 `symbol`, `narrow symbol` and display names (en, de, fr, es, pt, ru, uk, pl, cs,
 * ro, bg, ar, fa, he, zh, ja, ko, vi, ...); Wikipedia "Currency sign" and "List of circulating
 * currencies" for local abbreviations (Kč, zł, Ft, lei, руб., грн., تومان, ...).
 */

/** Active ISO 4217 codes (list one, 2024). */
export const ISO_CODES: readonly string[] = (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP ' +
  'GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD ' +
  'KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK ' +
  'NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS ' +
  'SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF ' +
  'XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL'
).split(' ');

/** Historic ISO 4217 codes (list three) that old listings and price archives still print. */
export const HISTORIC_CODES: Readonly<Record<string, string>> = {
  ATS: 'ATS', BEF: 'BEF', BYR: 'BYN', CYP: 'CYP', DEM: 'DEM', EEK: 'EEK', FIM: 'FIM', FRF: 'FRF',
  GRD: 'GRD', HRK: 'HRK', IEP: 'IEP', ITL: 'ITL', LTL: 'LTL', LVL: 'LVL', MTL: 'MTL', NLG: 'NLG',
  PTE: 'PTE', RUR: 'RUB', SIT: 'SIT', SKK: 'SKK', TRL: 'TRY', VEF: 'VES', YTL: 'TRY',
};

/**
 * Codes that are also everyday (upper-case) words or abbreviations ("ALL", "TOP", "CUP", "PEN",
 * "TRY", "AMD"...): they name a currency only right next to a number.
 */
export const WORDLIKE_CODES: ReadonlySet<string> = new Set(
  'ALL AMD BAM BOB CUP DOP ERN GEL MAD MOP NAD PEN SOS TOP TRY CAD BIF KES MRU SAR SLE SLL CVE'.split(' '),
);

/** Codes that on shop pages mean something else far more often: "KGS" is kilograms. */
export const NOT_CURRENCY_CODES: ReadonlySet<string> = new Set(['KGS']);

/** Codes shops also print in lower case ("12,99 eur"). */
export const LOWERCASE_CODES: readonly string[] = 'eur usd gbp chf sek nok dkk pln czk huf ron rub uah'.split(' ');

/** Currencies whose minor unit has three digits (ISO 4217 exponent 3): "1.250" is 1.25, not 1250. */
export const THREE_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Every currency that writes itself with a bare `$` (CLDR narrow symbol). The first is the default. */
const DOLLARS =
  'USD CAD AUD NZD MXN SGD HKD TWD ARS CLP COP UYU CUP DOP JMD TTD BSD BBD BZD BMD KYD XCD FJD SBD NAD LRD GYD SRD BND ZWL WST';
const KRONER = 'SEK NOK DKK ISK';
const RUPEES = 'INR PKR LKR NPR MUR SCR';
const FRANCS = 'CHF XOF XAF XPF CDF RWF BIF DJF GNF KMF MGA';
const DINARS = 'KWD JOD BHD IQD LYD TND DZD RSD MKD';
const RIALS = 'SAR QAR OMR YER IRR';
const POUNDS = 'GBP EGP GIP FKP SHP LBP SYP SSP SDG';
const PESOS = 'MXN ARS CLP COP UYU PHP DOP CUP';

/**
 * Flags: `c` the spelling is case-sensitive ("Ft" is forint, "ft" is feet); `a` counts only right
 * next to a number (a word of everyday text otherwise); `p` counts only glued before digits ("R8,499").
 */
export type TokenFlags = '' | 'c' | 'a' | 'p' | 'ca' | 'cp';

/** [spellings, ISO codes it can mean (default first), flags]. */
export const CURRENCY_TOKENS: ReadonlyArray<readonly [spellings: string[], codes: string, flags?: TokenFlags]> = [
  // Dollars and pesos
  [['$', '＄', 'dollar', 'dollars', 'dólar', 'dólares', 'dollaro', 'доллар', 'долларов', 'долл.'], DOLLARS],
  [['US$', 'US $', 'U.S.$', 'U$S', 'USD$', 'U.S.', 'U.S. dollars', 'US dollars'], 'USD'],
  [['C$', 'CA$', 'CAD$', 'Can$', 'CDN$'], 'CAD NIO'],
  [['A$', 'AU$', 'AU $', 'AUD$'], 'AUD'],
  [['NZ$', 'NZD$'], 'NZD'],
  [['HK$', 'HKD$'], 'HKD'],
  [['S$', 'SG$', 'SGD$'], 'SGD'],
  [['NT$', 'NTD'], 'TWD'],
  [['NT'], 'TWD', 'ca'],
  [['MX$', 'Mex$', 'MXN$'], 'MXN'],
  [['R$', 'BRL$', 'real', 'reais'], 'BRL'],
  [['RD$'], 'DOP'],
  [['BZ$'], 'BZD'],
  [['CUC$'], 'CUC'],
  [['GY$', 'G$'], 'GYD'],
  [['Z$'], 'ZWL'],
  [['J$'], 'JMD'],
  [['TT$'], 'TTD'],
  [['EC$'], 'XCD'],
  [['FJ$'], 'FJD'],
  [['SI$'], 'SBD'],
  [['N$'], 'NAD'],
  [['B$'], 'BND BSD'],
  [['Bds$'], 'BBD'],
  [['BD$'], 'BMD'],
  [['CI$'], 'KYD'],
  [['L$'], 'LRD'],
  [['COL$', 'Col$'], 'COP'],
  [['CLP$'], 'CLP'],
  [['ARS$', 'AR$'], 'ARS'],
  [['UY$', '$U'], 'UYU'],
  [['$b'], 'BOB', 'c'],
  [['MOP$'], 'MOP'],
  [['WS$'], 'WST'],
  [['T$'], 'TOP'],
  [['peso', 'pesos'], PESOS],
  // Europe
  [['€', 'euro', 'euros', 'евро', 'ευρώ', 'eura'], 'EUR'],
  [['£', '£stg', 'pound', 'pounds', 'stg', 'UKP', 'sterling'], POUNDS],
  [['₤'], 'GBP ITL TRY MTL'],
  [['GBP£'], 'GBP'],
  [['₽', 'руб', 'руб.', 'рубль', 'рубля', 'рублей', 'рублях', 'р.', 'RUR', 'ruble', 'rubles', 'rouble', 'roubles'], 'RUB BYN'],
  [['Р', 'р'], 'RUB BYN', 'ca'],
  [['Br', 'BYN', 'бел. руб.'], 'BYN ETB', 'c'],
  [['₴', 'грн', 'грн.', 'гривня', 'гривень', 'hrn', 'hrn.', 'hryvnia'], 'UAH'],
  [['zł', 'zl', 'złotych', 'zloty', 'zlotys'], 'PLN'],
  [['Kč', 'Kc', 'korun', 'koruna'], 'CZK'],
  [['Ft', 'forint'], 'HUF', 'c'],
  [['lei', 'leu'], 'RON MDL'],
  [['лв', 'лв.', 'leva', 'lev'], 'BGN'],
  [['kn', 'kuna'], 'HRK'],
  [['din.', 'dinara', 'dinar', 'dinars', 'дин', 'дин.', 'динара'], 'RSD ' + DINARS],
  [['din'], 'RSD ' + DINARS, 'a'],
  [['ден', 'ден.'], 'MKD'],
  [['KM', 'км'], 'BAM', 'c'],
  [['Lek', 'Lekë', 'leke'], 'ALL'],
  [['kr', 'kr.', 'krona', 'kronor', 'krone', 'kroner', 'króna', 'krónur'], KRONER],
  [[':-'], 'SEK', 'c'],
  [['CHF', 'SFr', 'SFr.', 'CHf'], 'CHF'],
  [['Fr.', 'Fr', 'fr.', '₣', 'franc', 'francs', 'franken'], FRANCS, 'c'],
  [['₺', 'TL', 'lira', 'liras'], 'TRY', 'c'],
  [['₪', 'ש"ח', 'ש״ח', 'שח', 'NIS', 'nis', 'ש.ח', 'ش.ج', 'shekel', 'shekels', 'sheqel'], 'ILS'],
  [['₾', 'ლ', 'lari'], 'GEL'],
  [['₼', 'man.', 'manat'], 'AZN TMT'],
  [['֏', 'դր.', 'dram'], 'AMD'],
  [['₸', 'тг', 'тг.', 'тенге', 'tenge'], 'KZT'],
  [['сом'], 'KGS UZS'],
  [['ЅM', 'сомонӣ'], 'TJS', 'c'],
  [["so'm", 'soʻm', 'сўм', 'сум'], 'UZS'],
  // Asia
  [['¥', '￥'], 'JPY CNY'],
  [['JP¥', '円', 'yen', '日元'], 'JPY'],
  [['CN¥', 'RMB', 'RMB¥', '人民币', '元', '圆', '块', 'yuan', 'renminbi'], 'CNY TWD HKD MOP'],
  [['₩', '원'], 'KRW KPW'],
  [['₹', 'Rs', 'Rs.', '₨', 'रु', 'रू', 'रु.', 'rupee', 'rupees'], RUPEES],
  [['Re', 'Re.'], RUPEES, 'ca'],
  [['රු', 'රු.'], 'LKR'],
  [['Rp', 'Rp.', 'rupiah'], 'IDR'],
  [['RM', 'ringgit'], 'MYR', 'c'],
  [['฿', 'บาท', 'baht'], 'THB'],
  [['₫', 'đ', 'Đ', 'VNĐ', 'VNđ', 'đồng', 'dong'], 'VND'],
  [['₱'], 'PHP CUP'],
  [['₭', 'kip'], 'LAK'],
  [['៛', 'riel'], 'KHR'],
  [['Ks', 'kyat'], 'MMK', 'c'],
  [['৳', 'Tk', 'taka'], 'BDT'],
  [['₮', 'tugrik'], 'MNT'],
  [['؋', 'afghani'], 'AFN'],
  [['Af'], 'AFN', 'ca'],
  [['Nu.'], 'BTN'],
  // Middle East and North Africa
  [['﷼', 'ريال', 'ر.س', 'ر.س.', 'riyal', 'riyals', 'rial', 'rials'], RIALS],
  [['SR'], 'SAR', 'ca'],
  [['ریال', 'تومان', 'toman', 'tomans'], 'IRR'],
  [['د.إ', 'د.إ.', 'درهم', 'dirham', 'dirhams', 'Dhs', 'Dhs.', 'dhs', 'Dh', 'DH'], 'AED MAD', 'c'],
  [['د.م.', 'د.م'], 'MAD'],
  [['ر.ق', 'ر.ق.', 'QR'], 'QAR'],
  [['ر.ع', 'ر.ع.'], 'OMR'],
  [['د.ك', 'د.ك.', 'KD', 'دينار كويتي'], 'KWD'],
  [['د.ب', 'د.ب.', '.د.ب', 'BD'], 'BHD'],
  [['د.ع', 'ع.د', 'IQD'], 'IQD'],
  [['د.أ', 'د.ا', 'JD'], 'JOD'],
  [['د.ت', 'DT'], 'TND'],
  [['ل.د', 'د.ل', 'LD'], 'LYD LRD'],
  [['دج', 'د.ج', 'DA'], 'DZD', 'ca'],
  [['ج.س', 'ج.س.'], 'SDG'],
  [['ل.ل', 'ل.ل.', 'L.L.'], 'LBP', 'c'],
  [['ر.ي', 'ر.ي.'], 'YER'],
  [['دينار'], DINARS],
  [['E£', 'ج.م', 'ج.م.', 'جنيه', 'L.E.'], 'EGP', 'c'],
  // Sub-Saharan Africa
  [['R'], 'ZAR', 'cp'],
  [['rand'], 'ZAR'],
  [['KSh', 'Ksh', 'Ksh.', 'KShs'], 'KES'],
  [['USh', 'USh.'], 'UGX'],
  [['TSh', 'TSh.'], 'TZS'],
  [['₦', 'naira'], 'NGN'],
  [['₵', 'GH₵', 'GH¢', 'cedi', 'cedis'], 'GHS'],
  [['FCFA', 'CFA', 'F CFA', 'francs CFA'], 'XOF XAF'],
  [['CF'], 'KMF', 'ca'],
  [['Fdj'], 'DJF'],
  [['FG', 'GFr'], 'GNF', 'ca'],
  [['FRw', 'RF', 'R₣', 'RWF'], 'RWF', 'c'],
  [['Nfk', 'ናቕፋ', 'نافكا', 'nakfa'], 'ERN'],
  [['ብር', 'birr'], 'ETB'],
  [['MK'], 'MWK', 'ca'],
  [['ZK'], 'ZMW', 'ca'],
  [['MT', 'MTn', 'metical'], 'MZN', 'ca'],
  [['Db'], 'STN', 'c'],
  [['Kz', 'kwanza'], 'AOA', 'c'],
  [['Ar', 'ariary'], 'MGA', 'ca'],
  [['Sh.So.'], 'SOS'],
  [['Q'], 'GTQ', 'cp'],
  [['quetzal', 'quetzales'], 'GTQ'],
  // Americas and Pacific
  [['Bs', 'Bs.', 'Bs.S', 'Bs.F', 'Bs.S.', 'boliviano', 'bolivianos', 'bolívar', 'bolívares'], 'BOB VES'],
  [['B/.', 'balboa'], 'PAB'],
  [['S/.', 'S/', 'soles'], 'PEN'],
  [['₡', 'colón', 'colones'], 'CRC'],
  [['₲', 'Gs', 'Gs.', 'guaraní', 'guaraníes'], 'PYG'],
  [['ƒ', 'Afl', 'Afl.', 'NAf', 'NAf.', 'florin', 'guilder'], 'ANG AWG'],
  [['VT', 'Vt', 'vatu'], 'VUV'],
  [['Rf', 'Rf.', 'MVR', 'rufiyaa'], 'MVR'],
  [['L'], 'HNL ALL LSL MDL', 'cp'],
  [['lempira', 'lempiras'], 'HNL'],
];
