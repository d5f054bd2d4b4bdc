/**
 * JSON-LD blocks as pages really write them: HTML comments and CDATA wrappers, trailing commas, raw
 * newlines inside strings. Each block is parsed on its own (one broken block must not hide the
 * others), with one cheap repair attempt, and blocks over 1 MB are skipped.
 */

const MAX_BLOCK_CHARS = 1_000_000;
const WRAPPERS = /^\s*(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)|(?:\/\/\s*)?(?:-->|\]\]>)\s*$/g;
const TRAILING_COMMA = /,(\s*[}\]])/g;
const CONTROL_CHARS = /[\u0000-\u001f]+/g;

export function jsonLdBlocks(document: Document): unknown[] {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  const out: unknown[] = [];
  for (let i = 0; i < scripts.length; i++) {
    const text = scripts[i]!.textContent;
    if (!text || text.length > MAX_BLOCK_CHARS) continue;
    const value = parseJsonLd(text);
    if (value !== undefined) out.push(value);
  }
  return out;
}

export function parseJsonLd(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // fall through to the repair
  }
  // Raw control characters are only illegal inside strings; outside them a space means the same.
  const repaired = text.replace(WRAPPERS, '').replace(CONTROL_CHARS, ' ').replace(TRAILING_COMMA, '$1');
  try {
    return JSON.parse(repaired);
  } catch {
    return undefined;
  }
}
