/** One block of `npm run eval` output. Each module under scripts/eval/ exports `evaluate(): Promise<EvalSection[]>`. */
export interface EvalSection {
  name: string;
  /** Human-readable rows, printed as a two-column table. */
  rows: Array<[label: string, value: string | number]>;
  /** Machine-readable figures (ratios in 0..1, counts), printed with --json. */
  metrics: Record<string, number>;
  /** Misses worth naming, printed with --verbose. */
  misses?: string[];
}
