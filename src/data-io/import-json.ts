/**
 * Import of a JSON export, in two steps: `parseImport` (parse-import.ts: checks the whole file, writes
 * nothing, runs in pages too) and `previewImport` / `applyImport` (apply-import.ts: what the plan does to
 * the database, and doing it in one transaction). Kept as one entry point for existing callers.
 */
export {
  MAX_PROBLEMS,
  PlanBuilder,
  checkFileSize,
  parseImport,
  utf8Length,
  type ImportError,
  type ImportOptions,
  type ImportPlan,
  type ImportPreview,
  type ImportResult,
  type ParseOptions,
} from './parse-import';
export { applyImport, prepareImport, previewImport } from './apply-import';
