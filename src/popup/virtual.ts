/** Which rows to render for a scroll position: the visible ones plus `overscan` on each side. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan: number): { start: number; end: number } {
  if (total <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const perView = Math.ceil(viewport / rowHeight);
  // A scroll position past the end (the list just got shorter) shows the last rows.
  const start = Math.max(0, Math.min(Math.floor(top / rowHeight), total - perView) - overscan);
  const end = Math.min(total, Math.max(Math.ceil((top + viewport) / rowHeight), start + perView) + overscan);
  return { start, end: Math.max(start, end) };
}

/** The page numbers that hold rows `start` to `end - 1`. */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const out: number[] = [];
  for (let p = Math.floor(start / pageSize); p <= Math.floor((end - 1) / pageSize); p++) out.push(p);
  return out;
}
