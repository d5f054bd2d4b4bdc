import { useRef, useState } from 'preact/hooks';
import type { WipeSummary } from '../messages/protocol';
import { t } from '../i18n/t';
import { call, type PageSend } from '../popup/api';
import { Dialog } from '../popup/ui/Dialog';
import { Counts } from './Counts';

export function WipeSection({ send, exportFirst, onWiped }: { send: PageSend; exportFirst: () => Promise<void>; onWiped: () => void }) {
  const [preview, setPreview] = useState<WipeSummary | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const ask = async () => {
    setMessage(null);
    try {
      setPreview((await call(send, { type: 'data/wipe-preview' })).preview);
    } catch (e) {
      setMessage({ kind: 'error', text: t('wipe_preview_failed', (e as Error).message) });
    }
  };

  const wipe = async () => {
    setBusy(true);
    try {
      await call(send, { type: 'data/wipe' });
      setPreview(null);
      setMessage({ kind: 'info', text: t('wipe_done') });
      onWiped();
    } catch (e) {
      setPreview(null);
      setMessage({ kind: 'error', text: t('wipe_failed', (e as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="w-h">
      <h2 id="w-h">{t('wipe_title')}</h2>
      <p>{t('wipe_intro')}</p>
      <button type="button" class="danger" ref={button} onClick={() => void ask()} data-testid="wipe-open">
        {t('wipe_button')}
      </button>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'error' : 'notice'} data-testid="wipe-message">
          {message.text}
        </p>
      )}
      {preview && (
        <Dialog title={t('wipe_confirm_title')} role="alertdialog" onClose={() => setPreview(null)} fallbackFocus={() => button.current} testid="wipe-dialog">
          <p>{t('wipe_lists')}</p>
          <Counts counts={preview.counts} />
          <p>{preview.dateRange ? t('date_range', [preview.dateRange.from, preview.dateRange.to]) : t('date_range_none')}</p>
          <p>
            <strong>{t('wipe_cannot_undo')}</strong>
          </p>
          <div class="actions">
            <button type="button" onClick={() => void exportFirst()} data-testid="wipe-export">
              {t('export_first')}
            </button>{' '}
            <button type="button" class="danger" onClick={() => void wipe()} disabled={busy} data-testid="wipe-confirm">
              {t('wipe_yes')}
            </button>{' '}
            <button type="button" onClick={() => setPreview(null)}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
