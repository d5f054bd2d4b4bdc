/**
 * The modules entrypoints/content.ts imports from src/ (the gate, the shop and travel host lists), bundled
 * by scripts/bench/esbuild.ts like the in-page bundle: measureEval times their evaluation. The shipped
 * content.js cannot be evaluated outside the extension (WXT's runner starts main() at once). Never shipped.
 */
import { readerWanted } from '../../src/content/gate';
import { loadedReader } from '../../src/content/reader-hook';
import { sendWithRetry } from '../../src/content/send';
import { SHOP_MATCH_PATTERNS } from '../../src/shops/hosts';
import { TRAVEL_MATCH_PATTERNS } from '../../src/flights/sites';

(globalThis as unknown as { __lfGate: unknown }).__lfGate = { readerWanted, loadedReader, sendWithRetry, patterns: [...SHOP_MATCH_PATTERNS, ...TRAVEL_MATCH_PATTERNS] };
