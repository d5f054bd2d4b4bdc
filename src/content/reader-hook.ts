import type { runOnPage } from './run';

/**
 * The hand-over between the gate (the declared content script) and the page reader, which the
 * background injects later into the same isolated world: a property of that world's global object.
 * Page scripts live in another world and can neither see nor replace it.
 */
export interface Reader {
  runOnPage: typeof runOnPage;
}

const KEY = '__localFootprintReader';

export function installReader(reader: Reader): void {
  (globalThis as unknown as Record<string, Reader | undefined>)[KEY] ??= reader;
}

export function loadedReader(): Reader | null {
  return (globalThis as unknown as Record<string, Reader | undefined>)[KEY] ?? null;
}
