import { useState } from 'preact/hooks';
import type { Summary, Totals as TotalsT } from '../store/purchases';
import type { Replies } from '../messages/protocol';
import type { StoreStatus } from '../messages/protocol';
import { formatKg } from '../badge/format';
import { carKmEquivalent } from '../engine/equivalents';
import { t } from '../i18n/t';
import { categoryLabel, compactKg, estimateText, kgText, methodText, monthLabel, monthShort, rangeText } from './format';

export function Totals({ summary }: { summary: Summary }) {
  return (
    <section class="totals" aria-label={t('totals_label')}>
      <Total label={t('this_month')} totals={summary.thisMonth} testid="total-month" />
      <Total label={t('this_year')} totals={summary.thisYear} testid="total-year" />
      <Total label={t('all_time')} totals={summary.allTime} testid="total-all" />
    </section>
  );
}

function Total({ label, totals, testid }: { label: string; totals: TotalsT; testid: string }) {
  const hasKnown = totals.purchases > 0;
  return (
    <div class="total" data-testid={testid}>
      <h2 class="t-label">{label}</h2>
      <strong class="t-kg">{kgText(totals.kg)}</strong>
      <span class="t-range">{hasKnown ? rangeText(totals.low, totals.high) : t('no_purchases_short')}</span>
      {totals.kg > 0 && <span class="t-range">{t('car_km', formatKg(carKmEquivalent(totals.kg)))}</span>}
      {totals.unknownItems > 0 && <span class="t-unknown">{t('items_unknown', totals.unknownItems)}</span>}
    </div>
  );
}

/** Twelve bars with their values written on them; the same numbers as a table for screen readers and on request. */
export function MonthChart({ months, current }: { months: Summary['months']; current: string }) {
  const max = Math.max(...months.map((m) => m.kg), 0);
  return (
    <section aria-labelledby="chart-h" class="chart-sec">
      <h2 id="chart-h">{t('chart_title')}</h2>
      <div class="chart" aria-hidden="true">
        {months.map((m) => {
          const pct = max > 0 ? Math.max(m.kg > 0 ? 2 : 0, (m.kg / max) * 100) : 0;
          return (
            <div class={`col${m.month === current ? ' current' : ''}`} key={m.month} title={`${monthLabel(m.month)}: ${kgText(m.kg)}`}>
              <span class="val">{m.kg > 0 ? compactKg(m.kg) : '–'}</span>
              <span class="bar-wrap">
                <span class="bar" style={{ height: `${pct}%` }} />
              </span>
              <span class="mon">{monthShort(m.month)}</span>
            </div>
          );
        })}
      </div>
      <details class="chart-table">
        <summary>{t('chart_as_table')}</summary>
        <table>
          <caption class="sr-only">{t('chart_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('month')}</th>
              <th scope="col">{t('kg_col')}</th>
              <th scope="col">{t('range_col')}</th>
              <th scope="col">{t('purchases_col')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">
                  {monthLabel(m.month)}
                  {m.month === current ? ` (${t('this_month')})` : ''}
                </th>
                <td>{formatKg(m.kg)}</td>
                <td>{m.purchases > 0 ? `${formatKg(m.low)}–${formatKg(m.high)}` : '–'}</td>
                <td>{m.purchases}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

export function Categories({ byCategory }: { byCategory: Summary['byCategory'] }) {
  const total = byCategory.reduce((s, c) => s + Math.max(0, c.kg), 0);
  const max = Math.max(...byCategory.map((c) => c.kg), 0);
  if (byCategory.length === 0) return null;
  return (
    <section aria-labelledby="cat-h">
      <h2 id="cat-h">{t('by_category')}</h2>
      <ul class="cats" data-testid="categories">
        {byCategory.map((c) => (
          <li key={c.category}>
            <span class="c-name">{categoryLabel(c.category)}</span>
            <span class="c-bar" aria-hidden="true">
              <span style={{ width: `${max > 0 ? (Math.max(0, c.kg) / max) * 100 : 0}%` }} />
            </span>
            <span class="c-val">
              {kgText(c.kg)} · {total > 0 ? Math.round((Math.max(0, c.kg) / total) * 100) : 0} %
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function TabEstimate({ tab, onAlwaysOn }: { tab: Replies['tab/estimate']; onAlwaysOn?: (host: string) => Promise<boolean> }) {
  const e = tab.estimate;
  const [granted, setGranted] = useState(false);
  const canAsk = !!onAlwaysOn && !!tab.host && !tab.builtIn && !tab.alwaysOn;
  if (!e && !tab.product && !canAsk) return null;
  const title = tab.product?.title ?? null;
  return (
    <section aria-labelledby="tab-h" class="tab-est" data-testid="tab-estimate">
      <h2 id="tab-h">{t('this_page')}</h2>
      {title && <p class="tab-title">{title}</p>}
      {!e || e.kg === null ? (
        <p>
          <strong>{t('footprint_unknown')}</strong>
          {(e?.note ?? tab.reason) && <span class="muted"> {e?.note ?? tab.reason}</span>}
        </p>
      ) : (
        <p>
          <strong>{estimateText(e)}</strong> {rangeText(e.low, e.high) && <span>({rangeText(e.low, e.high)})</span>}
          <br />
          <span class="muted">
            {t('method')}: {methodText(e.method)}
          </span>
        </p>
      )}
      {e?.comparison && <p class="muted">{e.comparison}</p>}
      {e?.hint && <p class="muted">{e.hint}</p>}
      {canAsk &&
        (granted ? (
          <p role="status">{t('always_on_done', tab.host!)}</p>
        ) : (
          <button type="button" class="link" onClick={() => void onAlwaysOn!(tab.host!).then(setGranted)}>
            {t('always_on_site', tab.host!)}
          </button>
        ))}
    </section>
  );
}

export function StatusBanner({ status, onExport }: { status: StoreStatus; onExport: () => void }) {
  if (status.pendingWrites === 0 && !status.lastError) return null;
  return (
    <div role="alert" class="banner" data-testid="store-status">
      <strong>{t('store_problem')}</strong>
      {status.pendingWrites > 0 && <p>{t('pending_writes', status.pendingWrites)}</p>}
      {status.lastError && <p>{t('last_error', [new Date(status.lastError.at).toLocaleString(), status.lastError.message])}</p>}
      <button type="button" onClick={onExport}>
        {t('export_now')}
      </button>
    </div>
  );
}
