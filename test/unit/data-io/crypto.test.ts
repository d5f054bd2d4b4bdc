import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  DEFAULT_ITERATIONS,
  WRONG_PASSPHRASE,
  decryptBackup,
  encryptBackup,
  fromBase64,
  isEncryptedBackup,
  parseEncryptedImport,
  toBase64,
  type BackupEnvelope,
} from '../../../src/data-io/crypto.ts';
import { exportEncrypted } from '../../../src/data-io/export-encrypted.ts';
import { exportJson } from '../../../src/data-io/export-json.ts';
import { applyImport, parseImport, type ImportError } from '../../../src/data-io/index.ts';
import type { FootprintDB } from '../../../src/store/db.ts';
import { wipeAll } from '../../../src/store/purchases.ts';
import { rebuildRollups } from '../../../src/store/rollups.ts';
import { closeDb, dump, FIXED_NOW, openDb, seed } from './helpers.ts';

const FAST = { iterations: 1000 };
const PASS = 'correct horse battery staple';

let db: FootprintDB;
let before: string;
beforeEach(async () => {
  db = await openDb('crypto');
  await seed(db, 4);
  await rebuildRollups(db);
  before = await dump(db);
});
afterEach(() => closeDb(db));

function env(text: string): BackupEnvelope {
  return JSON.parse(text) as BackupEnvelope;
}

/** Flips one base64 character in the middle of a field. */
function flip(b64: string, at = b64.length >> 1): string {
  const c = b64[at] === 'A' ? 'B' : 'A';
  return b64.slice(0, at) + c + b64.slice(at + 1);
}

async function expectRefused(text: string, passphrase: string, message: RegExp | string): Promise<void> {
  const r = await parseEncryptedImport(text, passphrase);
  expect(r.ok).toBe(false);
  const e = r as ImportError;
  if (typeof message === 'string') expect(e.error).toBe(message);
  else expect(e.error).toMatch(message);
  expect(await dump(db)).toBe(before);
}

