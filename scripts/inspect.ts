/**
 * The inspect tool: what the extension sees on a page, from the same src/ code as the content script.
 *
 *   npm run --silent inspect            JSON Lines in, exactly one JSON line out per request, in order.
 *   npm run --silent inspect -- FILE --url URL    one page, readable.
 *
 * Requests (see README "Inspect tool" for the full contract):
 *   {"page": "<.html|.html.gz>", "url": "<document URL>"} → {"kind","product","order","estimate"} (+ "orders" when several)
 *   {"product": {"title", "brand"?, "price"?, "currency"?, "category"?, "breadcrumbs"?}} → {"estimate"}
 *   {"price": "<text>", "currencyHint"?: "<ISO>"} → {"amount","currency"}
 *   anything else → {"error": "<why>"}
 */
import { createInterface } from 'node:readline';
import { inspectRequest } from './lib/inspect-core.ts';

// Only answers go to stdout: anything a library prints is moved to stderr.
const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
console.log = toStderr;
console.info = toStderr;
console.warn = toStderr;
console.debug = toStderr;

const argv = process.argv.slice(2);

if (argv.length > 0 && !argv[0]!.startsWith('-')) {
  const file = argv[0]!;
  const urlIdx = argv.indexOf('--url');
  const url = urlIdx >= 0 ? argv[urlIdx + 1] : undefined;
  const answer = await inspectRequest({ page: file, url: url ?? 'https://example.invalid/' });
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
} else {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let answer: unknown;
    try {
      answer = await inspectRequest(JSON.parse(line) as unknown);
    } catch (err) {
      answer = { error: err instanceof SyntaxError ? `not JSON: ${err.message}` : String((err as Error)?.message ?? err) };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
}
