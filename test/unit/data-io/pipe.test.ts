import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPipeName, PipeReader, postOnPipe } from '../../../src/data-io/pipe';
import { parseMessage } from '../../../src/messages/parse';

describe('pipe for export texts', () => {
  const readers: PipeReader[] = [];
  const open = () => {
    const r = new PipeReader();
    readers.push(r);
    return r;
  };
  afterEach(() => {
    for (const r of readers.splice(0)) r.close();
    vi.useRealTimers();
  });

  it('hands over texts by request number, whether they come before or after they are asked for', async () => {
    const r = open();
    postOnPipe({ name: r.name, seq: 1 }, ['second']);
    const first = r.take(0);
    postOnPipe({ name: r.name, seq: 0 }, ['first']);
    expect(await first).toEqual(['first']);
    expect(await r.take(1)).toEqual(['second']);
  });

  it('keeps two exports apart: each reader hears only its own name', async () => {
    const a = open();
    const b = open();
    expect(a.name).not.toBe(b.name);
    postOnPipe({ name: b.name, seq: 0 }, ['for b']);
    postOnPipe({ name: a.name, seq: 0 }, ['for a']);
    expect(await a.take(0)).toEqual(['for a']);
    expect(await b.take(0)).toEqual(['for b']);
  });

  it('ignores anything on its channel that is not a piped text', async () => {
    const r = open();
    const stranger = new BroadcastChannel(r.name);
    stranger.postMessage({ seq: 0, texts: 42 });
    stranger.postMessage({ seq: 0, texts: ['ok', 7] });
    stranger.postMessage('hello');
    stranger.close();
    postOnPipe({ name: r.name, seq: 0 }, ['real']);
    expect(await r.take(0)).toEqual(['real']);
  });

  it('says the export was interrupted when a text never comes', async () => {
    const r = open();
    await expect(r.take(3, 20)).rejects.toThrow(/interrupted/);
  });

  it.each([
    ['a random name', 'lf-pipe-0123456789abcdef0123456789abcdef', true],
    ['another prefix', 'xx-pipe-0123456789abcdef0123456789abcdef', false],
    ['too short', 'lf-pipe-0123', false],
    ['upper case', 'lf-pipe-0123456789ABCDEF0123456789ABCDEF', false],
    ['not a string', 7, false],
  ])('names: %s', (_, name, ok) => {
    expect(isPipeName(name)).toBe(ok);
  });

  it('is refused in a message unless well formed; absent stays absent', () => {
    const pipe = { name: 'lf-pipe-0123456789abcdef0123456789abcdef', seq: 2 };
    expect(parseMessage({ type: 'data/export-page', after: null, limit: 10, pipe }, 'extension-page')).toEqual({ type: 'data/export-page', after: null, limit: 10, pipe });
    expect(parseMessage({ type: 'data/export-page', after: null, limit: 10 }, 'extension-page')).not.toHaveProperty('pipe');
    expect(() => parseMessage({ type: 'data/export-csv-page', after: null, limit: 10, pipe: { name: 'evil', seq: 0 } }, 'extension-page')).toThrow('bad pipe');
    expect(() => parseMessage({ type: 'data/export-page', after: null, limit: 10, pipe: { name: pipe.name, seq: -1 } }, 'extension-page')).toThrow();
  });
});
