// Runs in: background. Which tokens each frame of each tab shows, kept in storage.session so a restarted
// MV3 service worker still knows. One key per (tab, frame): frames report independently, with no
// read-modify-write race between them.
import { LIMITS_PREFIX, TAB_PREFIX } from './storage-keys';
import { MARK_LIMITS, MarkLimit } from './messaging/contract';
import { browser } from 'wxt/browser';
import { z } from './zod';

const Counts = z.record(z.string(), z.int().check(z.positive()));
export type Counts = z.infer<typeof Counts>;

const PREFIX = TAB_PREFIX;
const key = (tabId: number, frameId: number) => `${PREFIX}${tabId}:${frameId}`;
const tabPrefix = (tabId: number) => `${PREFIX}${tabId}:`;

export async function saveFrameReport(tabId: number, frameId: number, counts: Counts): Promise<void> {
  if (Object.keys(counts).length === 0) await browser.storage.session.remove(key(tabId, frameId));
  else await browser.storage.session.set({ [key(tabId, frameId)]: counts });
}

/** Token counts summed over every frame of the tab. Entries that fail to parse are skipped. */
export async function tabCounts(tabId: number): Promise<Counts> {
  const all = await browser.storage.session.get(null);
  const total: Counts = {};
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(tabPrefix(tabId))) continue;
    const parsed = Counts.safeParse(v);
    if (!parsed.success) continue;
    for (const [id, n] of Object.entries(parsed.data)) total[id] = (total[id] ?? 0) + n;
  }
  return total;
}

/** The limits a frame reached (kept apart from its counts, which other readers sum). */
export async function saveFrameLimits(tabId: number, frameId: number, limits: readonly MarkLimit[]): Promise<void> {
  const k = `${LIMITS_PREFIX}${tabId}:${frameId}`;
  if (limits.length === 0) await browser.storage.session.remove(k);
  else await browser.storage.session.set({ [k]: [...new Set(limits)] });
}

/** Every limit any frame of the tab reached, each once. Entries that fail to parse are skipped. */
export async function tabLimits(tabId: number): Promise<MarkLimit[]> {
  const all = await browser.storage.session.get(null);
  const out = new Set<MarkLimit>();
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(`${LIMITS_PREFIX}${tabId}:`)) continue;
    const parsed = z.array(MarkLimit).safeParse(v);
    if (parsed.success) for (const l of parsed.data) out.add(l);
  }
  return MARK_LIMITS.filter((l) => out.has(l));
}

export async function clearTab(tabId: number): Promise<void> {
  const all = await browser.storage.session.get(null);
  const stale = Object.keys(all).filter((k) => k.startsWith(tabPrefix(tabId)) || k.startsWith(`${LIMITS_PREFIX}${tabId}:`));
  if (stale.length) await browser.storage.session.remove(stale);
}

/** Every tab that has a stored report (for work that follows all of them, such as the toolbar badge). */
export async function reportedTabs(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  const ids = new Set<number>();
  for (const k of Object.keys(all)) {
    const m = /^tab:(\d+):\d+$/.exec(k);
    if (m) ids.add(Number(m[1]));
  }
  return [...ids];
}
