// LayerZero route reads against anvil: an EndpointV2 mock at the real Ethereum endpoint address and a
// ReceiveUln302 mock at the real library address (both from LayerZero's address book), with rsETH's real OFT
// adapter as the OApp. One route verified by a single DVN is red; a 4-of-4 route is not; a blocked library, a
// custom library without ULN config and an unconfigured route each fail alone.
import { createPublicClient, getAddress, http, type PublicClient } from 'viem';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { lzDeployment, LZ_DVN_NAMES_ETHEREUM } from '../../../lib/registry/layerzero';
import { readLzRoutes, routeKey, type LzRouteSecurity } from '../../../lib/sources/bridges';
import { judgeBridgeRoutes } from '../../../lib/risk/admin';
import { startAnvil, type Anvil } from '../../support/anvil';
import { placeContract, placeMulticall3, send } from '../../support/chain';
import { lzEndpointMockAbi, receiveUlnMockAbi } from '../../support/admin-chain';

const ETH = lzDeployment('eip155:1')!;
const ENDPOINT = getAddress(ETH.endpoint);
const ULN = getAddress(ETH.receiveUln302);
// Kelp-DAO/LRT-rsETH@c289b815 README: RSETH_OFTAdapter.
const RSETH_ADAPTER = getAddress('0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3');
const SAFE = getAddress('0x00000000000000000000000000000000005afe01');
const CUSTOM_LIB = getAddress('0x000000000000000000000000000000000000c0de');
const dvn = (name: string) => getAddress(Object.entries(LZ_DVN_NAMES_ETHEREUM).find(([, n]) => n === name)![0]);
const LZ_LABS = dvn('LayerZero Labs');
const FOUR = [dvn('Canary'), dvn('Horizen'), LZ_LABS, dvn('Nethermind')];
const UNICHAIN = 30320;
const ARBITRUM = 30110;
const BASE = 30184;
const OPTIMISM = 30111;
const BLAST = 30243;

let anvil: Anvil;
let client: PublicClient;

beforeAll(async () => {
  anvil = await startAnvil();
  const url = anvil.url;
  client = createPublicClient({ transport: http(url, { batch: true, retryCount: 0 }) }) as PublicClient;
  await placeMulticall3(url);
  await placeContract(url, ENDPOINT, 'LzEndpointMock');
  await placeContract(url, ULN, 'ReceiveUlnMock');
  await placeContract(url, CUSTOM_LIB, 'OwnableMock');
  for (const eid of [UNICHAIN, ARBITRUM, BASE]) await send(url, ENDPOINT, lzEndpointMockAbi, 'setDefaultReceiveLibrary', [eid, ULN]);
  await send(url, ENDPOINT, lzEndpointMockAbi, 'setDelegate', [RSETH_ADAPTER, SAFE]);
  await send(url, ULN, receiveUlnMockAbi, 'setUlnConfig', [RSETH_ADAPTER, UNICHAIN, 15n, [LZ_LABS], [], 0]);
  await send(url, ULN, receiveUlnMockAbi, 'setUlnConfig', [RSETH_ADAPTER, ARBITRUM, 64n, FOUR, [], 0]);
  await send(url, ENDPOINT, lzEndpointMockAbi, 'setReceiveLibrary', [RSETH_ADAPTER, OPTIMISM, getAddress(ETH.blockedLib!)]);
  await send(url, ENDPOINT, lzEndpointMockAbi, 'setReceiveLibrary', [RSETH_ADAPTER, BLAST, CUSTOM_LIB]);
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

test('each route’s effective config, library and delegate are read with their sources; failures stay per route', async () => {
  const routes = [UNICHAIN, ARBITRUM, BASE, OPTIMISM, BLAST].map((remoteEid) => ({ oapp: RSETH_ADAPTER, remoteEid }));
  const r = await readLzRoutes(client, ETH, routes, () => new Date('2026-11-21T00:00:00Z'));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const get = (eid: number) => r.data[routeKey({ oapp: RSETH_ADAPTER, remoteEid: eid })]!;

  const uni = get(UNICHAIN);
  expect(uni.ok).toBe(true);
  if (!uni.ok) return;
  expect(uni.data).toMatchObject({ requiredDVNs: [LZ_LABS], optionalDVNs: [], minVerifiers: 1, confirmations: 15, isDefaultLibrary: true, blocked: false });
  expect(uni.data.delegate.value).toBe(SAFE);
  expect(uni.data.config).toMatchObject({ kind: 'chain', chain: 'eip155:1', contract: ULN, function: `getUlnConfig(${RSETH_ADAPTER},${UNICHAIN})`, at: '2026-11-21T00:00:00.000Z' });
  expect(uni.data.library.source).toMatchObject({ contract: ENDPOINT, function: `getReceiveLibrary(${RSETH_ADAPTER},${UNICHAIN})` });

  const arb = get(ARBITRUM);
  expect(arb.ok && arb.data.minVerifiers).toBe(4);
  // Base has a default library but no config at all: the library reverts, as UlnBase does with no DVN.
  const base = get(BASE);
  expect(base.ok).toBe(false);
  if (!base.ok) expect(base.kind).toBe('revert');
  const op = get(OPTIMISM);
  expect(op.ok && op.data.blocked).toBe(true);
  const blast = get(BLAST);
  expect(blast.ok).toBe(false);
  if (!blast.ok) expect(blast.message).toContain('not ReceiveUln302');

  const read = Object.values(r.data).flatMap((o) => (o.ok ? [o.data] : [])) as LzRouteSecurity[];
  const j = judgeBridgeRoutes(read, 2);
  expect(j.level).toBe('bad');
  expect(j.minVerifiers).toBe(1);
  expect(j.weakest?.route.remoteEid).toBe(UNICHAIN);
  expect(j.links.map((l) => l.function)).toEqual([`getReceiveLibrary(${RSETH_ADAPTER},${UNICHAIN})`, `getUlnConfig(${RSETH_ADAPTER},${UNICHAIN})`]);

  // After the fix (every route 4-of-4), the same read judges acceptable.
  await send(anvil.url, ULN, receiveUlnMockAbi, 'setUlnConfig', [RSETH_ADAPTER, UNICHAIN, 64n, FOUR, [], 0]);
  const fixed = await readLzRoutes(client, ETH, routes.slice(0, 2));
  expect(fixed.ok).toBe(true);
  if (!fixed.ok) return;
  const ok = Object.values(fixed.data).flatMap((o) => (o.ok ? [o.data] : []));
  expect(judgeBridgeRoutes(ok, 0)).toMatchObject({ level: 'good', minVerifiers: 4 });
});

test('optional DVNs count by their threshold', async () => {
  const OPT = [dvn('Google'), dvn('P2P'), dvn('Luganodes')];
  await send(anvil.url, ULN, receiveUlnMockAbi, 'setUlnConfig', [RSETH_ADAPTER, BASE, 20n, [LZ_LABS], OPT, 2]);
  const r = await readLzRoutes(client, ETH, [{ oapp: RSETH_ADAPTER, remoteEid: BASE }]);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const b = Object.values(r.data)[0]!;
  expect(b.ok && b.data).toMatchObject({ requiredDVNs: [LZ_LABS], optionalDVNs: OPT, optionalDVNThreshold: 2, minVerifiers: 3 });
});
