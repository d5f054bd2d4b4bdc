import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PurchaseWithItems, Summary } from '../store/purchases';
import type { Replies, SortOrder, StoreStatus } from '../messages/protocol';
import { downloadFile, type Download } from '../options/download';
import { t } from '../i18n/t';
import { call, type PageSend } from './api';
import { AddPurchase } from './AddPurchase';
import { categoryLabel, localToday } from './format';
import { History } from './History';
import { PurchaseDialog } from './PurchaseDialog';
import { Categories, MonthChart, StatusBanner, TabEstimate, Totals } from './Summary';

export type { Download };

export interface AppProps {
  send: PageSend;
  /** The totals, already asked for by the entrypoint before the first render (see entrypoints/popup/main.tsx). */
  firstSummary?: Promise<Replies['summary/get']>;
  /** The totals the background stored last (`summary-cache.ts`), drawn until its answer comes. */
  cachedSummary?: Promise<Replies['summary/get'] | null>;
  /** Opens the options page (browser.runtime.openOptionsPage in the entrypoint). */
  openOptions?: () => void;
  /** Opens the methodology page in a tab. */
  openMethodology?: () => void;
  /** Asks the browser for this one site (permissions.request in the entrypoint); true when granted. */
  alwaysOn?: (host: string) => Promise<boolean>;
  download?: Download;
  /** Local date, YYYY-MM-DD. */
  today?: () => string;
  /** Delay before a typed search is sent. */
  debounceMs?: number;
  listHeight?: number;
  rowHeight?: number;
  pageSize?: number;
}

const defaultDownload: Download = (name, content, type) => downloadFile(document, name, content, type);

