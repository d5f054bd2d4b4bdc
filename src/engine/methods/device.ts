import { DEVICES } from '../../data/generated/devices.odbl';
import { SECOND_HAND } from '../../data/second-hand';
import type { DeviceClass } from '../../data/categories';
import type { Condition } from '../parse-title';
import { parseInches } from '../parse-title';
import { position, type MethodResult } from './types';

interface Dist { n: number; p10: number; p25: number; median: number; p75: number; p90: number }
interface DeviceRow extends Dist { errorRatio: number; manufacturingShare: number; bands?: Record<string, Dist> }

const rows = DEVICES.rows as unknown as Record<string, DeviceRow>;
const bandLimits = DEVICES.bandLimits as unknown as Record<string, Array<[string, number, number]>>;

const LABEL: Record<string, string> = {
  laptop: 'laptop', desktop: 'desktop computer', 'desktop-mini': 'mini desktop', tablet: 'tablet', monitor: 'monitor', tv: 'large display',
  smartphone: 'smartphone', console: 'games console', smartwatch: 'smartwatch', 'smart-speaker': 'speaker', streaming: 'streaming player', router: 'router',
};

const MINI = /\b(mini|tiny|micro|nano|nuc)\b/i;

/**
 * Product-level: the median of manufacturers' reports for the class (Boavizta), narrowed by
 * screen size where the title gives it; the range is p10-p90 widened by the reports' own error.
 */
export function deviceEstimate(cls: DeviceClass, title: string, condition: Condition): MethodResult | null {
  let key: string = cls;
  if (cls === 'desktop' && MINI.test(title)) key = 'desktop-mini';
  const row = rows[key];
  if (!row) return null;
  const inches = key === 'laptop' || key === 'monitor' || key === 'tv' ? parseInches(title) : null;
  let dist: Dist = row;
  let band: string | null = null;
  if (inches !== null && row.bands) {
    for (const [label, lo, hi] of bandLimits[key] ?? []) {
      if (inches > lo && inches <= hi && row.bands[label]) { dist = row.bands[label]!; band = label; }
    }
  }
  const label = LABEL[key] ?? key;
  let kg = dist.median;
  let low = dist.p10 * (1 - row.errorRatio);
  let high = dist.p90 * (1 + row.errorRatio);
  let hint: string | null = null;
  let note: string | null = null;
  const m = row.manufacturingShare;
  const cut = m * SECOND_HAND.device.avoidedManufacturingShare;
  if (condition !== 'new') {
    kg *= 1 - cut; low *= 1 - cut; high *= 1 - cut;
    note = `${condition}: ${Math.round(cut * 100)} % less (manufacturing is ${Math.round(m * 100)} % of a typical ${label}'s footprint; ${SECOND_HAND.device.why})`;
  } else {
    hint = `A refurbished ${label} usually avoids most of the manufacturing footprint, about ${Math.round(cut * 100)} % of the total for a typical one.`;
  }
  const comparison = band
    ? `a ${band}-inch ${label} is ${position(dist.median, row)} for a ${label} (${dist.n} manufacturer reports at this size)`
    : `the median ${label} of ${row.n} manufacturer reports; half of them lie between ${Math.round(row.p25)} and ${Math.round(row.p75)} kg`;
  return {
    kg, low, high,
    method: 'device',
    factor: dist.median,
    factorUnit: 'kg CO2e per device (median of manufacturer reports, whole life cycle)',
    source: `${DEVICES.source}; ${DEVICES.licence}`,
    inputs: { deviceClass: key, screenInches: inches, sizeBand: band, reports: dist.n, p10: dist.p10, p90: dist.p90, errorRatio: row.errorRatio, condition },
    comparison,
    hint,
    note,
  };
}

export function deviceDistribution(cls: string): Dist | undefined {
  return rows[cls];
}
