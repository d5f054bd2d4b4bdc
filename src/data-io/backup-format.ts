/** Format tag of the encrypted backup envelope (see `crypto.ts`). */
export const BACKUP_FORMAT = 'local-footprint-backup';
