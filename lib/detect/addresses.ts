// Runs in: content script, tests. Looks up addresses the page shows (full, truncated, or inside a link) among the
// registry's deployments. Pure: no DOM.
import type { AddressEntry } from './types';

export const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export interface AddressIndex {
  /** The token whose deployment this is (EVM in any letter case, Solana mints exactly), or undefined. */
  lookup(address: string): string | undefined;
  /**
   * A truncated EVM address such as 0xbf54…2110: the one registry address that starts with `head` and ends with
   * `tail` (hex, any case), or undefined when none or more than one fits.
   */
  resolveTruncated(head: string, tail: string): { id: string; address: string } | undefined;
  /** Every Solana mint in the registry (base58, case-sensitive). */
  readonly mints: readonly string[];
  /** Every address (EVM in its registry spelling, mints) of a token. */
  addressesOf(id: string): readonly string[];
}

export function createAddressIndex(entries: readonly AddressEntry[]): AddressIndex {
  // Lower-cased EVM address -> token id. The same address on several chains (OFT/xERC20 deployments) is one
  // address. An address claimed by two tokens is ambiguous and is dropped: marking it would be a guess.
  const evm = new Map<string, { id: string; address: string } | null>();
  const mints = new Map<string, string | null>();
  const byId = new Map<string, string[]>();
  for (const e of entries) {
    if (EVM_ADDRESS.test(e.address)) {
      const key = e.address.toLowerCase();
      const prev = evm.get(key);
      if (prev === undefined) evm.set(key, { id: e.id, address: e.address });
      else if (prev && prev.id !== e.id) evm.set(key, null);
    } else {
      const prev = mints.get(e.address);
      if (prev === undefined) mints.set(e.address, e.id);
      else if (prev !== e.id) mints.set(e.address, null);
    }
    const list = byId.get(e.id) ?? [];
    if (!list.includes(e.address)) list.push(e.address);
    byId.set(e.id, list);
  }
  const evmList = [...evm.entries()].flatMap(([key, v]) => (v ? [{ key, ...v }] : []));

  return {
    lookup(address) {
      if (EVM_ADDRESS.test(address)) return evm.get(address.toLowerCase())?.id ?? undefined;
      return mints.get(address) ?? undefined;
    },
    resolveTruncated(head, tail) {
      const h = `0x${head.toLowerCase()}`;
      const t = tail.toLowerCase();
      let found: { id: string; address: string } | undefined;
      for (const a of evmList) {
        if (a.key.startsWith(h) && a.key.endsWith(t)) {
          if (found) return undefined;
          found = { id: a.id, address: a.address };
        }
      }
      return found;
    },
    mints: [...mints.entries()].flatMap(([m, id]) => (id ? [m] : [])),
    addressesOf: (id) => byId.get(id) ?? [],
  };
}
