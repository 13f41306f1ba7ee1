import { ConfigError } from '../errors.js';
import type { StorePort } from '../store/port.js';

/**
 * Whether the service may start, and how: with keys (or single sign-on) it is served to key (or
 * token) holders only; with none,
 * anonymously on a loopback address (the answer says so, for the start log), and not at all on
 * any other address.
 */
export async function accessAtStart(
  store: StorePort,
  host: string,
  loopback: boolean,
  signOn = false,
): Promise<'keys' | 'anonymous'> {
  // A sign-on provider stands for the keys: its tokens are required.
  if (signOn || (await store.apiKeys()).length > 0) return 'keys';
  if (loopback) return 'anonymous';
  throw new ConfigError(
    'HOST',
    `${host} is not a loopback address and no API key exists: create one first (vendor-chain keys create --name NAME --role admin), or serve on 127.0.0.1`,
  );
}
