import en from '../../public/_locales/en/messages.json';

/** Every message key; the English file is the reference (de and fr must have the same keys). */
export type MessageKey = keyof typeof en;

export type GetMessage = (key: string, substitutions?: string | string[]) => string;

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const EN = en as Record<string, Entry>;

let source: GetMessage | null = null;

/** The entrypoints pass `browser.i18n.getMessage`; tests leave it unset and get English. */
export function setMessageSource(getMessage: GetMessage | null): void {
  source = getMessage;
}

/**
 * Localised text for `key`. `$1`…`$9` in a message take the substitutions, as `i18n.getMessage` does.
 * An empty answer from the browser (unknown key, or no browser) falls back to the English file.
 */
export function t(key: MessageKey, substitutions?: string | number | ReadonlyArray<string | number>): string {
  const subs = substitutions === undefined ? [] : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  if (source) {
    try {
      const text = source(key, subs);
      if (text) return text;
    } catch {
      // fall through to English
    }
  }
  return fallback(key, subs);
}

/** Chrome's rules, reduced: named placeholders first, then `$1`…`$9`, then `$$` → `$`. */
export function fallback(key: string, subs: readonly string[]): string {
  const entry = EN[key];
  if (!entry) return key;
  let text = entry.message;
  if (entry.placeholders) {
    for (const [name, ph] of Object.entries(entry.placeholders)) {
      text = text.split(`$${name}$`).join(ph.content);
    }
  }
  return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}
