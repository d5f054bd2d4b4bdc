import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Reads Firefox's IndexedDB files from a profile on disk. Each IndexedDB database is one SQLite file under
 * `<profile>/storage/default/<origin>/idb/<hash>.sqlite`; an extension's origin directory is
 * `moz-extension+++<uuid>` (Firefox 153; older versions add `^userContextId=…`; the UUID is random per profile). Object store names are
 * in the `object_store` table, records in `object_data` (one row per record). Node 20 has no SQLite, so this
 * runs Python's sqlite3 module, on a copy of the files so that a running Firefox is never disturbed.
 *
 * Purchases are packed one record per day since schema 4 (src/store/packs.ts), so records no longer count
 * them: `purchases` counts the purchase ids in the `days` records. Firefox stores a value as a structured
 * clone compressed with raw Snappy; the reader decompresses it (a few lines: Python has no Snappy module
 * here) and counts the id prefix `<shop>|` (every purchase id starts with its shop and a bar, and nothing
 * else in a row does), where ASCII text lies as plain bytes.
 */

export interface IdbDatabase {
  /** The IndexedDB name, from the file's `database` table. */
  name: string;
  origin: string;
  file: string;
  /** Records per object store. */
  counts: Record<string, number>;
  /** Purchases of the shop asked for, counted inside the `days` records. */
  purchases: number;
}

const READER = String.raw`
import json, sqlite3, sys

def unsnappy(b):
    n, shift, i = 0, 0, 0
    while True:
        c = b[i]; i += 1
        n |= (c & 0x7f) << shift; shift += 7
        if c < 0x80: break
    out = bytearray()
    while i < len(b):
        tag = b[i]; i += 1; kind = tag & 3
        if kind == 0:
            ln = tag >> 2
            if ln >= 60:
                k = ln - 59; ln = int.from_bytes(b[i:i + k], 'little'); i += k
            ln += 1; out += b[i:i + ln]; i += ln
            continue
        if kind == 1:
            ln = ((tag >> 2) & 7) + 4; off = ((tag >> 5) << 8) | b[i]; i += 1
        elif kind == 2:
            ln = (tag >> 2) + 1; off = int.from_bytes(b[i:i + 2], 'little'); i += 2
        else:
            ln = (tag >> 2) + 1; off = int.from_bytes(b[i:i + 4], 'little'); i += 4
        for _ in range(ln): out.append(out[-off])
    if len(out) != n: raise ValueError('bad snappy data')
    return bytes(out)

needle = sys.argv[1].encode()
out = []
for path in sys.argv[2:]:
    con = sqlite3.connect(path)
    try:
        name = con.execute("select name from database").fetchone()[0]
        counts = {n: c for (n, c) in con.execute(
            "select s.name, count(d.object_store_id) from object_store s "
            "left join object_data d on d.object_store_id = s.id group by s.id, s.name")}
        purchases = 0
        for (data,) in con.execute(
                "select d.data from object_data d join object_store s on d.object_store_id = s.id where s.name = 'days'"):
            purchases += unsnappy(bytes(data)).count(needle)
        out.append({"file": path, "name": name, "counts": counts, "purchases": purchases})
    finally:
        con.close()
print(json.dumps(out))
`;

/** Every IndexedDB file of every moz-extension origin in the profile. */
export function extensionIdbFiles(profileDir: string): Array<{ origin: string; file: string }> {
  const root = join(profileDir, 'storage', 'default');
  if (!existsSync(root)) return [];
  const out: Array<{ origin: string; file: string }> = [];
  for (const origin of readdirSync(root)) {
    if (!origin.startsWith('moz-extension+++')) continue;
    const idb = join(root, origin, 'idb');
    if (!existsSync(idb)) continue;
    for (const f of readdirSync(idb)) if (f.endsWith('.sqlite')) out.push({ origin, file: join(idb, f) });
  }
  return out;
}

/** All origins in the profile that hold IndexedDB files (web pages' origins included). */
export function idbOrigins(profileDir: string): string[] {
  const root = join(profileDir, 'storage', 'default');
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((o) => existsSync(join(root, o, 'idb')) && readdirSync(join(root, o, 'idb')).some((f) => f.endsWith('.sqlite')));
}

/**
 * Reads the extension databases. With `snapshot`, copies each file with its write-ahead log first (safe
 * while Firefox runs; a torn copy just throws and the caller polls again).
 */
export function readExtensionDatabases(profileDir: string, { snapshot = false, shop = 'amazon.com' } = {}): IdbDatabase[] {
  const files = extensionIdbFiles(profileDir);
  if (files.length === 0) return [];
  let tmp: string | null = null;
  const paths = files.map(({ file }) => {
    if (!snapshot) return file;
    tmp ??= mkdtempSync(join(tmpdir(), 'lf-ffidb-'));
    const dest = join(tmp, `${files.findIndex((f) => f.file === file)}-${basename(file)}`);
    copyFileSync(file, dest);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${dest}-wal`);
    return dest;
  });
  try {
    const raw = execFileSync('python3', ['-c', READER, `${shop}|`, ...paths], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const rows = JSON.parse(raw) as Array<{ file: string; name: string; counts: Record<string, number>; purchases: number }>;
    return rows.map((r, i) => ({ name: r.name, origin: files[i]!.origin, file: files[i]!.file, counts: r.counts, purchases: r.purchases }));
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** The moz-extension UUID Firefox gave an add-on in this profile (from prefs.js, written at shutdown). */
export function extensionUuid(profileDir: string, addonId: string): string | null {
  const prefs = join(profileDir, 'prefs.js');
  if (!existsSync(prefs)) return null;
  const m = /user_pref\("extensions\.webextensions\.uuids",\s*"((?:[^"\\]|\\.)*)"\);/.exec(readFileSync(prefs, 'utf8'));
  if (!m) return null;
  const map = JSON.parse(JSON.parse(`"${m[1]}"`) as string) as Record<string, string>;
  return map[addonId] ?? null;
}
