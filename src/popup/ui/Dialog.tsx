import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../../i18n/t';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** `alertdialog` for confirmations of something that cannot be undone. */
  role?: 'dialog' | 'alertdialog';
  /** Where focus goes on close when the element that opened the dialog is gone. */
  fallbackFocus?: () => HTMLElement | null;
  testid?: string;
}

/**
 * A modal dialog: focus moves in, Tab stays inside, Escape closes, and focus returns to the control
 * that opened it (or to `fallbackFocus` when that control no longer exists).
 */
export function Dialog({ title, onClose, children, role = 'dialog', fallbackFocus, testid }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const doc = ref.current?.ownerDocument ?? document;
    const previous = doc.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? ref.current)?.focus();
    return () => {
      const target = previous && previous.isConnected && previous !== doc.body ? previous : (fallbackFocus?.() ?? null);
      target?.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closeRef.current();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = ref.current.ownerDocument.activeElement;
    if (e.shiftKey && (active === first || active === ref.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeRef.current()}>
      <div role={role} aria-modal="true" aria-labelledby={id} class="dialog" ref={ref} tabIndex={-1} onKeyDown={onKeyDown} data-testid={testid}>
        <div class="dialog-head">
          <h2 id={id}>{title}</h2>
          <button type="button" class="icon" onClick={() => closeRef.current()} aria-label={t('dialog_close')}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
