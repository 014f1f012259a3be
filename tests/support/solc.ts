// Compiles tests/support/contracts/*.sol with solc-js (standard JSON, optimizer on), cached on disk.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Abi, type Hex } from 'viem';

export const CONTRACT_NAMES = [
  'Multicall3',
  'LrtMock',
  'CurvePoolMock',
  'QuoterV2Mock',
  'BalancerQueriesMock',
  'AllocationManagerMock',
  'DelegationManagerMock',
  // Slashing (issue 14): EigenLayer, the LRTs' staker getters, Symbiotic and Mellow.
  'ElDelegationManager',
  'ElAllocationManager',
  'ElStrategy',
  'ElVetoableSlasher',
  'LrtStakers',
  'SymVault',
  'SymDelegator',
  'SymSlasher',
  'SymBurnerRouter',
  'SymBurner',
  // Admin discovery and LayerZero (issue 16): Ownable/ProxyAdmin, Safe, timelock, AccessManager, RoleManager, EndpointV2, ReceiveUln302.
  'OwnableMock',
  'SafeMock',
  'TimelockMock',
  'AccessManagerMock',
  'LzEndpointMock',
  'ReceiveUlnMock',
  'RoleManagerMock',
  // Exit and redemption (issue 15): Balancer Vault, Fluid resolver, withdrawal contracts.
  'BalancerVaultMock',
  'WithdrawalsMock',
  'FluidResolverMock',
  // Backing (issue 16): Renzo RestakeManager, Kelp pool/config/oracle, ether.fi pool and restaker, Puffer vault, ERC-20 balances.
  'RenzoTvlMock',
  'KelpPoolMock',
  'EtherfiPoolMock',
  'PufferVaultMock',
  'TokenBalanceMock',
] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];

export interface CompiledContract {
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
}
export type CompiledContracts = Record<ContractName, CompiledContract>;

const CONTRACTS_DIR = fileURLToPath(new URL('./contracts/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SOLC_CACHE_DIR = join(ROOT, 'node_modules/.cache/restake-lens-solc');

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

interface SolcOutput {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>>;
}

let memo: Promise<CompiledContracts> | undefined;

/** Compiled contracts by name; memoised in-process and cached under node_modules/.cache/restake-lens-solc. */
export function compileContracts(): Promise<CompiledContracts> {
  memo ??= Promise.resolve().then(compileOrLoad);
  return memo;
}

function compileOrLoad(): CompiledContracts {
  const files = readdirSync(CONTRACTS_DIR).filter((f) => f.endsWith('.sol')).sort();
  const sources = Object.fromEntries(files.map((f) => [f, { content: readFileSync(join(CONTRACTS_DIR, f), 'utf8') }]));
  const require = createRequire(import.meta.url);
  // The npm package version names the bundled compiler; reading it avoids loading soljson on a cache hit.
  const solcVersion = (require('solc/package.json') as { version: string }).version;
  const key = createHash('sha256').update(JSON.stringify({ sources, SETTINGS, solcVersion })).digest('hex');
  const cacheFile = join(SOLC_CACHE_DIR, `${key}.json`);
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as CompiledContracts;
  } catch {
    // Cache miss: compile below.
  }
  const solc = require('solc') as { compile(input: string): string };
  const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings: SETTINGS }))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const result: Partial<CompiledContracts> = {};
  for (const name of CONTRACT_NAMES) {
    const c = output.contracts?.[`${name}.sol`]?.[name];
    if (!c) throw new Error(`solc output lacks ${name}.sol:${name}`);
    result[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, deployedBytecode: `0x${c.evm.deployedBytecode.object}` };
  }
  mkdirSync(SOLC_CACHE_DIR, { recursive: true });
  // Write then rename: parallel test files may compile at once.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(result));
  renameSync(tmp, cacheFile);
  return result as CompiledContracts;
}
