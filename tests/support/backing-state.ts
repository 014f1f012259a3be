// The backing state for the e2e run (tests/e2e/backing-chromium.test.ts): every protocol's mix of
// tests/support/backing-chain.ts (MIX), and LayerZero's Ethereum EndpointV2 and ReceiveUln302 mocks answering every
// verified route the registry curates with two DVNs (LayerZero Labs, Nethermind), except rsETH's Blast route with
// one. node --test cannot import lib/registry (extensionless imports): the modules load through jiti.
import { getAddress, parseAbi, type Address } from 'viem';
import { placeContract, send } from './chain.ts';
import type * as BackingChain from './backing-chain';
import type * as Controls from '../../lib/registry/controls';
import type * as LayerZero from '../../lib/registry/layerzero';

// The setters of LzEndpointMock and ReceiveUlnMock (as in admin-chain.ts, which node --test cannot import).
const lzEndpointMockAbi = parseAbi(['function setDefaultReceiveLibrary(uint32 eid, address lib)']);
const receiveUlnMockAbi = parseAbi(['function setUlnConfig(address oapp, uint32 eid, uint64 confirmations, address[] required, address[] optional, uint8 optionalThreshold)']);

/** What the cards show from this state (figures by hand from MIX in backing-chain.ts). */
export const EXPECTED = {
  ezeth: { level: 'good', sentence: /^ezETH is backed by 2,150 ETH in Renzo's contracts: 23\.3% native ETH; 72\.1% is itself a staking token \(stETH, LST2\); 4\.7% is not broken out/ },
  rseth: { level: 'bad', sentence: /^rsETH is backed by 9,020 ETH in Kelp's contracts: 55\.4% native ETH; 44\.6% is itself a staking token \(stETH, LST2\)\. \(block / },
  weeth: { level: 'good', sentence: /^weETH is backed by 10,000 ETH in ether\.fi's contracts: 85% native ETH; 15% is itself a staking token \(stETH\)\. \(block / },
  pufeth: { level: 'good', sentence: /^pufETH is backed by 4,000 ETH in Puffer's contracts: 90% native ETH; 10% is itself a staking token \(stETH\)\. \(block / },
} as const;
/** The route left at one verifier. */
export const WEAK_ROUTE = { token: 'rseth', remoteEid: 30243, label: 'Blast → Ethereum' } as const;

async function load<T>(path: string): Promise<T> {
  const { createJiti } = await import('jiti');
  return createJiti(import.meta.url).import<T>(path);
}

export async function placeBackingState(url: string): Promise<void> {
  const { placeBacking } = await load<typeof BackingChain>('./backing-chain.ts');
  const { CONTROLS, lzRoutesOf } = await load<typeof Controls>('../../lib/registry/controls.ts');
  const { LZ_DVN_NAMES_ETHEREUM, lzDeployment } = await load<typeof LayerZero>('../../lib/registry/layerzero.ts');
  await placeBacking(url);
  const eth = lzDeployment('eip155:1')!;
  const endpoint = getAddress(eth.endpoint);
  const uln = getAddress(eth.receiveUln302);
  await placeContract(url, endpoint, 'LzEndpointMock');
  await placeContract(url, uln, 'ReceiveUlnMock');
  const dvn = (name: string) => getAddress(Object.entries(LZ_DVN_NAMES_ETHEREUM).find(([, n]) => n === name)![0]) as Address;
  const two = [dvn('LayerZero Labs'), dvn('Nethermind')];
  for (const c of CONTROLS) {
    for (const r of lzRoutesOf(c)) {
      await send(url, endpoint, lzEndpointMockAbi, 'setDefaultReceiveLibrary', [r.remoteEid, uln]);
      const weak = c.token === WEAK_ROUTE.token && r.remoteEid === WEAK_ROUTE.remoteEid;
      await send(url, uln, receiveUlnMockAbi, 'setUlnConfig', [r.oapp, r.remoteEid, 15n, weak ? [two[0]!] : two, [], 0]);
    }
  }
}
