import type { AddressInfo } from 'node:net';

/**
 * The TCP address a listening server is bound to. `address()` also answers a pipe name (a string) or null before
 * `listen`; neither can happen for the TCP servers here, so either is a programming error, said as such.
 */
export function listeningAddress(server: { address(): AddressInfo | string | null }): AddressInfo {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`The server is not listening on a TCP port (address: ${String(address)}).`);
  return address;
}
