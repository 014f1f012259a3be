// Presentational helpers: readable chain names for CAIP-2 ids, and short addresses. No browser.* calls.
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
  'eip155:5000': 'Mantle',
  'eip155:8453': 'Base',
  'eip155:34443': 'Mode',
  'eip155:42161': 'Arbitrum One',
  'eip155:43114': 'Avalanche',
  'eip155:59144': 'Linea',
  'eip155:81457': 'Blast',
  'eip155:534352': 'Scroll',
};

export function chainName(caip2: string): string {
  if (caip2.startsWith('solana:')) return 'Solana';
  return NAMES[caip2] ?? caip2;
}

/** 0xbf54…2110 style; Solana mints likewise. */
export function shortAddress(a: string): string {
  return a.length > 14 ? `${a.slice(0, a.startsWith('0x') ? 6 : 4)}…${a.slice(-4)}` : a;
}
