import { useEffect, useState } from 'preact/hooks';
import type { ViewedRecord } from '../store/records';
import { t } from '../i18n/t';
import { call, type PageSend } from '../popup/api';

/** The recently viewed products kept to classify order lines: visible, and clearable in one click. */
export function ViewedSection({ send }: { send: PageSend }) {
  const [viewed, setViewed] = useState<ViewedRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    call(send, { type: 'viewed/list' })
      .then((r) => setViewed(r.viewed))
      .catch((e: Error) => setError(e.message));

  useEffect(() => {
    void load();
  }, []);

  const clear = async () => {
    try {
      await call(send, { type: 'viewed/clear' });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="viewed-h" data-testid="viewed">
      <h3 id="viewed-h">{t('viewed_title')}</h3>
      <p class="muted small">{t('viewed_hint')}</p>
      {error && <p role="alert">{error}</p>}
      {viewed && viewed.length === 0 && <p class="muted">{t('viewed_none')}</p>}
      {viewed && viewed.length > 0 && (
        <>
          <ul class="viewed">
            {viewed.slice(0, 50).map((v) => (
              <li key={v.id}>
                {v.title} <span class="muted small">({v.host}, {new Date(v.seenAt).toISOString().slice(0, 10)})</span>
              </li>
            ))}
          </ul>
          {viewed.length > 50 && <p class="muted small">{t('viewed_more', String(viewed.length - 50))}</p>}
          <button type="button" onClick={() => void clear()}>
            {t('viewed_clear', String(viewed.length))}
          </button>
        </>
      )}
    </section>
  );
}
