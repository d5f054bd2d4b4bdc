import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../store/settings';
import { t } from '../i18n/t';
import { call, type PageSend } from '../popup/api';
import { localToday } from '../popup/format';
import { CurrencySelect } from '../popup/ui/Field';
import { pagedExportCsv, pagedExportJsonBlob } from '../data-io/paged-export';
import { BackupSection } from './Backup';
import { downloadFile, type Download } from './download';
import { ImportSection } from './Import';
import { WipeSection } from './Wipe';
import { ViewedSection } from './Viewed';

type Status = { kind: 'info' | 'error'; text: string } | null;

export interface OptionsProps {
  send: PageSend;
  /** Extension version, for the export file name. */
  version?: string;
  download?: Download;
  openMethodology?: () => void;
  today?: () => string;
}

const defaultDownload: Download = (name, content, type) => downloadFile(document, name, content, type);

export function Options({ send, version, download = defaultDownload, openMethodology, today = () => localToday() }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [newShop, setNewShop] = useState('');
  const [retention, setRetention] = useState('');
  const [retentionError, setRetentionError] = useState<string | null>(null);

  const loadSettings = async () => {
    try {
      const r = await call(send, { type: 'settings/get' });
      setSettings(r.settings);
      setRetention(String(r.settings.viewedRetentionDays));
    } catch (e) {
      setStatus({ kind: 'error', text: t('read_failed', (e as Error).message) });
    }
  };

  useEffect(() => {
    void loadSettings();
  }, []);

  const save = async (patch: Partial<Settings>) => {
    try {
      const r = await call(send, { type: 'settings/set', patch });
      setSettings(r.settings);
      setStatus({ kind: 'info', text: t('saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('save_failed', (e as Error).message) });
    }
  };

  const fileName = (ext: string) => `local-footprint-${today()}.${ext}`;

  // Both exports are read a few thousand purchases at a time and saved from parts, whatever the size of the history.
  const exportJson = async () => {
    setStatus({ kind: 'info', text: t('working') });
    try {
      const { blob } = await pagedExportJsonBlob(send, { app: version });
      download(fileName('json'), blob, 'application/json');
      setStatus({ kind: 'info', text: t('export_saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('export_failed', (e as Error).message) });
    }
  };

  const exportCsv = async () => {
    setStatus({ kind: 'info', text: t('working') });
    try {
      const parts = await pagedExportCsv(send);
      download(fileName('csv'), new Blob(parts, { type: 'text/csv' }), 'text/csv');
      setStatus({ kind: 'info', text: t('export_saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('export_failed', (e as Error).message) });
    }
  };

  const saveRetention = () => {
    const n = Number(retention);
    if (!/^\d+$/.test(retention.trim()) || n > 365) {
      setRetentionError(t('err_retention'));
      return;
    }
    setRetentionError(null);
    if (settings && n !== settings.viewedRetentionDays) void save({ viewedRetentionDays: n });
  };

  if (!settings) {
    return (
      <main class="options">
        <h1>{t('options_title')}</h1>
        {status ? (
          <p role="alert" class="error">
            {status.text}
          </p>
        ) : (
          <p>{t('loading')}</p>
        )}
      </main>
    );
  }

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p class="promise">{t('options_promise')}</p>
      {openMethodology && (
        <p>
          <button type="button" class="link" onClick={openMethodology}>
            {t('methodology_link')}
          </button>
        </p>
      )}
      <div aria-live="polite" class="status-line">
        {status && (
          <p role={status.kind === 'error' ? 'alert' : 'status'} class={status.kind === 'error' ? 'error' : 'notice'} data-testid="options-status">
            {status.kind === 'error' ? `${t('error_prefix')} ` : ''}
            {status.text}
          </p>
        )}
      </div>

      <section aria-labelledby="s-h">
        <h2 id="s-h">{t('settings_title')}</h2>
        <fieldset>
          <legend>{t('badge_mode')}</legend>
          <label>
            <input type="radio" name="badge" checked={settings.badgeMode === 'page'} onChange={() => void save({ badgeMode: 'page' })} /> {t('badge_page')}
          </label>
          <label>
            <input type="radio" name="badge" checked={settings.badgeMode === 'toolbar'} onChange={() => void save({ badgeMode: 'toolbar' })} /> {t('badge_toolbar')}
          </label>
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={settings.capturePaused} onChange={(e) => void save({ capturePaused: (e.target as HTMLInputElement).checked })} data-testid="pause" />{' '}
          {t('pause_capture')}
        </label>
        <label class="check">
          <input type="checkbox" checked={settings.recordInPrivate} onChange={(e) => void save({ recordInPrivate: (e.target as HTMLInputElement).checked })} />{' '}
          {t('record_private')}
        </label>
        <label class="check">
          <input type="checkbox" checked={settings.exportReminder} onChange={(e) => void save({ exportReminder: (e.target as HTMLInputElement).checked })} />{' '}
          {t('export_reminder')}
        </label>
        <div class="field">
          <label for="currency">{t('display_currency')}</label>
          <CurrencySelect id="currency" value={settings.displayCurrency} names onChange={(v) => v && void save({ displayCurrency: v })} />
        </div>
        <form
          class="field"
          onSubmit={(e) => {
            e.preventDefault();
            saveRetention();
          }}
        >
          <label for="retention">{t('retention')}</label>
          <span>
            <input
              id="retention"
              inputMode="numeric"
              value={retention}
              onInput={(e) => setRetention((e.target as HTMLInputElement).value)}
              onBlur={saveRetention}
              aria-invalid={retentionError ? 'true' : undefined}
              aria-describedby={retentionError ? 'retention-err' : 'retention-hint'}
              class="short"
            />{' '}
            {t('days')}
          </span>
          <span id="retention-hint" class="muted small">
            {t('retention_hint')}
          </span>
          {retentionError && (
            <span id="retention-err" class="field-error">
              {t('error_prefix')} {retentionError}
            </span>
          )}
        </form>
        <ViewedSection send={send} />

        <h3>{t('shops_off_title')}</h3>
        {settings.disabledShops.length === 0 ? (
          <p class="muted">{t('shops_off_none')}</p>
        ) : (
          <ul class="shops">
            {settings.disabledShops.map((s) => (
              <li key={s}>
                {s}{' '}
                <button type="button" onClick={() => void save({ disabledShops: settings.disabledShops.filter((x) => x !== s) })} aria-label={t('shop_on_again', s)}>
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            const host = newShop.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '');
            if (host && !settings.disabledShops.includes(host)) void save({ disabledShops: [...settings.disabledShops, host] });
            setNewShop('');
          }}
        >
          <label for="shop">{t('shop_host')}</label>{' '}
          <input id="shop" value={newShop} onInput={(e) => setNewShop((e.target as HTMLInputElement).value)} placeholder="example.com" autoComplete="off" />{' '}
          <button type="submit">{t('shop_off')}</button>
        </form>
      </section>

      <section aria-labelledby="e-h">
        <h2 id="e-h">{t('export_title')}</h2>
        <p>{t('export_intro')}</p>
        <p class="actions">
          <button type="button" onClick={() => void exportJson()} data-testid="export-json">
            {t('export_json')}
          </button>{' '}
          <button type="button" onClick={() => void exportCsv()} data-testid="export-csv">
            {t('export_csv')}
          </button>
        </p>
      </section>

      <BackupSection send={send} save={download} fileName={fileName} app={version} />
      <ImportSection send={send} onImported={() => void loadSettings()} />
      <WipeSection send={send} exportFirst={exportJson} onWiped={() => void loadSettings()} />
    </main>
  );
}
