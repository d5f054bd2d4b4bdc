import { cloneElement, type VNode } from 'preact';
import { t } from '../../i18n/t';
import { currencyCodes, currencyName } from '../format';

/** A label, one control and its error message, wired with aria-invalid and aria-describedby. */
export function Field({ label, error, id, hint, children }: { label: string; error: string | undefined; id: string; hint?: string; children: VNode }) {
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;
  const control = cloneElement(children, {
    id,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy,
  } as Record<string, unknown>);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      {hint && (
        <span id={hintId} class="muted small">
          {hint}
        </span>
      )}
      {error && (
        <span id={errId} class="field-error">
          {t('error_prefix')} {error}
        </span>
      )}
    </div>
  );
}

export interface CurrencySelectProps {
  value: string;
  onChange: (v: string) => void;
  allowNone?: boolean;
  id?: string;
  names?: boolean;
  [aria: `aria-${string}`]: string | undefined;
}

/** ISO 4217 currencies, from the browser's own list. */
export function CurrencySelect({ value, onChange, allowNone, names, ...rest }: CurrencySelectProps) {
  const codes = currencyCodes();
  return (
    <select {...rest} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      {allowNone && <option value="">{t('currency_none')}</option>}
      {value && !codes.includes(value) && <option value={value}>{value}</option>}
      {codes.map((c) => (
        <option key={c} value={c}>
          {names ? currencyName(c) : c}
        </option>
      ))}
    </select>
  );
}
