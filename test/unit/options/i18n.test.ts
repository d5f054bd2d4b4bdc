import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fallback, setMessageSource, t } from '../../../src/i18n/t';
import { REPO_ROOT } from '../../shared';

type Messages = Record<string, { message: string; description?: string }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(resolve(REPO_ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Messages;
const en = load('en');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('translations', () => {
  afterEach(() => setMessageSource(null));

  for (const lang of ['de', 'fr']) {
    it(`${lang} has exactly the keys of en, with the same substitutions`, () => {
      const other = load(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(en)) {
        const subs = (s: string) => [...s.matchAll(/\$([1-9])/g)].map((m) => m[1]).sort();
        expect(subs(other[k]!.message), `${lang}.${k}`).toEqual(subs(v.message));
        expect(other[k]!.message.trim(), `${lang}.${k}`).not.toBe('');
      }
    });
  }

  it('keys are valid message names', () => {
    for (const k of Object.keys(en)) expect(k).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('every key used in src/ and entrypoints/ exists in en', () => {
    const used = new Set<string>();
    for (const f of [...files(resolve(REPO_ROOT, 'src')), ...files(resolve(REPO_ROOT, 'entrypoints'))]) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !Object.hasOwn(en, k));
    expect(missing).toEqual([]);
    const unused = Object.keys(en).filter((k) => !used.has(k));
    expect(unused).toEqual([]);
  });

  it('t falls back to English and substitutes $1…$9', () => {
    expect(t('kg_co2e', '12')).toBe('12 kg CO2e');
    expect(t('range', ['1.0', '3.0'])).toBe('range 1.0–3.0 kg');
    expect(fallback('nope', [])).toBe('nope');
    setMessageSource(() => '');
    expect(t('cancel')).toBe('Cancel');
    const de = load('de');
    setMessageSource((key, subs) => fallbackFrom(de, key, subs));
    expect(t('car_km', 5)).toBe('≈ 5 km mit dem Auto');
  });
});

function fallbackFrom(m: Messages, key: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return (m[key]?.message ?? '').replace(/\$([1-9])/g, (_, d: string) => list[Number(d) - 1] ?? '');
}