describe('encrypted backup', () => {
  it('round trips: export → wipe → decrypt → import gives the same database', async () => {
    const backup = await exportEncrypted(db, FIXED_NOW, PASS, { ...FAST, app: '0.1.0' });
    expect(backup).not.toContain('Laptop stand');
    await wipeAll(db);
    const plan = await parseEncryptedImport(backup, PASS);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.app).toBe('0.1.0');
    const r = await applyImport(db, plan);
    expect(r.ok).toBe(true);
    expect(await dump(db)).toBe(before);
  });

  it('writes the documented envelope: PBKDF2-SHA-256, random 16-byte salt, AES-256-GCM, random 12-byte IV', async () => {
    const a = env(await encryptBackup('hello', PASS, FAST));
    const b = env(await encryptBackup('hello', PASS, FAST));
    expect(Object.keys(a)).toEqual(['format', 'v', 'kdf', 'cipher', 'iv', 'salt', 'data']);
    expect(a).toMatchObject({ format: BACKUP_FORMAT, v: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000 }, cipher: 'AES-256-GCM' });
    expect(fromBase64(a.salt)).toHaveLength(16);
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect(fromBase64(a.data)).toHaveLength(5 + 16); // plaintext + GCM tag
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('uses at least 600,000 PBKDF2 iterations by default (OWASP 2023)', async () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const text = await encryptBackup('{"x":1}', PASS);
    expect(env(text).kdf.iterations).toBe(DEFAULT_ITERATIONS);
    expect(await decryptBackup(text, PASS)).toEqual({ ok: true, text: '{"x":1}' });
  });

  it('refuses a wrong passphrase with a clear message, writing nothing', async () => {
    const backup = await exportEncrypted(db, FIXED_NOW, PASS, FAST);
    await expectRefused(backup, 'correct horse battery stapler', WRONG_PASSPHRASE);
    expect(WRONG_PASSPHRASE).toMatch(/wrong passphrase, or the file is damaged/i);
  });

  it('refuses a truncated file (cut anywhere) without writing', async () => {
    const backup = await exportEncrypted(db, FIXED_NOW, PASS, FAST);
    await expectRefused(backup.slice(0, backup.length - 1), PASS, /incomplete or damaged \(it is not valid JSON\)/);
    await expectRefused(backup.slice(0, 100), PASS, /incomplete or damaged/);
    const e = env(backup);
    // Valid JSON, but the ciphertext lost its end (tag included): GCM refuses it.
    await expectRefused(JSON.stringify({ ...e, data: e.data.slice(0, e.data.length - 8) }), PASS, WRONG_PASSPHRASE);
    await expectRefused(JSON.stringify({ ...e, data: e.data.slice(0, 12) }), PASS, /incomplete or damaged/);
  });

  it('refuses tampering with the ciphertext, the IV, the salt or the iteration count', async () => {
    const e = env(await exportEncrypted(db, FIXED_NOW, PASS, FAST));
    await expectRefused(JSON.stringify({ ...e, data: flip(e.data) }), PASS, WRONG_PASSPHRASE);
    await expectRefused(JSON.stringify({ ...e, iv: flip(e.iv, 2) }), PASS, WRONG_PASSPHRASE);
    await expectRefused(JSON.stringify({ ...e, salt: flip(e.salt, 2) }), PASS, WRONG_PASSPHRASE);
    await expectRefused(JSON.stringify({ ...e, kdf: { ...e.kdf, iterations: 1001 } }), PASS, WRONG_PASSPHRASE);
    await expectRefused(JSON.stringify({ ...e, kdf: { ...e.kdf, iterations: 1e12 } }), PASS, /bad iteration count/);
    await expectRefused(JSON.stringify({ ...e, iv: 'not base64!' }), PASS, /incomplete or damaged/);
    await expectRefused(JSON.stringify({ ...e, iv: toBase64(new Uint8Array(8)) }), PASS, /incomplete or damaged/);
    await expectRefused(JSON.stringify({ ...e, kdf: { ...e.kdf, hash: 'SHA-1' } }), PASS, /unknown key derivation/);
    await expectRefused(JSON.stringify({ ...e, v: 2 }), PASS, /newer version of Local Footprint/);
  });

  it('checks the decrypted export like any other file', async () => {
    const bad = await encryptBackup('{"format":"local-footprint-export","schemaVersion":1,"tables":{"purchases":[{}],"items":[],"viewed":[],"settings":[]}}', PASS, FAST);
    await expectRefused(bad, PASS, /purchases\[0\]\.id is missing/);
    await expectRefused(await encryptBackup('not json', PASS, FAST), PASS, /not valid JSON/);
  });

  it('tells the two kinds of file apart', async () => {
    const backup = await exportEncrypted(db, FIXED_NOW, PASS, FAST);
    const plain = await exportJson(db, FIXED_NOW);
    expect(isEncryptedBackup(backup)).toBe(true);
    expect(isEncryptedBackup(`\uFEFF${backup}`)).toBe(true);
    expect(isEncryptedBackup(plain)).toBe(false);
    expect((parseImport(backup) as ImportError).error).toBe('This is an encrypted backup: import it with its passphrase.');
    await expectRefused(plain, PASS, /not an encrypted Local Footprint backup/);
    await expectRefused('', PASS, /empty/);
    await expectRefused('[1]', PASS, /not a Local Footprint backup/);
  });

  it('wants a passphrase of 8 characters or more, and reads it the same in any Unicode form', async () => {
    await expect(encryptBackup('x', 'short', FAST)).rejects.toThrow(/at least 8 characters/);
    const nfd = 'cafe\u0301 cre\u0300me';
    const nfc = nfd.normalize('NFC');
    expect(nfd).not.toBe(nfc);
    const text = await encryptBackup('secret', nfd, FAST);
    expect(await decryptBackup(text, nfc)).toEqual({ ok: true, text: 'secret' });
    expect((await decryptBackup(text, '')).ok).toBe(false);
  });

  it('encodes base64 in slices, exactly', () => {
    const bytes = new Uint8Array(200_003);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    const b64 = toBase64(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(fromBase64(b64)!).equals(Buffer.from(bytes))).toBe(true);
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab=c')).toBeNull();
    expect(fromBase64(12)).toBeNull();
  });
});
