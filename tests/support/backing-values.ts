// Cache values for the backing unit tests: an ether.fi mix and rsETH's routes as the jobs store them.
import type { BackingValue, LzRoutesValue } from '../../lib/live/backing-values';
import type { ChainSource } from '../../lib/provenance';

export const AT = '2026-12-01T12:00:00.000Z';
export const call = (contract: string, fn: string): ChainSource => ({ kind: 'chain', chain: 'eip155:1', contract, function: fn, block: '24000000', at: AT });

const LP = '0x308861A430be4cce5502d0A12724771Fc6DaF216';
const RESTAKER = '0x1B7a4C3797236A1C37f8741c0Be35c2c72736fFf';
export const STETH = '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84';

export function etherfiMix(): BackingValue {
  const total = call(LP, 'getTotalPooledEther()');
  const st = call(RESTAKER, `getTotalPooledEther(${STETH})`);
  return {
    protocol: 'ether.fi',
    chain: 'eip155:1',
    block: '24000000',
    totalEth: 2_500_000,
    assets: [
      { asset: null, label: 'ETH (validators and pool)', kind: 'native', topTier: false, eth: 2_400_000, pct: 96, derived: true, sources: [total, st] },
      { asset: STETH, label: 'stETH', kind: 'token', topTier: true, eth: 100_000, pct: 4, derived: false, sources: [st] },
    ],
    nativePct: 96,
    layeredPct: 4,
    simplePct: 100,
    unattributedPct: 0,
    notes: ['Native ETH is the pool’s total minus the restaker’s stETH.'],
    sources: [total, st],
  };
}

const ENDPOINT = '0x1a44076050125825900e736c501f859c50fE728c';
const ULN = '0xc02Ab410f0734EFa3F14628780e6e695156024C2';
export const RSETH_ADAPTER = '0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3';
export const WEETH_ADAPTER = '0xcd2eb13D6831d4602D80E5db9230A57596CDCA63';
const LZ_LABS = '0x589dEDbD617e0CBcB916A9223F4d1300c294236b';
const NETHERMIND = '0xa59BA433ac34D2927232918Ef5B2eaAfcF130BA5';

export function routes(oapp: string, eids: ReadonlyArray<[number, string[]]>, unread: number[] = []): LzRoutesValue {
  return {
    routes: eids.map(([eid, dvns]) => ({
      route: { oapp, remoteEid: eid },
      library: { value: ULN, source: call(ENDPOINT, `getReceiveLibrary(${oapp},${eid})`) },
      isDefaultLibrary: true,
      blocked: false,
      delegate: { value: '0x00000000000000000000000000000000005afe01', source: call(ENDPOINT, `delegates(${oapp})`) },
      confirmations: 15,
      requiredDVNs: dvns,
      optionalDVNs: [],
      optionalDVNThreshold: 0,
      minVerifiers: dvns.length,
      config: call(ULN, `getUlnConfig(${oapp},${eid})`),
    })),
    unread: unread.map((eid) => ({ oapp, remoteEid: eid, reason: 'the contract call reverted' })),
  };
}
export const DVNS = { two: [LZ_LABS, NETHERMIND], one: [LZ_LABS] };
