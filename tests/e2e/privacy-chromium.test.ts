// E2E in real Chromium: no request the extension makes carries a cookie or a referrer, and a cookie a data service
// or an RPC sets is never sent back. Both local services set a cookie on every answer (as a tracking operator
// could); after two full refreshes, not one request that reached them had a Cookie or a Referer header.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { extensionPage, pointAt, refresh, startLiveServices, type LiveServices } from './lib/live-services.ts';
import { startRpcProxy, type RpcProxy } from '../support/rpc-proxy.ts';

let session: ChromiumSession;
let services: LiveServices;
let proxy: RpcProxy;

before(async () => {
  services = await startLiveServices();
  proxy = await startRpcProxy(services.anvil.url);
  services.llama.setCookies(true);
  session = await launchChromium({ build: 'e2e' });
  await pointAt(session, { ...services, endpoints: { ...services.endpoints, rpc: { 'eip155:1': [proxy.url] } } });
});

after(async () => {
  await session?.close();
  await Promise.all([services?.stop(), proxy?.stop()]);
});

test('two refreshes: every request reached the services without a cookie or a referrer, though each answer set one', async () => {
  const page = await extensionPage(session.context, session.extensionId);
  await refresh(page);
  await refresh(page);
  const llama = services.llama.requests.filter((r) => r.method === 'GET');
  assert.ok(llama.length >= 6, `DefiLlama stand-in saw ${llama.length} requests`);
  assert.ok(proxy.requests.length >= 2, `RPC saw ${proxy.requests.length} requests`);
  assert.deepEqual(llama.filter((r) => r.cookie || r.referer).map((r) => r.url), []);
  assert.deepEqual(proxy.requests.filter((r) => r.cookie || r.referer), []);
  // The chain id was checked once for the whole worker lifetime, not on every refresh.
  assert.equal(proxy.requests.flatMap((r) => r.methods).filter((m) => m === 'eth_chainId').length, 1);
});
