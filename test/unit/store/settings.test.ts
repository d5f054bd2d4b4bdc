import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings, validateSettingsPatch } from '../../../src/store/settings';

describe('settings', () => {
  it('merges stored values with defaults field by field', () => {
    expect(mergeSettings({ capturePaused: true })).toEqual({ ...DEFAULT_SETTINGS, capturePaused: true });
  });

  it('ignores invalid stored values and unknown keys instead of resetting everything', () => {
    const s = mergeSettings({ capturePaused: 'yes', badgeMode: 'toolbar', nonsense: 1, viewedRetentionDays: -4 });
    expect(s.capturePaused).toBe(false);
    expect(s.badgeMode).toBe('toolbar');
    expect(s.viewedRetentionDays).toBe(DEFAULT_SETTINGS.viewedRetentionDays);
    expect(s).not.toHaveProperty('nonsense');
  });

  it.each([
    [{ badgeMode: 'toolbar' }, true],
    [{ displayCurrency: 'EUR' }, true],
    [{ displayCurrency: 'euro' }, false],
    [{ disabledShops: ['amazon.com'] }, true],
    [{ disabledShops: [''] }, false],
    [{ unknown: true }, false],
    [JSON.parse('{"__proto__": {"capturePaused": true}}'), false],
    [[], false],
    [null, false],
  ])('patch %j valid: %s', (patch, ok) => {
    expect(validateSettingsPatch(patch) !== null).toBe(ok);
  });
});
