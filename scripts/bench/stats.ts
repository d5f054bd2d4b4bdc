/** A measured figure: the median over counted runs (or over pages), with the spread it came from. */
export interface Figure {
  value: number;
  min: number;
  max: number;
  /** Runs (or pages) behind the value. */
  n: number;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

export function figure(xs: readonly number[], q = 0.5): Figure {
  if (xs.length === 0) return { value: NaN, min: NaN, max: NaN, n: 0 };
  return { value: quantile(xs, q), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

export function single(x: number): Figure {
  return { value: x, min: x, max: x, n: 1 };
}

export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
