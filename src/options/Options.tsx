import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../store/settings';
import { call, type PageSend } from '../popup/api';
import { downloadText } from './download';

type Status = { kind: 'info' | 'error'; text: string } | null;

export function Options({ send }: { send: PageSend }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirmWipe, setConfirmWipe] = useState<{ purchases: number } | null>(null);
  const [newShop, setNewShop] = useState('');

  useEffect(() => {
    call(send, { type: 'settings/get' })
      .then((r) => setSettings(r.settings))
      .catch((e: Error) => setStatus({ kind: 'error', text: e.message }));
  }, []);

  const save = async (patch: Partial<Settings>) => {
    try {
      const r = await call(send, { type: 'settings/set', patch });
      setSettings(r.settings);
      setStatus({ kind: 'info', text: 'Saved.' });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  const exportJson = async () => {
    try {
      const { json } = await call(send, { type: 'data/export' });
      downloadText(document, `local-footprint-${new Date().toISOString().slice(0, 10)}.json`, json, 'application/json');
      setStatus({ kind: 'info', text: 'Export saved to your downloads.' });
    } catch (e) {
      setStatus({ kind: 'error', text: `Export failed: ${(e as Error).message}` });
    }
  };

  const askWipe = async () => {
    const { count } = await call(send, { type: 'summary/get' });
    setConfirmWipe({ purchases: count });
  };

  const wipe = async () => {
    try {
      await call(send, { type: 'data/wipe' });
      setConfirmWipe(null);
      setStatus({ kind: 'info', text: 'Everything was deleted.' });
      const r = await call(send, { type: 'settings/get' });
      setSettings(r.settings);
    } catch (e) {
      setStatus({ kind: 'error', text: `Nothing was deleted: ${(e as Error).message}` });
    }
  };

  if (!settings) return <main class="options">{status ? <p role="alert">{status.text}</p> : <p>Loading…</p>}</main>;

  return (
    <main class="options">
      <h1>Local Footprint</h1>
      <p class="promise">Your data stays on this device. Nothing is ever sent anywhere.</p>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} class={status.kind}>
          {status.kind === 'error' ? 'Error: ' : ''}
          {status.text}
        </p>
      )}

      <section aria-labelledby="s-h">
        <h2 id="s-h">Settings</h2>
        <fieldset>
          <legend>Where the estimate shows</legend>
          <label>
            <input type="radio" name="badge" checked={settings.badgeMode === 'page'} onChange={() => void save({ badgeMode: 'page' })} /> A small badge in the page
          </label>
          <label>
            <input type="radio" name="badge" checked={settings.badgeMode === 'toolbar'} onChange={() => void save({ badgeMode: 'toolbar' })} /> Only on the toolbar icon (nothing is added to pages)
          </label>
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={settings.capturePaused} onChange={(e) => void save({ capturePaused: (e.target as HTMLInputElement).checked })} /> Pause recording purchases
        </label>
        <label class="check">
          <input type="checkbox" checked={settings.recordInPrivate} onChange={(e) => void save({ recordInPrivate: (e.target as HTMLInputElement).checked })} /> Record purchases made in private windows
        </label>
        <label>
          Keep recently viewed products for{' '}
          <input type="number" min={0} max={365} value={settings.viewedRetentionDays} onChange={(e) => void save({ viewedRetentionDays: Number((e.target as HTMLInputElement).value) })} /> days
        </label>
        <h3>Shops where nothing is recorded</h3>
        <ul>
          {settings.disabledShops.map((s) => (
            <li key={s}>
              {s}{' '}
              <button type="button" onClick={() => void save({ disabledShops: settings.disabledShops.filter((x) => x !== s) })} aria-label={`Record again on ${s}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const host = newShop.trim().toLowerCase().replace(/^www\./, '');
            if (host && !settings.disabledShops.includes(host)) void save({ disabledShops: [...settings.disabledShops, host] });
            setNewShop('');
          }}
        >
          <label>
            Shop host <input value={newShop} onInput={(e) => setNewShop((e.target as HTMLInputElement).value)} placeholder="amazon.de" />
          </label>
          <button type="submit">Turn off</button>
        </form>
      </section>

      <section aria-labelledby="d-h">
        <h2 id="d-h">Your data</h2>
        <p>
          <button type="button" onClick={() => void exportJson()}>Export everything (JSON)</button>
        </p>
        {!confirmWipe ? (
          <p>
            <button type="button" class="danger" onClick={() => void askWipe()}>Delete everything…</button>
          </p>
        ) : (
          <div role="alertdialog" aria-labelledby="w-h" class="confirm">
            <h3 id="w-h">Delete everything?</h3>
            <p>
              This deletes {confirmWipe.purchases} purchase(s) with their items and estimates, your recently viewed products and your settings,
              from this device. It cannot be undone. You may want to export first.
            </p>
            <button type="button" onClick={() => void exportJson()}>Export first</button>{' '}
            <button type="button" class="danger" onClick={() => void wipe()}>Delete everything</button>{' '}
            <button type="button" onClick={() => setConfirmWipe(null)}>Cancel</button>
          </div>
        )}
      </section>
    </main>
  );
}
