import type { FootprintDB } from '../store/db';
import { encryptBackup, type EncryptOptions } from './crypto';
import { exportJson, type ExportOptions } from './export-json';

/** The database as an encrypted backup (the JSON export inside), in one call. */
export async function exportEncrypted(db: FootprintDB, now: number, passphrase: string, options: ExportOptions & EncryptOptions = {}): Promise<string> {
  return encryptBackup(await exportJson(db, now, options), passphrase, options);
}
