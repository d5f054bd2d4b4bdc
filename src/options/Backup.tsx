import { useState } from 'preact/hooks';
import { encryptBackup } from '../data-io/crypto';
import { pagedExportJson } from '../data-io/paged-export';
import { t } from '../i18n/t';
import type { PageSend } from '../popup/api';
import { Field } from '../popup/ui/Field';
import type { Download } from './download';

export const MIN_PASSPHRASE = 8;

export function checkPassphrase(a: string, b: string): { first?: string; second?: string } {
  const out: { first?: string; second?: string } = {};
  if (a.length < MIN_PASSPHRASE) out.first = t('err_pass_short', MIN_PASSPHRASE);
  if (a !== b) out.second = t('err_pass_match');
  return out;
}

/** The JSON export, assembled from pages, encrypted here: the passphrase never leaves the page. */
export async function encryptedExport(send: PageSend, passphrase: string, app?: string, iterations?: number): Promise<string> {
  const { parts } = await pagedExportJson(send, { app });
  return encryptBackup(parts.join(''), passphrase, iterations ? { iterations } : {});
}

export function BackupSection({
  send,
  save,
  fileName,
  app,
  iterations,
}: {
  send: PageSend;
  save: Download;
  fileName: (ext: string) => string;
  app?: string;
  /** PBKDF2 iterations; the default (600,000) unless a test says otherwise. */
  iterations?: number;
}) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [errors, setErrors] = useState<{ first?: string; second?: string }>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const errs = checkPassphrase(a, b);
    setErrors(errs);
    if (errs.first || errs.second) {
      setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const text = await encryptedExport(send, a, app, iterations);
      save(fileName('backup.json'), new Blob([text], { type: 'application/json' }), 'application/json');
      setMessage({ kind: 'info', text: t('backup_saved') });
      setA('');
      setB('');
    } catch (err) {
      setMessage({ kind: 'error', text: t('backup_failed', (err as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="bk-h">
      <h2 id="bk-h">{t('backup_title')}</h2>
      <p>{t('backup_intro')}</p>
      <form class="edit" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('passphrase')} error={errors.first} id="bk-pass1" hint={t('pass_hint', MIN_PASSPHRASE)}>
          <input type="password" autoComplete="new-password" value={a} onInput={(e) => setA((e.target as HTMLInputElement).value)} />
        </Field>
        <Field label={t('passphrase_again')} error={errors.second} id="bk-pass2">
          <input type="password" autoComplete="new-password" value={b} onInput={(e) => setB((e.target as HTMLInputElement).value)} />
        </Field>
        <button type="submit" disabled={busy}>
          {t('backup_button')}
        </button>
      </form>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'error' : 'notice'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
