/** Amazon storefronts. Matched as host suffixes, never as substrings. */
export const AMAZON_HOSTS = [
  'amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.nl', 'amazon.se',
  'amazon.pl', 'amazon.com.be', 'amazon.ie', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br', 'amazon.com.au',
  'amazon.co.jp', 'amazon.in', 'amazon.sg', 'amazon.ae', 'amazon.sa', 'amazon.com.tr', 'amazon.eg',
] as const;

/** Amazon order numbers: 3-7-7 digits; digital orders start with "D01". */
export const AMAZON_ORDER_ID = /\b((?:\d{3}|D\d{2})-\d{7}-\d{7})\b/;
