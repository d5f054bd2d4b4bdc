import { describe, expect, it, vi } from 'vitest';
import { ExtensionGone, sendWithRetry } from '../../../src/content/send';

const noSleep = () => Promise.resolve();

describe('sendWithRetry', () => {
  it('retries while the service worker is not there yet, with the same message', async () => {
    const send = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValue('ok');
    await expect(sendWithRetry(send, noSleep)).resolves.toBe('ok');
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('stops quietly when the extension was reloaded', async () => {
    const send = vi.fn<() => Promise<string>>().mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(sendWithRetry(send, noSleep)).rejects.toBeInstanceOf(ExtensionGone);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after a bounded number of tries', async () => {
    const send = vi.fn<() => Promise<string>>().mockRejectedValue(new Error('Receiving end does not exist.'));
    await expect(sendWithRetry(send, noSleep)).rejects.toThrow(/Receiving end/);
    expect(send).toHaveBeenCalledTimes(5);
  });
});
