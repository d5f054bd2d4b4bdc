/** The user's local calendar date as YYYY-MM-DD (not UTC: a purchase at 23:30 belongs to that day). */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
