/** Runs `task(0..n-1)` with at most `width` running at once; results in index order. */
export async function inWindow<T>(n: number, width: number, task: (k: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const k = next++;
      out[k] = await task(k);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, n)) }, lane));
  return out;
}
