export type Cabin = 'economy' | 'premium-economy' | 'business' | 'first';

/** One flight leg as a booking confirmation shows it. */
export interface Trip {
  /** IATA airport codes. */
  from: string;
  to: string;
  cabin: Cabin | null;
  passengers: number;
  /** YYYY-MM-DD when shown. */
  date: string | null;
  /** Booking reference (PNR) when shown. */
  bookingRef: string | null;
}
