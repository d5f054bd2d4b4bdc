/** Data ownership: export (JSON, CSV), encrypted backups, validated atomic import, wipe summary. */
export { EXPORT_FORMAT, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type DateRange, type ExportFile, type TableCounts } from './format';
export { buildExport, exportFileName, exportJson, type ExportOptions } from './export-json';
export { CSV_BOM, CSV_COLUMNS, csvCell, exportCsv, toCsv } from './export-csv';
export {
  applyImport,
  checkFileSize,
  parseImport,
  prepareImport,
  previewImport,
  type ImportError,
  type ImportOptions,
  type ImportPlan,
  type ImportPreview,
  type ImportResult,
  type ParseOptions,
} from './import-json';
export {
  BACKUP_FORMAT,
  DEFAULT_ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  WRONG_PASSPHRASE,
  decryptBackup,
  encryptBackup,
  exportEncrypted,
  isEncryptedBackup,
  parseEncryptedImport,
  type BackupEnvelope,
} from './crypto';
export { describeWipe, type WipeSummary } from './wipe';