export function App({ send, firstSummary, cachedSummary, openOptions, openMethodology, alwaysOn, download = defaultDownload, today = () => localToday(), debounceMs = 250, listHeight, rowHeight, pageSize }: AppProps) {
  const [summary, setSummary] = useState<{ summary: Summary; count: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [tab, setTab] = useState<Replies['tab/estimate'] | null>(null);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [month, setMonth] = useState('');
  const [category, setCategory] = useState('');
  const [sort, setSort] = useState<SortOrder>('date-desc');
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState<PurchaseWithItems | null>(null);
  const [adding, setAdding] = useState<{ currency: string } | null>(null);
  const historyHeading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  /** Whether the background has answered: its answer always wins over the cached totals. */
  const answered = useRef(false);

  const loadSummary = async (asked?: Promise<Replies['summary/get']>) => {
    try {
      const reply = await (asked ?? call(send, { type: 'summary/get' }));
      answered.current = true;
      setSummary(reply);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // A layout effect runs right after the first render, not after the first paint: the totals are drawn as
  // soon as their answer is in.
  useLayoutEffect(() => {
    void cachedSummary?.then((cached) => {
      if (cached && !answered.current) setSummary(cached);
    });
    void loadSummary(firstSummary);
  }, []);

  useEffect(() => {
    call(send, { type: 'status/get' })
      .then((r) => setStatus(r.status))
      .catch(() => setStatus(null));
    call(send, { type: 'tab/estimate' })
      .then((r) => setTab(r))
      .catch(() => setTab(null));
  }, []);

  useEffect(() => {
    if (searchText === search) return;
    const timer = setTimeout(() => setSearch(searchText), debounceMs);
    return () => clearTimeout(timer);
  }, [searchText]);

  const exportNow = async () => {
    try {
      // In pages, so that it works whatever the size of the history (see data-io/paged-export.ts); loaded
      // only when asked for, so the popup's first paint does not wait for code it rarely runs.
      const { pagedExportJsonBlob } = await import('../data-io/paged-export');
      const { blob } = await pagedExportJsonBlob(send);
      download(`local-footprint-${today()}.json`, blob, 'application/json');
      setNotice(t('export_saved'));
    } catch (e) {
      setNotice(t('export_failed', (e as Error).message));
    }
  };

  const changed = () => {
    setRefresh((n) => n + 1);
    void loadSummary();
  };

  const openAdd = async () => {
    let currency = 'EUR';
    try {
      currency = (await call(send, { type: 'settings/get' })).settings.displayCurrency;
    } catch {
      // keep the default
    }
    setAdding({ currency });
  };

  if (error && !summary) {
    return (
      <main class="popup">
        <p role="alert" class="error">
          {t('read_failed', error)}
        </p>
      </main>
    );
  }
  if (!summary) {
    return (
      <main class="popup" aria-busy="true">
        <p>{t('loading')}</p>
      </main>
    );
  }

  const { summary: s, count } = summary;
  const filtered = search !== '' || month !== '' || category !== '';
  const categories = [...new Set([...s.byCategory.map((c) => c.category), 'Unknown'])];
  const currentMonth = today().slice(0, 7);

  return (
    <main class="popup">
      <header class="head">
        <h1>{t('popup_title')}</h1>
        <p class="promise">{t('promise')}</p>
        <nav class="links" aria-label={t('links_label')}>
          {openOptions && (
            <button type="button" class="link" onClick={openOptions}>
              {t('settings_link')}
            </button>
          )}
          {openMethodology && (
            <button type="button" class="link" onClick={openMethodology}>
              {t('methodology_link')}
            </button>
          )}
        </nav>
      </header>

      {status && <StatusBanner status={status} onExport={() => void exportNow()} />}
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}

      {tab && <TabEstimate tab={tab} onAlwaysOn={alwaysOn} />}

      {count === 0 ? (
        <section class="empty" aria-labelledby="empty-h" data-testid="empty">
          <h2 id="empty-h">{t('empty_title')}</h2>
          <p>{t('empty_body')}</p>
          <p>{t('empty_body2')}</p>
          <button type="button" ref={addButton} onClick={() => void openAdd()}>
            {t('add_button')}
          </button>
        </section>
      ) : (
        <>
          <Totals summary={s} />
          <MonthChart months={s.months} current={currentMonth} />
          <Categories byCategory={s.byCategory} />
        </>
      )}

      {count > 0 && (
        <section aria-labelledby="hist-h" class="hist">
          <div class="hist-head">
            <h2 id="hist-h" ref={historyHeading} tabIndex={-1}>
              {t('history_title')}
            </h2>
            <button type="button" ref={addButton} onClick={() => void openAdd()}>
              {t('add_button')}
            </button>
          </div>
          <div class="filters" role="search">
            <label class="f-search">
              <span>{t('search')}</span>
              <input type="search" value={searchText} onInput={(e) => setSearchText((e.target as HTMLInputElement).value)} placeholder={t('search_placeholder')} data-testid="search" />
            </label>
            <label>
              <span>{t('month')}</span>
              <select value={month} onChange={(e) => setMonth((e.target as HTMLSelectElement).value)} data-testid="filter-month">
                <option value="">{t('all_months')}</option>
                {[...s.months].reverse().map((m) => (
                  <option key={m.month} value={m.month}>
                    {m.month}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('category')}</span>
              <select value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)} data-testid="filter-category">
                <option value="">{t('all_categories')}</option>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('sort')}</span>
              <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as SortOrder)} data-testid="sort">
                <option value="date-desc">{t('sort_date_desc')}</option>
                <option value="date-asc">{t('sort_date_asc')}</option>
                <option value="kg-desc">{t('sort_kg_desc')}</option>
                <option value="kg-asc">{t('sort_kg_asc')}</option>
              </select>
            </label>
            {filtered && (
              <button
                type="button"
                class="link"
                onClick={() => {
                  setSearchText('');
                  setSearch('');
                  setMonth('');
                  setCategory('');
                }}
              >
                {t('clear_filters')}
              </button>
            )}
          </div>
          <History
            send={send}
            query={{ search: search || null, month: month || null, category: category || null, sort }}
            refresh={refresh}
            onOpen={setOpen}
            onError={setError}
            height={listHeight}
            rowHeight={rowHeight}
            pageSize={pageSize}
          />
        </section>
      )}

      {open && (
        <PurchaseDialog
          send={send}
          purchase={open}
          onClose={() => setOpen(null)}
          onChanged={changed}
          fallbackFocus={() => historyHeading.current}
        />
      )}
      {adding && (
        <AddPurchase
          send={send}
          today={today()}
          defaultCurrency={adding.currency}
          onClose={() => setAdding(null)}
          onAdded={() => {
            setAdding(null);
            setNotice(t('added'));
            changed();
          }}
        />
      )}
    </main>
  );
}
