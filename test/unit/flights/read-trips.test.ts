import { describe, expect, it } from 'vitest';
import { readTrips } from '../../../src/flights/read-trips';
import { flightEstimate } from '../../../src/engine/flight';
import { TRAVEL_HOSTS } from '../../../src/flights/sites';

function page(title: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title;
  const main = doc.createElement('main');
  for (const line of body.split('\n')) {
    const p = doc.createElement('p');
    p.textContent = line;
    main.append(p);
  }
  doc.body.append(main);
  return doc;
}

describe('flight booking confirmations', () => {
  it.each([
    [
      'Booking confirmation | British Airways',
      'Your booking is confirmed\nBooking reference: ABC123\nLondon Heathrow (LHR) to New York JFK (JFK)\n2026-12-20\nWorld Traveller (economy)\n2 adults',
      [{ from: 'LHR', to: 'JFK', cabin: 'economy', passengers: 2, date: '2026-12-20', bookingRef: 'ABC123' }],
    ],
    [
      'Ihre Buchungsbestätigung – Lufthansa',
      'Buchungsbestätigung\nBuchungsnummer: XY7Q2L\nFRA → SFO Business Class\nSFO → FRA Business Class\n1 Erwachsene',
      [
        { from: 'FRA', to: 'SFO', cabin: 'business', passengers: 1, date: null, bookingRef: 'XY7Q2L' },
        { from: 'SFO', to: 'FRA', cabin: 'business', passengers: 1, date: null, bookingRef: 'XY7Q2L' },
      ],
    ],
    [
      'Confirmation de réservation',
      'Réservation confirmée\nParis (CDG) à Nice (NCE)\nÉconomie',
      [{ from: 'CDG', to: 'NCE', cabin: 'economy', passengers: 1, date: null, bookingRef: null }],
    ],
  ])('%s', (title, body, expected) => {
    expect(readTrips(page(title, body))).toEqual(expected);
  });

  it.each([
    ['Cheap flights LHR to JFK | search', 'LHR → JFK from £299\nLHR → JFK from £310'],
    ['Flight status', 'BA117 LHR → JFK departed'],
    ['Booking confirmation', 'Thank you. Total EUR → USD conversion applied.'],
  ])('reads nothing on %s', (title, body) => {
    expect(readTrips(page(title, body))).toEqual([]);
  });

  it('estimates a leg by great-circle distance and cabin, with its range', () => {
    const e = flightEstimate('LHR', 'JFK', 'economy');
    expect(e.method).toBe('flight');
    expect(e.inputs.km).toBeGreaterThan(5500);
    expect(e.inputs.km).toBeLessThan(5600);
    expect(e.low! < e.kg! && e.kg! < e.high!).toBe(true);
    expect(flightEstimate('LHR', 'JFK', 'business').kg!).toBeGreaterThan(e.kg! * 2);
    expect(flightEstimate('LHR', 'XXX', 'economy')).toMatchObject({ kg: null, method: 'unknown' });
  });

  it('keeps the airline list sorted and unique', () => {
    expect([...TRAVEL_HOSTS].sort()).toEqual(TRAVEL_HOSTS);
    expect(new Set(TRAVEL_HOSTS).size).toBe(TRAVEL_HOSTS.length);
  });
});
