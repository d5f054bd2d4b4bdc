import { useEffect, useState } from 'preact/hooks';
import type { ManualPurchase } from '../messages/protocol';
import type { PurchaseWithItems } from '../store/purchases';
import { t } from '../i18n/t';
import { call, type PageSend } from './api';
import { parseAmount } from './format';
import { Dialog } from './ui/Dialog';
import { CurrencySelect, Field } from './ui/Field';

export interface AddPurchaseProps {
  send: PageSend;
  /** YYYY-MM-DD */
  today: string;
  defaultCurrency: string;
  onClose: () => void;
  onAdded: (p: PurchaseWithItems) => void;
}

export interface ManualDraft {
  title: string;
  price: string;
  currency: string;
  date: string;
  category: string;
  quantity: string;
}

/** Checks a hand-entered purchase; returns the message to send, or an error per field. */
export function validateManual(d: ManualDraft, today: string): { purchase: ManualPurchase } | { errors: Partial<Record<keyof ManualDraft, string>> } {
  const errors: Partial<Record<keyof ManualDraft, string>> = {};
  const title = d.title.trim();
  if (!title) errors.title = t('err_title');
  else if (title.length > 1000) errors.title = t('err_title_long');
  const price = parseAmount(d.price);
  if (price !== null && (Number.isNaN(price) || price > 1e12)) errors.price = t('err_price');
  if (price !== null && !Number.isNaN(price) && !/^[A-Z]{3}$/.test(d.currency)) errors.currency = t('err_currency');
  if (!isDate(d.date)) errors.date = t('err_date');
  else if (d.date > today) errors.date = t('err_date_future');
  const q = d.quantity.trim();
  if (!/^\d+$/.test(q) || Number(q) < 1 || Number(q) > 100_000) errors.quantity = t('err_quantity');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    purchase: {
      title,
      price,
      currency: price === null ? (d.currency || null) : d.currency,
      date: d.date,
      category: d.category || null,
      quantity: Number(q),
    },
  };
}

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(y, mo - 1, da));
  return y >= 1970 && d.getUTCFullYear() === y && d.getUTCMonth() === mo - 1 && d.getUTCDate() === da;
}

export function AddPurchase({ send, today, defaultCurrency, onClose, onAdded }: AddPurchaseProps) {
  const [draft, setDraft] = useState<ManualDraft>({ title: '', price: '', currency: defaultCurrency, date: today, category: '', quantity: '1' });
  const [errors, setErrors] = useState<Partial<Record<keyof ManualDraft, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [categories, setCategories] = useState<Array<{ path: string }>>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call(send, { type: 'categories/list' })
      .then((r) => setCategories(r.categories))
      .catch(() => setCategories([]));
  }, []);

  const set = (k: keyof ManualDraft) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setDraft((d) => ({ ...d, [k]: value }));
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    const form = ev.currentTarget as HTMLFormElement;
    const r = validateManual(draft, today);
    if ('errors' in r) {
      setErrors(r.errors);
      // Focus the first field that needs attention, after the render that marks it.
      setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { purchase } = await call(send, { type: 'purchase/add', purchase: r.purchase });
      onAdded(purchase);
    } catch (e) {
      setFailure(t('add_failed', (e as Error).message));
      setBusy(false);
    }
  };

  const count = Object.keys(errors).length;

  return (
    <Dialog title={t('add_title')} onClose={onClose} testid="add-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate class="edit">
        {count > 0 && (
          <p role="alert" class="error">
            {t('form_errors', count)}
          </p>
        )}
        <Field label={t('add_what')} error={errors.title} id="add-title">
          <input value={draft.title} onInput={set('title')} maxLength={1000} autoComplete="off" />
        </Field>
        <Field label={t('quantity')} error={errors.quantity} id="add-qty">
          <input inputMode="numeric" value={draft.quantity} onInput={set('quantity')} />
        </Field>
        <Field label={t('unit_price_optional')} error={errors.price} id="add-price">
          <input inputMode="decimal" value={draft.price} onInput={set('price')} />
        </Field>
        <Field label={t('currency')} error={errors.currency} id="add-currency">
          <CurrencySelect value={draft.currency} onChange={(v) => setDraft((d) => ({ ...d, currency: v }))} allowNone />
        </Field>
        <Field label={t('date')} error={errors.date} id="add-date">
          <input type="date" value={draft.date} max={today} onInput={set('date')} onChange={set('date')} />
        </Field>
        <Field label={t('category')} error={errors.category} id="add-category" hint={t('category_auto_hint')}>
          <select value={draft.category} onChange={set('category')}>
            <option value="">{t('category_auto')}</option>
            {categories.map((c) => (
              <option key={c.path} value={c.path}>
                {c.path}
              </option>
            ))}
          </select>
        </Field>
        {failure && (
          <p role="alert" class="error">
            {failure}
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('add_submit')}
          </button>{' '}
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
