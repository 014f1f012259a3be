// Runs in: background, tests. The card's Slashing section from chain reads (issue 14): the plain sentence first, then
// each figure with the calls it rests on, its block and its age. Display-ready data only, so any renderer (the React
// card, a port without React) shows the same thing. Where nothing can be read, it says so and why.
import type { TokenProfile } from '../registry/schema';
import type { LiveFact, SlashingRead, TokenLive } from '../live/facts';
import type { ChainSource } from '../provenance';
import { FAILURE_TEXT } from '../failures';
import type { TokenExposure } from '../sources/eigenlayer';
import type { VaultExposure } from '../sources/symbiotic';
import { eigenLayerSentence, symbioticSentence } from '../risk/slashing';
import { keySources } from '../risk/live';
import { specsFor, MELLOW_VAULTS } from '../live/slashing-jobs';
import type { SlashingFigureView, SlashingLiveView } from './schema';

/** Ethereum's slot time: a block number ahead is turned into a date at this pace (an estimate: slots can be missed). */
export const SECONDS_PER_BLOCK = 12;
/** Calls linked per figure; the rest are counted. */
export const MAX_FIGURE_LINKS = 12;
/** Calls listed in the detail's "every call" list; the rest are counted. */
export const MAX_CALLS_LISTED = 150;

/** Why nothing is read from chain for a layer. */
const UNREADABLE: Record<string, string> = {
  Babylon: 'Babylon stakes BTC on Bitcoin and the Babylon chain, which Restake Lens does not read',
  'Jito Restaking': 'Jito Restaking runs on Solana, where Restake Lens has no slashing reader',
  Karak: 'Restake Lens has no reader for Karak',
};

const p2 = (n: number) => `${Number(n.toFixed(2)).toLocaleString('en-US')}%`;
const ethText = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: n >= 100 ? 1 : 4 })} ETH`;
const units = (wei: string) => (Number(BigInt(wei) / 10n ** 12n) / 1e6).toLocaleString('en-US', { maximumFractionDigits: 4 });

function figure(id: SlashingFigureView['id'], label: string, text: string, sources: readonly ChainSource[] = []): SlashingFigureView {
  const seen = new Set<string>();
  const uniq = sources.filter((s) => {
    const k = `${s.contract}|${s.function}|${s.block}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const linked = keySources(uniq).slice(0, MAX_FIGURE_LINKS);
  return { id, label, text, sources: linked, moreSources: uniq.length - linked.length };
}

const fn = (sources: readonly ChainSource[], ...names: string[]) => sources.filter((s) => names.some((n) => s.function.startsWith(`${n}(`)));

/** The date a block ahead of `block` (read at `at`) should arrive, as YYYY-MM-DD. */
export function blockDate(effectBlock: number, block: string, at: string): string {
  const ms = Date.parse(at) + (effectBlock - Number(block)) * SECONDS_PER_BLOCK * 1000;
  return new Date(ms).toISOString().slice(0, 10);
}

