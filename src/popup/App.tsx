import { useEffect, useState } from 'preact/hooks';
import type { PurchaseWithItems, Summary } from '../store/purchases';
import { formatKg, methodLabel } from '../badge/format';
import { call, type PageSend } from './api';
import { carKmEquivalent } from '../engine/equivalents';

interface State {
  summary: Summary;
  count: number;
  purchases: PurchaseWithItems[];
}

export function App({ send, openOptions }: { send: PageSend; openOptions?: () => void }) {
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    try {
      const [{ summary, count }, { purchases }] = await Promise.all([
        call(send, { type: 'summary/get' }),
        call(send, { type: 'purchases/list', offset: 0, limit: 50 }),
      ]);
      setState({ summary, count, purchases });
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  useEffect(() => {
    void load();
  }, []);

  if (error) return <main class="popup"><p role="alert" class="error">Could not read your data: {error}</p></main>;
  if (!state) return <main class="popup" aria-busy="true"><p>Loading…</p></main>;
  const { summary, count, purchases } = state;

  return (
    <main class="popup">
      <header>
        <h1>Your footprint</h1>
        <p class="promise">Stored on this device only. Nothing is sent anywhere.</p>
        {openOptions && (
          <button type="button" class="link" onClick={openOptions}>
            Settings and your data
          </button>
        )}
      </header>
      {count === 0 ? (
        <section class="empty" aria-labelledby="empty-h">
          <h2 id="empty-h">No purchases yet</h2>
          <p>
            Open a product page in a supported shop to see its estimated footprint. When you finish an order, its
            confirmation page adds the purchase here, once.
          </p>
        </section>
      ) : (
        <>
          <section class="totals" aria-label="Totals">
            <Total label="This month" t={summary.thisMonth} />
            <Total label="This year" t={summary.thisYear} />
            <Total label="All time" t={summary.allTime} testid="total-all" />
          </section>
          <section aria-labelledby="hist-h">
            <h2 id="hist-h">Purchases ({count})</h2>
            <ul class="history" data-testid="history">
              {purchases.map((p) => (
                <li key={p.id}>
                  <div class="row">
                    <span class="date">{p.date}</span>
                    <span class="shop">{p.shop}</span>
                    <span class="kg">{p.itemCount > p.unknownItems ? `${formatKg(p.kg)} kg` : 'unknown'}</span>
                  </div>
                  <ul class="items">
                    {p.items.map((it) => (
                      <li key={it.id} title={it.estimate.source ?? undefined}>
                        <span class="title">{it.quantity > 1 ? `${it.quantity} × ` : ''}{it.title}</span>
                        <span class="method">{it.estimate.kg === null ? 'unknown' : `${formatKg(it.estimate.kg)} kg · ${methodLabel(it.estimate.method)}`}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  );
}

function Total({ label, t, testid }: { label: string; t: Summary['allTime']; testid?: string }) {
  return (
    <div class="total" data-testid={testid}>
      <span class="t-label">{label}</span>
      <strong class="t-kg">{formatKg(t.kg)} kg CO2e</strong>
      <span class="t-range">{t.purchases > 0 ? `range ${formatKg(t.low)}–${formatKg(t.high)} kg` : 'no purchases'}</span>
      {t.kg > 0 && <span class="t-range">≈ {formatKg(carKmEquivalent(t.kg))} km by car</span>}
      {t.unknownItems > 0 && <span class="t-unknown">{t.unknownItems} item(s) without an estimate</span>}
    </div>
  );
}
