/**
 * Typed requests to the background from any extension context. The background validates the
 * payload (see `protocol.ts`); a failure comes back as a rejected promise with its reason.
 */
import { browser } from 'wxt/browser';
import type { Payload, Reply, RequestType } from './protocol';
import type { Responses } from './responses';

export async function request<T extends RequestType>(type: T, payload: Payload<T>): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Responses[T]> | undefined;
  if (!reply) throw new Error(`No answer from the background for ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
