/** Data ownership: export (JSON, CSV, whole or paged), encrypted backups, validated atomic import (whole or staged), wipe summary. */
export { EXPORT_FORMAT, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type DateRange, type ExportFile, type TableCounts } from './format';
export { buildExport, exportFileName, exportJson, type ExportOptions } from './export-json';
export { exportPage, exportStart, piped, type ExportPage, type ExportStart } from './export-page';
export { CSV_BOM, CSV_COLUMNS, csvCell, csvPage, exportCsv, toCsv, type CsvCursor, type CsvPage } from './export-csv';
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
export { ImportFailure, ImportStaging, INTERRUPTED, type StageStart } from './staging';
export {
  BACKUP_FORMAT,
  DEFAULT_ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  WRONG_PASSPHRASE,
  decryptBackup,
  encryptBackup,
  isEncryptedBackup,
  parseEncryptedImport,
  type BackupEnvelope,
} from './crypto';
export { exportEncrypted } from './export-encrypted';
export { describeWipe, type WipeSummary } from './wipe';
