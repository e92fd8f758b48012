/**
 * The typed request itself, without the plain-words error mapping of `client.ts`: what the
 * content scripts use, so the script injected into every host page carries no user-facing text.
 */
import { browser } from 'wxt/browser';
import type { Payload, Reply, RequestType } from './protocol';
import type { Responses } from './protocol';

export async function send<T extends RequestType>(type: T, payload: Payload<T>): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Responses[T]> | undefined;
  if (!reply) throw new Error('The extension did not answer (it may have just restarted): try again. Nothing was changed.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
