// Runs in: background, build, tests. LayerZero V2 deployments and DVN names, as published by LayerZero Labs in
// lz-address-book (generated from LayerZero's own deployment metadata). Only the chains the registry's OFT routes
// touch are listed; add a chain by copying its library block from the cited file, never from a third party.
import { repoFile } from './sources';

export const LZ_ADDRESS_BOOK = repoFile(
  'lz-address-book',
  'LayerZero-Labs/lz-address-book',
  'b52d9efa4cfda8ba5de45a5bc814dd05408da76c',
  'src/generated/LZAddresses.sol',
  'LayerZero Labs address book: EndpointV2, SendUln302, ReceiveUln302, BlockedMessageLib and DVNs per chain',
);

export interface LzDeployment {
  /** CAIP-2 chain id. */
  chain: string;
  /** LayerZero V2 endpoint id of this chain. */
  eid: number;
  endpoint: `0x${string}`;
  sendUln302: `0x${string}`;
  receiveUln302: `0x${string}`;
  /** A receive library set to this blocks the route: nothing is delivered. */
  blockedLib: `0x${string}` | null;
}

/** Per chain, from LZ_ADDRESS_BOOK (`library LayerZeroV2<Chain>Mainnet`). */
export const LZ_DEPLOYMENTS: readonly LzDeployment[] = [
  { chain: 'eip155:1', eid: 30101, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', sendUln302: '0xbB2Ea70C9E858123480642Cf96acbcCE1372dCe1', receiveUln302: '0xc02Ab410f0734EFa3F14628780e6e695156024C2', blockedLib: '0x1ccBf0db9C192d969de57E25B3fF09A25bb1D862' },
  { chain: 'eip155:42161', eid: 30110, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', sendUln302: '0x975bcD720be66659e3EB3C0e4F1866a3020E493A', receiveUln302: '0x7B9E184e07a6EE1aC23eAe0fe8D6Be2f663f05e6', blockedLib: null },
  { chain: 'eip155:8453', eid: 30184, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', sendUln302: '0xB5320B0B3a13cC860893E2Bd79FCd7e13484Dda2', receiveUln302: '0xc70AB6f32772f59fBfc23889Caf4Ba3376C84bAf', blockedLib: null },
  { chain: 'eip155:10', eid: 30111, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', sendUln302: '0x1322871e4ab09Bc7f5717189434f97bBD9546e95', receiveUln302: '0x3c4962Ff6258dcfCafD23a814237B7d6Eb712063', blockedLib: null },
  { chain: 'eip155:56', eid: 30102, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', sendUln302: '0x9F8C645f2D0b2159767Bd6E0839DE4BE49e823DE', receiveUln302: '0xB217266c3A98C8B2709Ee26836C98cf12f6cCEC1', blockedLib: null },
  { chain: 'eip155:534352', eid: 30214, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', sendUln302: '0x9BbEb2B2184B9313Cf5ed4a4DDFEa2ef62a2a03B', receiveUln302: '0x8363302080e711E0CAb978C081b9e69308d49808', blockedLib: null },
  { chain: 'eip155:81457', eid: 30243, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', sendUln302: '0xc1B621b18187F74c8F6D52a6F709Dd2780C09821', receiveUln302: '0x377530cdA84DFb2673bF4d145DCF0C4D7fdcB5b6', blockedLib: null },
  { chain: 'eip155:34443', eid: 30260, endpoint: '0x1a44076050125825900e736c501f859c50fE728c', sendUln302: '0x2367325334447C5E1E0f1b3a6fB947b262F58312', receiveUln302: '0xc1B621b18187F74c8F6D52a6F709Dd2780C09821', blockedLib: null },
  { chain: 'eip155:130', eid: 30320, endpoint: '0x6F475642a6e85809B1c36Fa62763669b1b48DD5B', sendUln302: '0xC39161c743D0307EB9BCc9FEF03eeb9Dc4802de7', receiveUln302: '0xe1844c5D63a9543023008D332Bd3d2e6f1FE1043', blockedLib: null },
  { chain: 'eip155:1923', eid: 30335, endpoint: '0xcb566e3B6934Fa77258d68ea18E931fa75e1aaAa', sendUln302: '0xc1B621b18187F74c8F6D52a6F709Dd2780C09821', receiveUln302: '0x377530cdA84DFb2673bF4d145DCF0C4D7fdcB5b6', blockedLib: null },
];

/** Endpoint ids of chains named by routes but not (yet) in LZ_DEPLOYMENTS, from the same file or the issuer's config. */
export const LZ_EIDS: Readonly<Record<number, string>> = {
  30101: 'Ethereum',
  30102: 'BNB Chain',
  30110: 'Arbitrum',
  30111: 'Optimism',
  30183: 'Linea',
  30184: 'Base',
  30214: 'Scroll',
  30243: 'Blast',
  30260: 'Mode',
  30320: 'Unichain',
  30335: 'Swellchain',
  30322: 'Morph',
  30332: 'Sonic',
  30362: 'Berachain',
  30367: 'HyperEVM',
  30377: 'TAC',
};

/** Ethereum DVN names (`library LayerZeroV2DVNEthereumMainnet`); a DVN not listed is shown by address. */
export const LZ_DVN_NAMES_ETHEREUM: Readonly<Record<string, string>> = {
  '0x589dEDbD617e0CBcB916A9223F4d1300c294236b': 'LayerZero Labs',
  '0xDb979D0A36aF0525AFa60Fc265B1525505c55D79': 'LayerZero Labs',
  '0xF4064220871e3B94Ca6aB3b0CEE8e29178bF47dE': 'Nethermind',
  '0xa59BA433ac34D2927232918Ef5B2eaAfcF130BA5': 'Nethermind',
  '0xD56e4eAb23cb81f43168F9F45211Eb027b9aC7cc': 'Google',
  '0x2f0BA3DbB93CF087e32c15Aab46726FDb4Fb24cf': 'Horizen',
  '0x380275805876Ff19055EA900CDb2B46a94ecF20D': 'Horizen',
  '0xa4fE5A5B9A846458a70Cd0748228aED3bF65c2cd': 'Canary',
  '0x06559EE34D85a88317Bf0bfE307444116c631b67': 'P2P',
  '0x150A58e9E6BF69ccEb1DBA5ae97C166DC8792539': 'Chainlink',
  '0x771D10D0C86E26eA8d3b778ad4d31B30533B9Cbf': 'Chainlink CCIP',
  '0x58249a2Ec05c1978bF21DF1f5eC1847e42455CF4': 'Luganodes',
  '0xCE5B47FA5139fC5f3c8c5f4C278ad5F56A7b2016': 'Axelar',
  '0x8FafAE7Dd957044088b3d0F67359C327c6200d18': 'Stargate',
  '0x8ddF05F9A5c488b4973897E278B58895bF87Cb24': 'Polyhedra zkBridge',
  '0xE014fe8c4d5C23EDB7AC4011F226e869ac7Ef5CC': 'Polyhedra zkBridge',
  '0x95729Ea44326f8adD8A9b1d987279DBdC1DD3dFf': 'Lagrange',
  '0x747C741496a507E4B404b50463e691A8d692f6Ac': 'LZDeadDVN (deprecated)',
};

export function lzDeployment(chain: string): LzDeployment | null {
  return LZ_DEPLOYMENTS.find((d) => d.chain === chain) ?? null;
}
