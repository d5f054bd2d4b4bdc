import type { PageMessage, Replies } from '../messages/protocol';

export type PageSend = <T extends PageMessage['type']>(
  msg: Extract<PageMessage, { type: T }>,
) => Promise<({ ok: true } & Replies[T]) | { ok: false; error: string }>;

/** Unwraps a reply or throws its error, for code that shows errors in one place. */
export async function call<T extends PageMessage['type']>(send: PageSend, msg: Extract<PageMessage, { type: T }>): Promise<Replies[T]> {
  const reply = await send(msg);
  if (!reply || typeof reply !== 'object') throw new Error('No answer from the extension background.');
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}
