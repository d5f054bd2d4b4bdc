import { useEffect, useId, useState } from 'preact/hooks';
import type { ItemView, PurchaseWithItems } from '../store/purchases';
import { DATA_VERSION } from '../data/generated/version';
import { t } from '../i18n/t';
import { call, type PageSend } from './api';
import { Dialog } from './ui/Dialog';
import { CurrencySelect, Field } from './ui/Field';
import { estimateText, methodText, parseAmount, purchaseKg, rangeText } from './format';

export interface PurchaseDialogProps {
  send: PageSend;
  purchase: PurchaseWithItems;
  onClose: () => void;
  /** After an edit or delete: the purchase as it is now, or null when it is gone. */
  onChanged: (p: PurchaseWithItems | null) => void;
  fallbackFocus?: () => HTMLElement | null;
}

type Categories = Array<{ path: string }>;

export function PurchaseDialog({ send, purchase, onClose, onChanged, fallbackFocus }: PurchaseDialogProps) {
  const [p, setP] = useState(purchase);
  const [open, setOpen] = useState<string | null>(purchase.items.length === 1 ? (purchase.items[0]?.id ?? null) : null);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [categories, setCategories] = useState<Categories | null>(null);

  const loadCategories = async () => {
    if (categories) return;
    try {
      setCategories((await call(send, { type: 'categories/list' })).categories);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const changed = (next: PurchaseWithItems | null) => {
    onChanged(next);
    if (next) setP(next);
    else onClose();
  };

  const deletePurchase = async () => {
    try {
      await call(send, { type: 'purchase/delete', id: p.id });
      changed(null);
    } catch (e) {
      setError(t('delete_failed', (e as Error).message));
    }
  };

  return (
    <Dialog title={t('purchase_title', [p.shop === 'manual' ? t('shop_manual') : p.shop, p.date])} onClose={onClose} fallbackFocus={fallbackFocus} testid="purchase-dialog">
      <p>
        <strong>{purchaseKg(p)}</strong>
        {p.itemCount > p.unknownItems && p.low !== p.high && <> · {rangeText(p.low, p.high)}</>}
        {p.orderId && <> · {t('order_number', p.orderId)}</>}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <ul class="d-items">
        {p.items.map((it) => (
          <li key={it.id}>
            <div class="d-item-head">
              <span class="title">
                {it.quantity > 1 ? `${it.quantity} × ` : ''}
                {it.title}
              </span>
              <span class="kg">{estimateText(it.estimate)}</span>
              {it.edited && <span class="tag">{t('edited')}</span>}
            </div>
            <button type="button" class="link" aria-expanded={open === it.id} onClick={() => setOpen(open === it.id ? null : it.id)}>
              {t('how_estimated')}
            </button>
            {open === it.id && (
              <ItemDetails
                send={send}
                item={it}
                categories={categories}
                loadCategories={loadCategories}
                onChanged={changed}
                onError={setError}
              />
            )}
          </li>
        ))}
      </ul>
      <div class="actions">
        {!confirmDelete ? (
          <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
            {t('delete_purchase')}
          </button>
        ) : (
          <div role="group" aria-label={t('delete_purchase')} class="confirm">
            <p>{t('delete_purchase_confirm', p.itemCount)}</p>
            <button type="button" class="danger" onClick={() => void deletePurchase()}>
              {t('delete_purchase_yes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('cancel')}
            </button>
          </div>
        )}
      </div>
    </Dialog>
  );
}

function ItemDetails({
  send,
  item,
  categories,
  loadCategories,
  onChanged,
  onError,
}: {
  send: PageSend;
  item: ItemView;
  categories: Categories | null;
  loadCategories: () => Promise<void>;
  onChanged: (p: PurchaseWithItems | null) => void;
  onError: (m: string | null) => void;
}) {
  const e = item.estimate;
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const range = rangeText(e.low, e.high);
  const inputs = Object.entries(e.inputs ?? {});

  const deleteItem = async () => {
    try {
      const r = await call(send, { type: 'item/delete', itemId: item.id });
      onError(null);
      onChanged(r.purchase);
    } catch (err) {
      onError(t('delete_failed', (err as Error).message));
    }
  };

  return (
    <div class="details" data-testid="item-details">
      <dl>
        <dt>{t('estimate')}</dt>
        <dd>
          {estimateText(e)}
          {e.kg !== null && range && ` (${range})`}
        </dd>
        <dt>{t('method')}</dt>
        <dd>{methodText(e.method)}</dd>
        <dt>{t('category')}</dt>
        <dd>{e.category ?? t('category_unknown')}</dd>
        {e.factor !== null && (
          <>
            <dt>{t('factor')}</dt>
            <dd>
              {formatFactor(e.factor)} {e.factorUnit ?? ''}
            </dd>
          </>
        )}
        <dt>{t('source')}</dt>
        <dd>{e.source ?? t('none')}</dd>
        <dt>{t('data_version')}</dt>
        <dd>
          {e.dataVersion}
          {e.otherDataVersion && <p class="muted small" data-testid="other-data-version">{t('data_version_other', [e.dataVersion, DATA_VERSION])}</p>}
        </dd>
        {e.comparison && (
          <>
            <dt>{t('comparison')}</dt>
            <dd>{e.comparison}</dd>
          </>
        )}
        {e.hint && (
          <>
            <dt>{t('hint')}</dt>
            <dd>{e.hint}</dd>
          </>
        )}
        {e.note && (
          <>
            <dt>{t('note')}</dt>
            <dd>{e.note}</dd>
          </>
        )}
      </dl>
      {inputs.length > 0 && (
        <table class="inputs">
          <caption>{t('inputs')}</caption>
          <tbody>
            {inputs.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v === null ? '–' : String(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <EditItem
          send={send}
          item={item}
          categories={categories}
          loadCategories={loadCategories}
          onDone={(p) => {
            setEditing(false);
            if (p) onChanged(p);
          }}
        />
      ) : (
        <div class="actions">
          <button type="button" onClick={() => setEditing(true)}>
            {t('edit')}
          </button>{' '}
          {!confirmDelete ? (
            <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
              {t('delete_item')}
            </button>
          ) : (
            <span role="group" aria-label={t('delete_item')}>
              <button type="button" class="danger" onClick={() => void deleteItem()}>
                {t('delete_item_yes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmDelete(false)}>
                {t('cancel')}
              </button>
            </span>
          )}
        </div>
      )}
    </div>
  );
}

function formatFactor(f: number): string {
  return Math.abs(f) >= 0.01 ? String(Math.round(f * 10_000) / 10_000) : f.toPrecision(3);
}

function EditItem({
  send,
  item,
  categories,
  loadCategories,
  onDone,
}: {
  send: PageSend;
  item: ItemView;
  categories: Categories | null;
  loadCategories: () => Promise<void>;
  onDone: (p: PurchaseWithItems | null) => void;
}) {
  const [category, setCategory] = useState(item.category);
  const [quantity, setQuantity] = useState(String(item.quantity));
  const [price, setPrice] = useState(item.price === null ? '' : String(item.price));
  const [currency, setCurrency] = useState(item.currency ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const uid = useId();

  useEffect(() => {
    void loadCategories();
  }, []);

  const submit = async (ev: Event) => {
    ev.preventDefault();
    const errs: Record<string, string> = {};
    const q = Number(quantity);
    if (!/^\d+$/.test(quantity.trim()) || q < 1 || q > 100_000) errs.quantity = t('err_quantity');
    const pr = parseAmount(price);
    if (pr !== null && (Number.isNaN(pr) || pr > 1e12)) errs.price = t('err_price');
    if (pr !== null && !currency) errs.currency = t('err_currency');
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      const first = (ev.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await call(send, {
        type: 'item/update',
        itemId: item.id,
        patch: { category: category === '' ? null : category, quantity: q, price: pr, currency: currency || null },
      });
      onDone(r.purchase);
    } catch (e) {
      setFailure(t('save_failed', (e as Error).message));
      setBusy(false);
    }
  };

  const cats = categories ?? [];
  const known = cats.some((c) => c.path === category);

  return (
    <form class="edit" onSubmit={(e) => void submit(e)} noValidate aria-label={t('edit_item')}>
      <label>
        {t('category')}
        <select value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
          <option value="">{t('category_auto')}</option>
          {category && !known && <option value={category}>{category}</option>}
          {cats.map((c) => (
            <option key={c.path} value={c.path}>
              {c.path}
            </option>
          ))}
        </select>
      </label>
      <Field label={t('quantity')} error={errors.quantity} id={`q-${uid}`}>
        <input inputMode="numeric" value={quantity} onInput={(e) => setQuantity((e.target as HTMLInputElement).value)} />
      </Field>
      <Field label={t('unit_price')} error={errors.price} id={`p-${uid}`}>
        <input inputMode="decimal" value={price} onInput={(e) => setPrice((e.target as HTMLInputElement).value)} />
      </Field>
      <Field label={t('currency')} error={errors.currency} id={`c-${uid}`}>
        <CurrencySelect value={currency} onChange={setCurrency} allowNone />
      </Field>
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>{' '}
        <button type="button" onClick={() => onDone(null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
