// Runs in: background. A token's live input for its views, and the rows for the tokens one tab shows: the one
// source the popup's list ('tab:tokens') and the toolbar badge both read, so they never disagree.
import { getToken } from '../../lib/registry';
import { toRowView, type LiveInput } from '../../lib/views/build';
import { BENCHMARK_TOKEN, tokenLive } from '../../lib/live/facts';
import { liveState, type LiveState } from '../../lib/live/service';
import type { TokenProfile } from '../../lib/registry/schema';
import type { TabTokenView } from '../../lib/views/schema';
import { tabCounts } from '../../lib/tab-reports';

export function liveInput(t: TokenProfile, state: LiveState, now: Date): LiveInput {
  return { offline: state.offline, live: state.offline ? null : tokenLive(t, state.entries, now, getToken(BENCHMARK_TOKEN), { refreshMinutes: state.refreshMinutes }) };
}

/** Every registry token the tab shows, with its count over all frames and its current rating (`live`: read once for many tabs). */
export async function tabRows(tabId: number, live?: LiveState): Promise<TabTokenView[]> {
  const [counts, state] = await Promise.all([tabCounts(tabId), live ?? liveState()]);
  const now = new Date();
  return Object.entries(counts).flatMap(([id, count]) => {
    const t = getToken(id);
    return t ? [{ ...toRowView(t, now, liveInput(t, state, now)), count }] : [];
  });
}
