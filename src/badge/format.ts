import type { Estimate } from '../types';

const METHOD_LABEL: Record<Estimate['method'], string> = {
  device: 'device data',
  product: 'product data',
  garment: 'garment data',
  food: 'food data',
  spend: 'spend-based, wide range',
  flight: 'flight distance',
  manual: 'entered by hand',
  unknown: 'unknown',
};

export function methodLabel(method: Estimate['method']): string {
  return METHOD_LABEL[method] ?? method;
}

/** 0.04 → "0.04", 3.456 → "3.5", 123.4 → "123", 12345 → "12,345". */
export function formatKg(kg: number): string {
  const abs = Math.abs(kg);
  if (abs === 0) return '0';
  if (abs < 0.1) return kg.toPrecision(1);
  if (abs < 10) return kg.toFixed(1);
  // By hand: the first Intl call in a page costs milliseconds, and this runs in the content script.
  return String(Math.round(kg)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatRange(e: Pick<Estimate, 'low' | 'high'>): string | null {
  if (e.low === null || e.high === null) return null;
  return `${formatKg(e.low)}–${formatKg(e.high)} kg`;
}
