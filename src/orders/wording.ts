/** Words that mark an order confirmation, its number and its total, in English, German, French, Spanish and Italian. */

/** "Thank you", "order confirmed", "Vielen Dank", "Merci", … (on the page's title and headings). */
export const THANKS =
  /\b(?:thank you|thanks(?: for| so much|,)|your order (?:has been|is|was) (?:confirmed|received|placed)|order (?:confirmed|confirmation|received|complete|placed)|vielen dank|danke(?: für|,| schön)|bestellbestätigung|bestellung (?:ist )?(?:eingegangen|bestätigt|erhalten)|merci|commande (?:confirmée|validée|enregistrée|reçue)|confirmation de (?:votre |la )?commande|gracias|pedido (?:confirmado|realizado|recibido)|confirmación de(?:l)? pedido|grazie|ordine (?:confermato|ricevuto)|conferma (?:d'|dell')?ordine)/i;

/**
 * An order-number label followed by the number ("Order #1234", "Order number: 100023", "Bestellnummer:
 * 4711", "Numéro de commande : FR-1234", "Número de pedido: 123456", "Ordine n. 98765"). The number must
 * hold a digit, so "Order confirmed" or "Order total" never read as numbers.
 */
export const ORDER_NUMBER = new RegExp(
  '(?:' +
    [
      "\\border(?:\\s+(?:number|no\\.?|num\\.?|id|reference|ref\\.?|code))?",
      "\\bconfirmation(?:\\s+(?:number|no\\.?|code))?",
      'bestell(?:ungs)?-?\\s?n(?:umme)?r\\.?',
      '\\bbestellung(?:\\s+nr\\.?)?',
      'auftrags-?\\s?n(?:umme)?r\\.?',
      'num[ée]ro\\s+de\\s+(?:votre\\s+)?commande',
      'n[°º]\\s*de\\s+commande',
      'r[ée]f[ée]rence\\s+de\\s+(?:la\\s+|votre\\s+)?commande',
      '\\bcommande(?:\\s+n[°º]|\\s+num[ée]ro)?',
      'n[úu]mero\\s+de\\s+(?:pedido|orden)',
      'n[°º.]\\s*de\\s+pedido',
      '\\bpedido(?:\\s+n[°º.]?)?',
      "numero\\s+(?:d\\s?['’]\\s?)?ordine",
      'n\\.\\s*ordine',
      '\\bordine(?:\\s+n[.°º]?)?',
    ].join('|') +
    ')\\s*[:#]?\\s*(?:n[°º.]\\s*)?[:#]?\\s*([A-Z0-9][A-Z0-9-]{2,29})(?![A-Z0-9-])',
  'i',
);

/** Total labels, best first: a grand total beats a bare "Total". Anchored at line start, optional colon. */
export const TOTAL_LABELS: readonly RegExp[] = [
  /^(?:grand total|order total|total paid|amount paid|total charged|gesamtsumme|gesamtbetrag|rechnungsbetrag|total ttc|montant total|total de la commande|importe total|total del pedido|totale ordine|totale complessivo)(?![\p{L}])\s*(?:\([^)]{0,30}\))?\s*:?/iu,
  /^(?:total|summe|totale|montant|importe)(?![\p{L}])\s*(?:\([^)]{0,30}\))?\s*:?/iu,
];

export const DATE_LABEL = /^(?:order date|date ordered|ordered on|placed on|date|bestelldatum|bestellt am|datum|date de (?:la )?commande|commandé le|fecha(?: del pedido)?|data(?: dell'ordine| ordine)?)\s*:?/i;
