import { useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '../messages/protocol';
import { t } from '../i18n/t';
import { call, type PageSend } from '../popup/api';
import { Dialog } from '../popup/ui/Dialog';
import { Counts } from './Counts';

const BACKUP_FORMAT = 'local-footprint-backup';

/** An encrypted backup announces itself in its first bytes (see src/data-io/backup-format.ts). */
export function looksEncrypted(text: string): boolean {
  return text.slice(0, 400).includes(`"${BACKUP_FORMAT}"`);
}

type Step =
  | { kind: 'idle' }
  | { kind: 'passphrase'; name: string; text: string }
  | { kind: 'preview'; name: string; text: string; passphrase: string | null; preview: ImportPreview }
  | { kind: 'busy' };

export function ImportSection({ send, onImported }: { send: PageSend; onImported: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const fail = (e: unknown) => {
    setStep({ kind: 'idle' });
    setMessage({ kind: 'error', text: t('import_failed', (e as Error).message) });
  };

  const preview = async (name: string, text: string, pass: string | null) => {
    setStep({ kind: 'busy' });
    try {
      const r = await call(send, { type: 'data/import-preview', text, passphrase: pass });
      setStep({ kind: 'preview', name, text, passphrase: pass, preview: r.preview });
    } catch (e) {
      fail(e);
    }
  };

  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    setMessage(null);
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      fail(err);
      return;
    }
    input.value = '';
    if (looksEncrypted(text)) {
      setPassphrase('');
      setStep({ kind: 'passphrase', name: file.name, text });
    } else {
      await preview(file.name, text, null);
    }
  };

  const doImport = async () => {
    if (step.kind !== 'preview') return;
    const { text, passphrase: pass } = step;
    setStep({ kind: 'busy' });
    try {
      const r = await call(send, { type: 'data/import', text, passphrase: pass });
      setMessage({ kind: 'info', text: t('import_done', [r.result.add.purchases, r.result.update.purchases, r.result.unchanged.purchases]) });
      onImported();
    } catch (e) {
      fail(e);
    } finally {
      setStep((s) => (s.kind === 'busy' ? { kind: 'idle' } : s));
    }
  };

  return (
    <section aria-labelledby="imp-h">
      <h2 id="imp-h">{t('import_title')}</h2>
      <p>{t('import_intro')}</p>
      <label class="file">
        {t('import_choose')}
        <input type="file" accept=".json,application/json" ref={fileInput} onChange={(e) => void onFile(e)} data-testid="import-file" disabled={step.kind === 'busy'} />
      </label>
      {step.kind === 'busy' && <p role="status">{t('working')}</p>}
      {step.kind === 'passphrase' && (
        <form
          class="edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (passphrase) void preview(step.name, step.text, passphrase);
          }}
        >
          <p>{t('import_encrypted', step.name)}</p>
          <label for="imp-pass">{t('passphrase')}</label>
          <input id="imp-pass" type="password" autoComplete="off" value={passphrase} onInput={(e) => setPassphrase((e.target as HTMLInputElement).value)} />
          <div class="actions">
            <button type="submit" disabled={!passphrase}>
              {t('import_check')}
            </button>{' '}
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'error box' : 'notice'} data-testid="import-message">
          <p>{message.text}</p>
          {message.kind === 'error' && <p>{t('import_unchanged')}</p>}
        </div>
      )}
      {step.kind === 'preview' && (
        <Dialog title={t('import_confirm_title')} onClose={() => setStep({ kind: 'idle' })} fallbackFocus={() => fileInput.current} testid="import-preview">
          <p>{t('import_file', step.name)}</p>
          <h3>{t('import_in_file')}</h3>
          <Counts counts={step.preview.counts} />
          <h3>{t('import_changes')}</h3>
          <ul data-testid="import-changes">
            <li>{t('import_add', [step.preview.add.purchases, step.preview.add.items])}</li>
            <li>{t('import_update', [step.preview.update.purchases, step.preview.update.items])}</li>
            <li>{t('import_unchanged_count', [step.preview.unchanged.purchases, step.preview.unchanged.items])}</li>
            {step.preview.removedItems > 0 && <li>{t('import_removed_items', step.preview.removedItems)}</li>}
            {(step.preview.add.settings > 0 || step.preview.update.settings > 0) && <li>{t('import_settings', step.preview.add.settings + step.preview.update.settings)}</li>}
          </ul>
          <p>{step.preview.dateRange ? t('date_range', [step.preview.dateRange.from, step.preview.dateRange.to]) : t('date_range_none')}</p>
          {step.preview.warnings.length > 0 && (
            <div class="warn">
              <h3>{t('warnings')}</h3>
              <ul>
                {step.preview.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          <p>{t('import_question')}</p>
          <div class="actions">
            <button type="button" onClick={() => void doImport()} data-testid="import-confirm">
              {t('import_yes')}
            </button>{' '}
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
