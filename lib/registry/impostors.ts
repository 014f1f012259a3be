// Runs in: background, content (pure), tests. The impostor rule: a registry symbol shown beside, or linked to, an
// address that is not one of that token's deployments is a warning sign (a fake token using a real name).
export interface DeploymentKey {
  chain: string;
  address: string;
}

export type AddressVerdict =
  /** The address is a deployment of the token on that chain. */
  | 'official'
  /** The address is that token's on another chain: the page may be on the wrong network, but it is not a fake. */
  | 'other-chain'
  /** The address is not the token's anywhere: impostor signal. */
  | 'impostor';

const norm = (chain: string, address: string) => (chain.startsWith('eip155:') ? address.toLowerCase() : address);

/**
 * `chain` is the CAIP-2 chain the page is about, or null when the page does not say (then any chain of the
 * token's deployments counts as official).
 */
export function checkAddress(deployments: readonly DeploymentKey[], chain: string | null, address: string): AddressVerdict {
  const evm = /^0x[0-9a-fA-F]{40}$/.test(address);
  const matches = deployments.filter((d) => (evm ? d.address.toLowerCase() === address.toLowerCase() : d.address === address));
  if (matches.length === 0) return 'impostor';
  if (chain === null) return 'official';
  return matches.some((d) => d.chain === chain && norm(d.chain, d.address) === norm(chain, address)) ? 'official' : 'other-chain';
}