function eigenLayerFigures(t: TokenExposure, at: string): SlashingFigureView[] {
  const s = t.sources;
  const setSrc = t.sets.map((x) => x.source);
  const backingSrc = [...fn(s, 'getOperatorsShares', 'sharesToUnderlyingView'), ...fn(s, 'getWithdrawableShares')];
  const out: SlashingFigureView[] = [];
  out.push(
    figure(
      'slashable',
      'Slashable share of the backing',
      t.slashablePct === null
        ? 'Not known: no EigenLayer-restaked backing was read.'
        : `${p2(t.slashablePct)}: ${ethText(t.slashableEth)} of ${ethText(t.backingEth)} restaked on EigenLayer, in ${t.sets.length} operator ${t.sets.length === 1 ? 'set' : 'sets'} (minimum slashable stake ÷ operator shares, per operator and strategy).`,
      [...setSrc, ...backingSrc],
    ),
  );
  if (t.largestAvs) {
    const sets = t.sets.filter((x) => x.avs.toLowerCase() === t.largestAvs!.avs.toLowerCase());
    out.push(
      figure('largest', 'Largest AVS', `AVS ${t.largestAvs.avs} (no curated name) can slash ${p2(t.largestAvs.pct)} of the backing, through ${t.largestAvs.sets} operator ${t.largestAvs.sets === 1 ? 'set' : 'sets'} (${sets.map((x) => `#${x.id}: ${p2(x.pct)}`).join(', ')}).`, sets.map((x) => x.source)),
    );
  } else out.push(figure('largest', 'Largest AVS', 'None: no AVS has stake of this token allocated.', fn(s, 'getAllocatedSets')));
  out.push(
    figure(
      'redistributing',
      'Redistributing',
      t.redistributingPct === null
        ? 'Not known.'
        : t.redistributingPct > 0
          ? `${p2(t.redistributingPct)} of the backing (${ethText(t.redistributingEth)}) sits in redistributing operator sets: slashed funds go to an address the AVS chose, not a burn (LST strategies only; native ETH is never redistributed).`
          : 'None: no operator set holding stake of it redistributes.',
      fn(s, 'isRedistributingOperatorSet'),
    ),
  );
  const vetoed = t.sets.filter((x) => x.meta?.kind === 'veto');
  const windows = [...new Set(vetoed.map((x) => x.meta!.veto!.windowBlocks.value))];
  out.push(
    figure(
      'veto',
      'Veto',
      t.noVetoPct === null
        ? 'Not known.'
        : t.noVetoPct > 0
          ? `${p2(t.noVetoPct)} of the backing can be slashed with no veto window (a slasher that exposes none).${vetoed.length ? ` The rest is behind a VetoableSlasher (window ${windows.join(', ')} blocks).` : ''}`
          : t.slashableEth > 0
            ? `Every slash is veto-gated: a VetoableSlasher with a window of ${windows.join(', ')} blocks and a committee.`
            : 'Nothing is slashable now.',
      fn(s, 'getSlasher', 'vetoWindowBlocks', 'vetoCommittee'),
    ),
  );
  const before = t.operators.filter((o) => o.slashedBefore).length;
  out.push(
    figure(
      'operators',
      'Operators',
      t.operatorCount === 0
        ? 'None: no staker contract is delegated.'
        : `${t.operatorCount} ${t.operatorCount === 1 ? 'operator' : 'operators'}; the largest (${t.operators[0]!.operator}) holds ${p2(t.topOperatorPct ?? 0)} of the delegated stake${t.operatorHhi === null ? '' : ` (HHI ${t.operatorHhi.toFixed(3)})`}.${before ? ` ${before} slashed before (max magnitude below 1).` : ' None slashed before.'}`,
      [...fn(s, 'getMaxMagnitudes'), ...fn(s, 'delegatedTo')],
    ),
  );
  out.push(
    figure(
      'pending',
      'Pending allocations',
      t.pending.length
        ? t.pending
            .map((p) => `AVS ${p.avs} set #${p.id}: ${p.eth >= 0 ? '+' : '−'}${ethText(Math.abs(p.eth))} slashable through operator ${p.operator} from block ${p.effectBlock.toLocaleString('en-US')} (about ${blockDate(p.effectBlock, t.block, at)}, an estimate at ${SECONDS_PER_BLOCK} s a block)`)
            .join('; ') + (t.pendingIncreasePct ? `. In all ${p2(t.pendingIncreasePct)} more of the backing once they take effect.` : '.')
        : t.pendingMissing.length
          ? 'Not all read this time.'
          : 'None.',
      fn(s, 'getStrategyAllocations'),
    ),
  );
  out.push(
    figure(
      'undelegated',
      'Not delegated',
      t.undelegatedPct === null ? 'Not known.' : `${p2(t.undelegatedPct)} of the backing (${ethText(t.undelegatedEth)}) is delegated to no operator: no AVS can slash it.`,
      fn(s, 'delegatedTo'),
    ),
  );
  return out;
}

function symbioticFigures(v: VaultExposure): SlashingFigureView[] {
  const s = v.sources;
  if (v.legacy) return [figure('slashable', 'Slashable share', 'None: symbioticVault() reverted, so the vault holds no Symbiotic vault (not migrated).', fn(s, 'symbioticVault'))];
  const stake = v.activeStake ? `${units(v.activeStake.value)} units of collateral` : 'an unread stake';
  const limits = fn(s, 'networkLimit', 'maxNetworkLimit');
  const top = [...v.networks].sort((a, b) => b.pct - a.pct)[0];
  const out: SlashingFigureView[] = [];
  out.push(
    figure(
      'slashable',
      'Largest single network',
      v.slasher?.kind === 'none'
        ? 'None: the Symbiotic vault has no slasher, so no network can slash it.'
        : top
          ? `Network ${top.network} can slash up to ${p2(top.pct)} of the Symbiotic vault's active stake (${stake}): min(network limit, max network limit, stake) ÷ stake.`
          : v.largestNetworkPct === null
            ? 'Not known.'
            : 'No network has a limit on this vault now.',
      [...(top ? [top.limit.source] : limits), ...fn(s, 'activeStake')],
    ),
  );
  out.push(
    figure(
      'limits',
      'All networks together',
      v.sumOfLimitsPct === null ? 'Not known.' : `${v.networks.length} ${v.networks.length === 1 ? 'network' : 'networks'} with a limit, adding up to ${p2(v.sumOfLimitsPct)} of the stake (the stake is shared: each can slash it up to its own limit).`,
      limits,
    ),
  );
  const bad = v.receivers.filter((r) => !r.burns);
  out.push(
    figure(
      'redistributing',
      'Where slashed collateral goes',
      v.redistributingPct === null
        ? 'Not known.'
        : bad.length
          ? `To ${bad.map((r) => r.address).join(', ')}, which ${bad.length === 1 ? 'is' : 'are'} not a burner (no COLLATERAL() of this vault's collateral): up to ${p2(v.redistributingPct)} of the stake can be redistributed.`
          : 'To a burner (answers COLLATERAL() with the vault’s collateral): nothing is redistributed.',
      [...fn(s, 'globalReceiver', 'networkReceiver'), ...v.receivers.map((r) => r.source), ...fn(s, 'COLLATERAL')],
    ),
  );
  const k = v.slasher?.kind;
  out.push(
    figure(
      'veto',
      'Veto',
      !k
        ? 'Not known.'
        : k === 'none'
          ? 'No slasher.'
          : k === 'instant'
            ? `Instant slasher: no veto, up to ${p2(v.noVetoPct ?? 0)} of the stake.`
            : `VetoSlasher with a ${((v.slasher!.vetoSeconds?.value ?? 0) / 86_400).toLocaleString('en-US', { maximumFractionDigits: 2 })}-day veto window${(v.noVetoPct ?? 0) > 0 ? `; networks with no resolver can slash up to ${p2(v.noVetoPct!)} with nobody to veto` : '; every network has a resolver'}.`,
      fn(s, 'TYPE', 'vetoDuration', 'resolver'),
    ),
  );
  out.push(figure('operators', 'Operators', `Not read for Symbiotic vaults (the delegator${v.delegatorType ? `, ${v.delegatorType.value},` : ''} does not list them).`, v.delegatorType ? [v.delegatorType.source] : []));
  return out;
}

function readView(t: TokenProfile, f: LiveFact<SlashingRead>): SlashingLiveView {
  const r = f.value;
  const exposure = r.layer === 'EigenLayer' ? r.exposure : null;
  const vault = r.layer === 'Symbiotic' ? r.vault : null;
  const sources = exposure?.sources ?? vault?.sources ?? [];
  const missing = exposure?.missing ?? vault?.missing ?? [];
  // Operator, set and vault calls first, then the per-staker reads, up to the cap.
  const key = keySources(sources);
  const listed = [...key, ...sources.filter((x) => !key.includes(x))].slice(0, MAX_CALLS_LISTED);
  return {
    state: 'read',
    layer: r.layer,
    sentence: exposure ? eigenLayerSentence(t.symbol, exposure) : symbioticSentence(t.symbol, vault!),
    okAt: f.okAt,
    fresh: f.fresh,
    failing: f.failing.length ? [...new Set(f.failing.map((k) => FAILURE_TEXT[k] ?? 'failed'))].join('; ') : null,
    block: exposure?.block ?? vault?.block ?? null,
    complete: exposure?.complete ?? vault?.complete ?? false,
    missingCount: missing.length,
    verified: r.verified,
    figures: exposure ? eigenLayerFigures(exposure, f.okAt) : symbioticFigures(vault!),
    calls: listed,
    moreCalls: sources.length - listed.length,
  };
}

const empty = (state: SlashingLiveView['state'], sentence: string, layer: SlashingLiveView['layer'] = null): SlashingLiveView => ({
  state,
  layer,
  sentence,
  okAt: null,
  fresh: false,
  failing: null,
  block: null,
  complete: false,
  missingCount: 0,
  verified: false,
  figures: [],
  calls: [],
  moreCalls: 0,
});

/**
 * The Slashing section's live part, or undefined for a token with no restaking layer (nothing to say beyond the
 * curated line).
 */
export function slashingView(t: TokenProfile, l: TokenLive | null, offline: boolean): SlashingLiveView | undefined {
  const readable = specsFor([t]).length > 0 || (MELLOW_VAULTS as readonly string[]).includes(t.id);
  const layer = specsFor([t]).length ? 'EigenLayer' : readable ? 'Symbiotic' : null;
  if (!readable) {
    const layers = [...new Set(t.layers.map((x) => x.layer))];
    if (!layers.length) return undefined;
    const why = layers.map((x) => UNREADABLE[x] ?? `Restake Lens does not read ${t.symbol}'s ${x} stake from chain (its staker contracts cannot be listed from a verified getter)`);
    return empty('unreadable', `Nothing about ${t.symbol}'s slashing exposure can be read from chain: ${why.join('; ')}. The petal rests on curated facts.`);
  }
  if (offline) return empty('offline', 'Offline mode: slashing exposure is not read from chain.', layer);
  const f = l?.slashing;
  if (!f) return empty('not-yet', `No chain read of ${t.symbol}'s slashing exposure has arrived yet.`, layer);
  return readView(t, f);
}
