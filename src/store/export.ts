/** Kept for existing callers; the export lives in src/data-io (complete, versioned, with counts and app version). */
export { EXPORT_FORMAT } from '../data-io/format';
export { exportJson } from '../data-io/export-json';
