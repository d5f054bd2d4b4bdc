import { BACKUP_FORMAT } from './backup-format';
import { MAX_IMPORT_BYTES } from './format';
import { parseImport, utf8Length, type ImportError, type ImportPlan, type ParseOptions } from './parse-import';

/**
 * Passphrase-protected backups, with WebCrypto only (globalThis.crypto.subtle, in browsers and Node ≥ 20).
 *
 * - Key: PBKDF2-SHA-256 over the passphrase (Unicode NFC, so the same passphrase typed on macOS and on
 *   Windows gives the same key), a random 16-byte salt, 600,000 iterations by default (OWASP 2023).
 * - Cipher: AES-256-GCM, random 12-byte IV, 128-bit tag; the envelope's format tag and version are bound
 *   as additional data. GCM authenticates: a wrong passphrase, a flipped bit or a cut file all fail
 *   to decrypt; nothing is ever decrypted partially, and nothing is written before the whole plaintext
 *   has passed `parseImport`.
 * - Envelope, JSON: `{"format":"local-footprint-backup","v":1,"kdf":{"name":"PBKDF2","hash":"SHA-256",
 *   "iterations":600000},"cipher":"AES-256-GCM","iv":"<base64>","salt":"<base64>","data":"<base64>"}`,
 *   where `data` is the ciphertext (with its tag) of the UTF-8 JSON export.
 *
 * There is no way to recover a forgotten passphrase.
 *
 * No database here: the options page encrypts the file it assembled and decrypts a backup before it checks
 * it, so the passphrase never leaves the page (`exportEncrypted` in export-encrypted.ts is the background's
 * one-call version, for tests and small databases).
 */

export { BACKUP_FORMAT };
export const BACKUP_VERSION = 1;
export const DEFAULT_ITERATIONS = 600_000;
/** Upper bound accepted when reading a file, so a crafted envelope cannot make the import spin for hours. */
export const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE_LENGTH = 8;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  v: typeof BACKUP_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number };
  cipher: 'AES-256-GCM';
  iv: string;
  salt: string;
  data: string;
}

export interface EncryptOptions {
  /** PBKDF2 iterations; default 600,000. Lower values are for tests only. */
  iterations?: number;
}

export const WRONG_PASSPHRASE = 'Wrong passphrase, or the file is damaged. Nothing was imported.';

function fail(message: string): ImportError {
  return { ok: false, error: message, problems: [message], more: false };
}

function aad(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${BACKUP_FORMAT}/${BACKUP_VERSION}`);
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** Encrypts any text (normally `exportJson` output) into an envelope, as JSON text. */
export async function encryptBackup(plaintext: string, passphrase: string, options: EncryptOptions = {}): Promise<string> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) throw new RangeError('bad iteration count');
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new RangeError(`Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const data = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(), tagLength: 128 },
    key,
    new TextEncoder().encode(plaintext),
  );
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT,
    v: BACKUP_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations },
    cipher: 'AES-256-GCM',
    iv: toBase64(iv),
    salt: toBase64(salt),
    data: toBase64(new Uint8Array(data)),
  };
  return JSON.stringify(envelope);
}

/** Cheap sniff for the file picker: is this text an encrypted backup (ask for the passphrase) or not? */
export function isEncryptedBackup(text: string): boolean {
  return /^\uFEFF?\s*\{\s*"format"\s*:\s*"local-footprint-backup"/.test(text.slice(0, 200));
}

/**
 * Decrypts an envelope. Errors: not a backup, damaged envelope, unsupported version, and — for a wrong
 * passphrase or any change to the ciphertext, IV or salt — `WRONG_PASSPHRASE` (GCM cannot tell them apart).
 */
export async function decryptBackup(text: string, passphrase: string, options: ParseOptions = {}): Promise<{ ok: true; text: string } | ImportError> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  // Base64 makes the payload 4/3 larger; the envelope's own fields are small.
  const maxEnvelope = Math.ceil((maxBytes + 16) / 3) * 4 + 4096;
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > maxEnvelope || (text.length * 3 > maxEnvelope && utf8Length(text) > maxEnvelope)) {
    return fail('The backup file is too large. Nothing was imported.');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('The file is empty.');
  let env: unknown;
  try {
    env = JSON.parse(text);
  } catch {
    return fail('The backup file is incomplete or damaged (it is not valid JSON). Nothing was imported.');
  }
  if (env === null || typeof env !== 'object' || Array.isArray(env)) return fail('The file is not a Local Footprint backup.');
  const e = env as Record<string, unknown>;
  if (!Object.hasOwn(e, 'format') || e.format !== BACKUP_FORMAT) return fail('The file is not an encrypted Local Footprint backup.');
  if (e.v !== BACKUP_VERSION) {
    return fail(typeof e.v === 'number' && e.v > BACKUP_VERSION
      ? 'The backup was made by a newer version of Local Footprint. Update the extension, then import again.'
      : 'The backup file is damaged (unknown envelope version).');
  }
  const kdf = e.kdf as Record<string, unknown> | null | undefined;
  if (!kdf || typeof kdf !== 'object' || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') return fail('The backup file is damaged (unknown key derivation).');
  const iterations = kdf.iterations;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    return fail('The backup file is damaged (bad iteration count).');
  }
  if (Object.hasOwn(e, 'cipher') && e.cipher !== 'AES-256-GCM') return fail('The backup file is damaged (unknown cipher).');
  const iv = fromBase64(e.iv);
  const salt = fromBase64(e.salt);
  const data = fromBase64(e.data);
  if (!iv || iv.length !== IV_BYTES || !salt || salt.length !== SALT_BYTES || !data || data.length < 16) {
    return fail('The backup file is incomplete or damaged. Nothing was imported.');
  }
  if (typeof passphrase !== 'string' || passphrase.length === 0) return fail('Enter the passphrase of the backup.');
  let plain: ArrayBuffer;
  try {
    const key = await deriveKey(passphrase, salt, iterations, 'decrypt');
    plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad(), tagLength: 128 }, key, data);
  } catch {
    return fail(WRONG_PASSPHRASE);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return fail('The backup file is damaged (its content is not text). Nothing was imported.');
  }
}

/** Decrypts then checks the whole export inside (`parseImport`); apply the plan with `applyImport`. */
export async function parseEncryptedImport(text: string, passphrase: string, options: ParseOptions = {}): Promise<ImportPlan | ImportError> {
  const r = await decryptBackup(text, passphrase, options);
  if (!r.ok) return r;
  return parseImport(r.text, options);
}

/** Base64 in slices, so a 100 MB backup never builds one giant intermediate string per byte. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 16384;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const sub = bytes.subarray(i, i + CHUNK);
    parts.push(btoa(String.fromCharCode.apply(null, sub as unknown as number[])));
  }
  return parts.join('');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (standard alphabet, padded); null when it is not. */
export function fromBase64(v: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof v !== 'string' || v.length % 4 !== 0 || !BASE64.test(v)) return null;
  const pad = v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((v.length / 4) * 3 - pad);
  const CHUNK = 4 * 16384;
  let o = 0;
  try {
    for (let i = 0; i < v.length; i += CHUNK) {
      const bin = atob(v.slice(i, i + CHUNK));
      for (let j = 0; j < bin.length; j++) out[o++] = bin.charCodeAt(j);
    }
  } catch {
    return null;
  }
  return o === out.length ? out : null;
}
