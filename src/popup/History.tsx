import { useEffect, useRef, useState } from 'preact/hooks';
import type { PurchaseQuery } from '../messages/protocol';
import type { PurchaseWithItems } from '../store/purchases';
import { t } from '../i18n/t';
import { call, type PageSend } from './api';
import { purchaseKg, purchaseMethod } from './format';
import { pagesFor, visibleRange } from './virtual';

export interface HistoryProps {
  send: PageSend;
  /** Everything but offset and limit. */
  query: Omit<PurchaseQuery, 'offset' | 'limit'>;
  /** Bumped after an edit, add or delete: the rows shown are fetched again. */
  refresh: number;
  onOpen: (p: PurchaseWithItems) => void;
  onTotal?: (total: number) => void;
  onError?: (message: string) => void;
  rowHeight?: number;
  height?: number;
  pageSize?: number;
  overscan?: number;
}

/**
 * The purchase history as a virtualised list: fixed row height, only the visible rows (plus a few
 * either side) are in the DOM, and rows are fetched a page at a time with `purchases/query` as the
 * user scrolls. Nothing here grows with the number of purchases except the spacer's height.
 */
export function History({ send, query, refresh, onOpen, onTotal, onError, rowHeight = 56, height = 280, pageSize = 50, overscan = 6 }: HistoryProps) {
  const [total, setTotal] = useState<number | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [pages, setPages] = useState<ReadonlyMap<number, PurchaseWithItems[]>>(new Map());
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());
  const stale = useRef<ReadonlyMap<number, PurchaseWithItems[]>>(new Map());
  const queryKey = JSON.stringify(query);

  const fetchPage = (page: number, gen: number) => {
    if (inFlight.current.has(page)) return;
    inFlight.current.add(page);
    call(send, { type: 'purchases/query', query: { ...query, offset: page * pageSize, limit: pageSize } })
      .then((r) => {
        if (gen !== generation.current) return;
        inFlight.current.delete(page);
        setTotal(r.total);
        onTotal?.(r.total);
        setPages((prev) => new Map(prev).set(page, r.purchases));
      })
      .catch((e: Error) => {
        if (gen !== generation.current) return;
        inFlight.current.delete(page);
        onError?.(e.message);
      });
  };

  // A new query starts from the top; a refresh keeps the scroll position and shows old rows until new ones arrive.
  const lastQuery = useRef(queryKey);
  useEffect(() => {
    generation.current++;
    inFlight.current = new Set();
    if (lastQuery.current !== queryKey) {
      lastQuery.current = queryKey;
      stale.current = new Map();
      setTotal(null);
      setScrollTop(0);
      if (scroller.current) scroller.current.scrollTop = 0;
      setPages(new Map());
      fetchPage(0, generation.current);
    } else {
      setPages((prev) => {
        stale.current = prev;
        return new Map();
      });
      const { start, end } = visibleRange(scroller.current?.scrollTop ?? 0, height, rowHeight, Math.max(total ?? 1, 1), overscan);
      const wanted = pagesFor(start, end, pageSize);
      for (const p of wanted.length ? wanted : [0]) fetchPage(p, generation.current);
    }
  }, [queryKey, refresh]);

  const count = total ?? 0;
  const { start, end } = visibleRange(scrollTop, height, rowHeight, count, overscan);

  useEffect(() => {
    if (total === null) return;
    for (const p of pagesFor(start, end, pageSize)) if (!pages.has(p)) fetchPage(p, generation.current);
  }, [start, end, total, pages]);

  useEffect(() => {
    if (focusIndex === null) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"] button`);
    if (el) el.focus();
  }, [focusIndex, start, end, pages]);

  const rowAt = (i: number): PurchaseWithItems | null => {
    const page = Math.floor(i / pageSize);
    const list = pages.get(page) ?? stale.current.get(page);
    return list?.[i % pageSize] ?? null;
  };

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(count - 1, index));
    const el = scroller.current;
    if (el) {
      const top = i * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
      setScrollTop(el.scrollTop);
    }
    setFocusIndex(i);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const from = Number((e.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index') ?? -1);
    if (from < 0) return;
    const perPage = Math.max(1, Math.floor(height / rowHeight));
    const to: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + perPage, PageUp: from - perPage, Home: 0, End: count - 1 };
    const target = to[e.key];
    if (target === undefined) return;
    e.preventDefault();
    moveTo(target);
  };

  const rows = [];
  for (let i = start; i < end; i++) {
    const p = rowAt(i);
    rows.push(
      <li key={p ? p.id : `loading-${i}`} data-index={i} aria-setsize={count} aria-posinset={i + 1} class="h-row" style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}>
        {p ? (
          <button type="button" class="h-btn" onClick={() => onOpen(p)} onFocus={() => setFocusIndex(null)}>
            <span class="h-line">
              <span class="date">{p.date}</span>
              <span class="shop">{p.shop === 'manual' ? t('shop_manual') : p.shop}</span>
              <span class="kg">{purchaseKg(p)}</span>
            </span>
            <span class="h-line h-sub">
              <span class="h-items">{itemsSummary(p)}</span>
              <span class="method">{purchaseMethod(p)}</span>
            </span>
          </button>
        ) : (
          <span class="h-loading">{t('loading')}</span>
        )}
      </li>,
    );
  }

  return (
    <div>
      <p class="muted small" aria-live="polite">
        {total === null ? t('loading') : t('history_count', count)}
      </p>
      <div
        class="h-scroll"
        ref={scroller}
        style={{ height: `${height}px` }}
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
        data-testid="history-scroll"
      >
        <ul class="history" data-testid="history" aria-label={t('history_label')} style={{ height: `${count * rowHeight}px` }} onKeyDown={onKeyDown}>
          {rows}
        </ul>
      </div>
      {count > 0 && <p class="muted small">{t('history_keys')}</p>}
    </div>
  );
}

function itemsSummary(p: PurchaseWithItems): string {
  const first = p.items[0];
  if (!first) return t('no_items');
  const title = first.quantity > 1 ? `${first.quantity} × ${first.title}` : first.title;
  return p.items.length > 1 ? t('items_more', [title, p.items.length - 1]) : title;
}
