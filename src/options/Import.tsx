import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '../messages/protocol';
import { checkFileSize } from '../data-io/parse-import';
import { canPipe } from '../data-io/pipe';
import { abortImport, checkImportFile, commitImport, importAlive, previewStaged, sendImportFile, stageImport } from '../data-io/staged-import';
import { INTERRUPTED } from '../data-io/staging';
import { t } from '../i18n/t';
import type { PageSend } from '../popup/api';
import { Dialog } from '../popup/ui/Dialog';
import { Counts } from './Counts';

const BACKUP_FORMAT = 'local-footprint-backup';

/** An encrypted backup announces itself in its first bytes (see src/data-io/backup-format.ts). */
export function looksEncrypted(text: string): boolean {
  return text.slice(0, 400).includes(`"${BACKUP_FORMAT}"`);
}

/** While the confirmation is open, the page asks this often whether the background still holds the import (which also keeps it awake). */
export const KEEPALIVE_MS = 20_000;

type Step =
  | { kind: 'idle' }
  | { kind: 'passphrase'; name: string; text: string }
  | { kind: 'busy'; text: string }
  | { kind: 'preview'; name: string; importId: string; preview: ImportPreview };

/** Lets the page draw a status line before a long synchronous step (checking a big file). */
const paint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function ImportSection({ send, onImported, keepAliveMs = KEEPALIVE_MS }: { send: PageSend; onImported: () => void; keepAliveMs?: number }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const fail = (e: unknown) => {
    setStep({ kind: 'idle' });
    setMessage({ kind: 'error', text: t('import_failed', e instanceof Error ? e.message : String(e)) });
  };

  /**
   * Hands the file to the background whole, which checks it (`sendImportFile`); without a pipe, checks it
   * here and hands over the checked records. Then shows what would change.
   */
  const prepare = async (name: string, text: string, pass: string | null) => {
    setStep({ kind: 'busy', text: t('import_checking') });
    await paint();
    let importId: string | null = null;
    try {
      if (canPipe()) importId = await sendImportFile(send, text, pass);
      else {
        const plan = await checkImportFile(text, pass);
        if (!plan.ok) throw new Error(plan.error);
        importId = await stageImport(send, plan, {
          onProgress: (sent, total) => setStep({ kind: 'busy', text: t('import_sending', Math.floor((sent / Math.max(total, 1)) * 100)) }),
        });
      }
      const preview = await previewStaged(send, importId);
      setStep({ kind: 'preview', name, importId, preview });
    } catch (e) {
      if (importId) void abortImport(send, importId);
      fail(e);
    }
  };

  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    setMessage(null);
    if (!file) return;
    // Refused by its size before it is read: an absurd file never reaches memory.
    const tooBig = checkFileSize(file.size);
    if (tooBig) {
      input.value = '';
      fail(new Error(tooBig.error));
      return;
    }
    let text: string;
    try {
      setStep({ kind: 'busy', text: t('working') });
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
      await prepare(file.name, text, null);
    }
  };

  const cancel = () => {
    if (step.kind === 'preview') void abortImport(send, step.importId);
    setStep({ kind: 'idle' });
  };

  const doImport = async () => {
    if (step.kind !== 'preview') return;
    const { importId } = step;
    setStep({ kind: 'busy', text: t('import_writing') });
    try {
      const r = await commitImport(send, importId);
      setStep({ kind: 'idle' });
      setMessage({ kind: 'info', text: t('import_done', [r.add.purchases, r.update.purchases, r.unchanged.purchases]) });
      onImported();
    } catch (e) {
      fail(e);
    }
  };

  // The background holds the checked records in memory until the user decides; if it was stopped meanwhile, say so now.
  const previewId = step.kind === 'preview' ? step.importId : null;
  useEffect(() => {
    if (!previewId) return;
    const timer = setInterval(() => {
      void importAlive(send, previewId).then((alive) => {
        if (!alive) {
          setStep((s) => (s.kind === 'preview' && s.importId === previewId ? { kind: 'idle' } : s));
          setMessage({ kind: 'error', text: t('import_failed', INTERRUPTED) });
        }
      });
    }, keepAliveMs);
    return () => clearInterval(timer);
  }, [previewId]);

  return (
    <section aria-labelledby="imp-h">
      <h2 id="imp-h">{t('import_title')}</h2>
      <p>{t('import_intro')}</p>
      <label class="file">
        {t('import_choose')}
        <input type="file" accept=".json,application/json" ref={fileInput} onChange={(e) => void onFile(e)} data-testid="import-file" disabled={step.kind === 'busy'} />
      </label>
      {step.kind === 'busy' && (
        <p role="status" data-testid="import-progress">
          {step.text}
        </p>
      )}
      {step.kind === 'passphrase' && (
        <form
          class="edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (passphrase) void prepare(step.name, step.text, passphrase);
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
        <Dialog title={t('import_confirm_title')} onClose={cancel} fallbackFocus={() => fileInput.current} testid="import-preview">
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
            <button type="button" onClick={cancel}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
