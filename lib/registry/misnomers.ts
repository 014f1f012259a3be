// Runs in: build, background, tests. Names that articles use for tokens that do not exist as described. The
// detector marks them with an explanation instead of staying silent (or, worse, matching a real token).
import { z } from '../zod';
import { DLA_COMMIT, repoFile, page } from './sources';
import { SourceRef } from './schema';


export const Misnomer = z.object({
  /** Registry id, the value of `data-lrt-token` on its marks: `misnomer-` + the term in lower case. */
  id: z.string().check(z.regex(/^misnomer-[a-z0-9]+$/)),
  /** The name as written in the wild; matched with the same case and boundary rules as symbols. */
  term: z.string().check(z.minLength(2)),
  explanation: z.string().check(z.minLength(1)),
  /** Registry ids of the real tokens the name is confused with. */
  seeAlso: z.array(z.string()),
  sources: z.array(SourceRef).check(z.minLength(1)),
});
export type Misnomer = z.infer<typeof Misnomer>;

const CORE_ASSETS = repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json');

export const MISNOMERS: readonly Misnomer[] = [
  {
    term: 'eigenETH',
    explanation: 'EigenLayer issues no liquid restaking token; its token EIGEN is not an LRT. Restaked ETH on EigenLayer comes as ezETH (Renzo), eETH/weETH (ether.fi), pufETH (Puffer), rsETH (Kelp) and others.',
    seeAlso: ['ezeth', 'weeth', 'pufeth', 'rseth'],
    sources: [repoFile('eigen-readme', 'Layr-Labs/eigenlayer-contracts', 'f84a5151080cdf0b77b9b6e46506cde723d06c28', 'README.md', 'EigenLayer contracts README (deployed contracts, EIGEN token)')],
  },
  {
    term: 'kETH',
    explanation: 'Karak has no kETH: its vaults issue one ERC-4626 share per deposited asset. “kETH” is Stakehouse’s index token (or KeeperDAO’s 2021 kToken), not a Karak restaking token.',
    seeAlso: [],
    sources: [
      repoFile('karak-vault-data', 'karak-network/v1-contracts-public', 'e731d4e047f0802a271840278fc98a2d5e71c49f', 'script/VaultData/ethereum_mainnet_data.json'),
    ],
  },
  {
    term: 'rzETH',
    explanation: 'No Renzo token is called rzETH. DefiLlama’s asset list files Renzo’s Ethereum ezETH address under the key “linea.rzETH”; the token is ezETH.',
    seeAlso: ['ezeth'],
    sources: [CORE_ASSETS],
  },
  {
    term: 'BabylonBTC',
    explanation: 'Babylon issues no liquid BTC token. BTC staked through Babylon is held as third-party wrappers such as LBTC (Lombard), xSolvBTC (Solv), pumpBTC and uniBTC (Bedrock).',
    seeAlso: ['lbtc', 'xsolvbtc', 'pumpbtc', 'unibtc'],
    sources: [page('babylon-chain-registry', 'Cosmos chain registry: Babylon', 'https://raw.githubusercontent.com/cosmos/chain-registry/master/babylon/chain.json')],
  },
].map((m) => Misnomer.parse({ id: `misnomer-${m.term.toLowerCase()}`, ...m }));
