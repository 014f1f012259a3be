// Runs in: background, content script, popup, options, tests. The chains the registry uses: readable names for
// CAIP-2 ids, block explorers, DefiLlama's chain keys, and short addresses. Pure data and formatting: the one chain
// table for lib/ and components/. (Default RPC endpoints live in lib/sources/endpoints.ts, which the manifest's host
// permissions are generated from.)
const NAMES: Record<string, string> = {
  'eip155:1': 'Ethereum',
  'eip155:10': 'Optimism',
  'eip155:56': 'BNB Chain',
  'eip155:100': 'Gnosis',
  'eip155:130': 'Unichain',
  'eip155:137': 'Polygon',
  'eip155:146': 'Sonic',
  'eip155:252': 'Fraxtal',
  'eip155:324': 'zkSync Era',
  'eip155:480': 'World Chain',
  'eip155:1088': 'Metis',
  'eip155:1329': 'Sei',
  'eip155:1923': 'Swellchain',
  'eip155:5000': 'Mantle',
  'eip155:8453': 'Base',
  'eip155:34443': 'Mode',
  'eip155:42161': 'Arbitrum One',
  'eip155:43114': 'Avalanche',
  'eip155:59144': 'Linea',
  'eip155:81457': 'Blast',
  'eip155:534352': 'Scroll',
  'eip155:60808': 'BOB',
  'eip155:80094': 'Berachain',
  'eip155:169': 'Manta Pacific',
  'eip155:239': 'TAC',
  'eip155:2818': 'Morph',
  'eip155:42793': 'Etherlink',
  'eip155:43111': 'Hemi',
  'eip155:48900': 'Zircuit',
  'eip155:57073': 'Ink',
  'eip155:167000': 'Taiko',
  'eip155:747474': 'Katana',
};

/**
 * Each chain's block explorer (`/address/` pages, EIP-3091), as listed in ethereum-lists/chains (chainlist). Where that
 * list names none (Swellchain, TAC, Fraxtal, Hemi, Ink), the explorer that chain's own docs and DefiLlama's adapters
 * link to. Only chains the registry has deployments on; a chain missing here shows its address without a link rather
 * than a guessed one.
 */
const EXPLORERS: Record<string, string> = {
  'eip155:1': 'https://etherscan.io',
  'eip155:130': 'https://uniscan.xyz',
  'eip155:146': 'https://sonicscan.org',
  'eip155:169': 'https://pacific-explorer.manta.network',
  'eip155:239': 'https://explorer.tac.build',
  'eip155:252': 'https://fraxscan.com',
  'eip155:2818': 'https://explorer.morphl2.io',
  'eip155:34443': 'https://explorer.mode.network',
  'eip155:42793': 'https://explorer.etherlink.com',
  'eip155:43111': 'https://explorer.hemi.xyz',
  'eip155:48900': 'https://explorer.zircuit.com',
  'eip155:57073': 'https://explorer.inkonchain.com',
  'eip155:81457': 'https://blastscan.io',
  'eip155:167000': 'https://taikoscan.io',
  'eip155:747474': 'https://katanascan.com',
  'eip155:10': 'https://optimistic.etherscan.io',
  'eip155:56': 'https://bscscan.com',
  'eip155:137': 'https://polygonscan.com',
  'eip155:324': 'https://explorer.zksync.io',
  'eip155:1329': 'https://seitrace.com',
  'eip155:1923': 'https://explorer.swellnetwork.io',
  'eip155:5000': 'https://explorer.mantle.xyz',
  'eip155:8453': 'https://basescan.org',
  'eip155:42161': 'https://arbiscan.io',
  'eip155:43114': 'https://snowtrace.io',
  'eip155:59144': 'https://lineascan.build',
  'eip155:60808': 'https://explorer.gobob.xyz',
  'eip155:80094': 'https://berascan.com',
  'eip155:534352': 'https://scrollscan.com',
};

/** The explorer page for an address on a chain, or null when the chain has no explorer we trust. */
export function explorerUrl(caip2: string, address: string): string | null {
  if (caip2 === 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp') return /^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(address) ? `https://solscan.io/account/${address}` : null;
  const base = EXPLORERS[caip2];
  return base && /^0x[0-9a-fA-F]{40}$/.test(address) ? `${base}/address/${address}` : null;
}

export function chainName(caip2: string): string {
  if (caip2.startsWith('solana:')) return 'Solana';
  return NAMES[caip2] ?? caip2;
}

/** 0xbf54…2110 style; Solana mints likewise. */
export function shortAddress(a: string): string {
  return a.length > 14 ? `${a.slice(0, a.startsWith('0x') ? 6 : 4)}…${a.slice(-4)}` : a;
}

/** DefiLlama's chain names for the chains our deployments use. */
const LLAMA_CHAIN: Record<string, string> = {
  'eip155:1': 'ethereum',
  'eip155:10': 'optimism',
  'eip155:56': 'bsc',
  'eip155:5000': 'mantle',
  'eip155:8453': 'base',
  'eip155:34443': 'mode',
  'eip155:42161': 'arbitrum',
  'eip155:59144': 'linea',
  'eip155:81457': 'blast',
};

/** DefiLlama's key for a chain (`ethereum`, `base`…), or null when we know none. */
export function llamaChain(caip2: string): string | null {
  return LLAMA_CHAIN[caip2] ?? null;
}
