import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/orders/dates';
import { currencyOf, readMoney } from '../../../src/orders/money';

describe('parseDate', () => {
  it.each([
    ['Ordered on November 1, 2024', null, '2024-11-01'],
    ['19. Februar 2022', 'DE', '2022-02-19'],
    ['Bestellt am 3. März 2021', 'DE', '2021-03-03'],
    ['Commandé le 24 août 2023', 'FR', '2023-08-24'],
    ['1er janvier 2024', 'FR', '2024-01-01'],
    ['12 de octubre de 2022', 'ES', '2022-10-12'],
    ['5 ottobre 2020', 'IT', '2020-10-05'],
    ['Placed on October 24, 2021', null, '2021-10-24'],
    ['2027-11-07T23:30:00-08:00', null, '2027-11-07'],
    ['03/04/2025', 'US', '2025-03-04'],
    ['03/04/2025', 'GB', '2025-04-03'],
    ['04.03.2025', 'DE', '2025-03-04'],
    ['13/04/2025', 'US', '2025-04-13'],
  ])('%s (%s) → %s', (text, country, want) => {
    expect(parseDate(text, country)).toBe(want);
  });

  it.each(['Thu, 13 May', 'February 30, 2024', 'Order 112-5939971-8962610', '', '99/99/2024'])('%s → null', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe('money', () => {
  it('names the currency from codes, signs and the shop country', () => {
    expect(currencyOf('EUR 15,99')).toBe('EUR');
    expect(currencyOf('£32.00 GBP')).toBe('GBP');
    expect(currencyOf('$10', { country: 'CA' })).toBe('CAD');
    expect(currencyOf('$10')).toBe('USD');
    expect(currencyOf('10,00', { currency: 'EUR' })).toBe('EUR');
  });

  it('reads amounts and refuses negatives and absurd values', () => {
    expect(readMoney('EUR 15,99')).toEqual({ amount: 15.99, currency: 'EUR' });
    expect(readMoney('$1,065.50', { country: 'US' })).toEqual({ amount: 1065.5, currency: 'USD' });
    expect(readMoney('-$1.40')).toBeNull();
    expect(readMoney('$99,999,999,999.00')).toBeNull();
    expect(readMoney('Free')).toBeNull();
    expect(readMoney(null)).toBeNull();
  });
});
