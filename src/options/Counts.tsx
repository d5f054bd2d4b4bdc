import { t } from '../i18n/t';

export function Counts({ counts }: { counts: { purchases: number; items: number; viewed: number; settings: number; months?: number } }) {
  return (
    <ul class="counts" data-testid="counts">
      <li>{t('count_purchases', counts.purchases)}</li>
      <li>{t('count_items', counts.items)}</li>
      <li>{t('count_viewed', counts.viewed)}</li>
      <li>{t('count_settings', counts.settings)}</li>
      {counts.months !== undefined && <li>{t('count_months', counts.months)}</li>}
    </ul>
  );
}
