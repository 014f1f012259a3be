// Runs in: build, background, tests. Helpers for citing sources in the issuer data files.
import type { SourceRef } from './schema';

/** A file in a public repository at a fixed commit. */
export function repoFile(id: string, repo: string, commit: string, path: string, title?: string): SourceRef {
  return {
    id,
    title: title ?? `${repo}@${commit.slice(0, 8)}: ${path}`,
    url: `https://github.com/${repo}/blob/${commit}/${path.split('/').map(encodeURIComponent).join('/')}`,
    commit,
  };
}

/** A web page. */
export function page(id: string, title: string, url: string): SourceRef {
  return { id, title, url };
}

// Snapshots shared by several issuers.
export const DLA_COMMIT = '1eb4e81d4dd0fa8e2c27a428fe8120b37c985689';
export const YS_COMMIT = 'e638965f28982149aed419391ae0b882667dd844';
export const EIGENLAYER_SLASHING = page(
  'eigen-slashing',
  'EigenLayer: slashing live on mainnet 2025-04-17; operators opt in to operator sets (Eigen blog, ELIP-002)',
  'https://blog.eigencloud.xyz/intro-to-slashing-on-eigenlayer-operators-edition',
);
export const EIGENLAYER_DELAY = repoFile(
  'eigen-mainnet-config',
  'Layr-Labs/eigenlayer-contracts',
  'f84a5151080cdf0b77b9b6e46506cde723d06c28',
  'script/configs/mainnet.json',
  'EigenLayer mainnet config: withdrawal delay 100,800 blocks (14 days)',
);
