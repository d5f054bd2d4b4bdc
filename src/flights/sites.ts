/**
 * Airlines and travel agencies whose booking confirmations the content script reads from install.
 * Source: each is among the largest carriers or online travel agencies by passengers in Europe and
 * North America (IATA World Air Transport Statistics 2023 rankings); suffix rules on URL.hostname.
 */
export const TRAVEL_HOSTS: readonly string[] = [
  'aa.com',
  'aircanada.com',
  'airfrance.com',
  'britishairways.com',
  'delta.com',
  'easyjet.com',
  'emirates.com',
  'expedia.com',
  'iberia.com',
  'klm.com',
  'lufthansa.com',
  'ryanair.com',
  'united.com',
  'wizzair.com',
];

export const TRAVEL_MATCH_PATTERNS: readonly string[] = TRAVEL_HOSTS.map((h) => `*://*.${h}/*`);
