// Runs in: tests (vitest). Depeg alerts: the pure rules of lib/alerts/depeg.ts (crossing, hysteresis, stale
// readings, both sides of the peg, unwatched tokens, damaged state, threshold edges and changes), then the
// background wiring of lib/alerts/service.ts on the fake browser (notifications, stored state, offline mode,
// concurrent checks, clicks).
import { apiSource, chainSource, type Source } from '../../../../lib/provenance';
import { beforeEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ALERTS_KEY,
  EMPTY_ALERT_STATE,
  LOG_MAX,
  alertText,
  parseAlertState,
  pctText,
  stepAlerts,
  type AlertSettings,
  type AlertState,
  type PegReading,
} from '../../../../lib/alerts/depeg';
import { checkDepeg, openAlert, readAlertState } from '../../../../lib/alerts/service';
import { getToken } from '../../../../lib/registry';
import { marketCoin, unitCoin } from '../../../../lib/live/keys';
import { ENTRIES_KEY } from '../../../../lib/live/store';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../../../lib/settings';

const T0 = new Date('2026-11-21T12:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const W: AlertSettings = { depegPct: 1, watched: ['weeth', 'ezeth'] };

const reading = (pct: number, over: Partial<PegReading> = {}): PegReading => ({ tokenId: 'weeth', pct, fresh: true, okAt: T0.toISOString(), ...over });

/** Feeds weETH readings one after another (one per minute); returns the alerts raised at each step and the final state. */
function run(pcts: Array<number | PegReading | null>, settings: AlertSettings = W, start: AlertState = EMPTY_ALERT_STATE) {
  let state = start;
  const raisedAt: number[][] = [];
  pcts.forEach((p, i) => {
    const rs = p === null ? [] : [typeof p === 'number' ? reading(p) : p];
    const out = stepAlerts(state, rs, settings, at(i));
    state = out.state;
    raisedAt.push(out.raised.map((a) => a.pct));
  });
  return { state, raisedAt, total: raisedAt.flat().length };
}

describe('depeg rules', () => {
  test('crossing the threshold raises exactly one alert, logged with its time, pct and threshold', () => {
    const { state, raisedAt } = run([-0.2, -3.1]);
    expect(raisedAt).toEqual([[], [-3.1]]);
    expect(state.tokens.weeth).toMatchObject({ alerting: true, side: 'below', lastPct: -3.1, since: at(1).toISOString(), thresholdPct: 1 });
    expect(state.log).toEqual([{ at: at(1).toISOString(), tokenId: 'weeth', pct: -3.1, thresholdPct: 1, okAt: T0.toISOString() }]);
  });

  test('readings that stay above the threshold, or inside the hysteresis band, raise nothing more', () => {
    const { raisedAt, total, state } = run([-3, -3, -3.5, -1.2, -0.6, -0.5, -2.5, -3]);
    expect(raisedAt[0]).toEqual([-3]);
    expect(total).toBe(1);
    expect(state.tokens.weeth).toMatchObject({ alerting: true, lastPct: -3, since: at(0).toISOString() });
    expect(state.log).toHaveLength(1);
  });

  test('recovery below the re-arm level (half the threshold) re-arms: the next crossing alerts again', () => {
    const { raisedAt, state } = run([-3, -0.49, -0.9, -1.4]);
    expect(raisedAt).toEqual([[-3], [], [], [-1.4]]);
    expect(state.log.map((l) => l.pct)).toEqual([-3, -1.4]);
    const rearmed = run([-3, -0.2]).state.tokens.weeth;
    expect(rearmed).toMatchObject({ alerting: false, side: null, since: at(1).toISOString(), lastPct: -0.2 });
  });

  test('stale or missing readings change nothing', () => {
    // Armed token, stale reading far past the threshold: no alert, no state change.
    const armed = run([-0.2]).state;
    const stale = stepAlerts(armed, [reading(-9, { fresh: false })], W, at(5));
    expect(stale.raised).toEqual([]);
    expect(stale.state).toEqual(armed);
    // Alerting token, stale reading back at the peg: still alerting (no re-arm from old data), so no repeat later.
    const { raisedAt, state } = run([-3, reading(-0.1, { fresh: false }), null, -3]);
    expect(raisedAt).toEqual([[-3], [], [], []]);
    expect(state.tokens.weeth?.alerting).toBe(true);
    // A reading that is not a number counts as none.
    expect(stepAlerts(armed, [reading(Number.NaN)], W, at(5)).state).toEqual(armed);
  });

  test('both directions: above the peg alerts like below; flipping sides past the threshold is a new alert', () => {
    expect(run([0.2, 2.4]).raisedAt).toEqual([[], [2.4]]);
    expect(run([2.4]).state.tokens.weeth?.side).toBe('above');
    // From an alert below straight to beyond the threshold above: no reading could re-arm it in between.
    expect(run([-3, 1.5]).raisedAt).toEqual([[-3], [1.5]]);
    // To the other side but inside the band: still the same alert.
    expect(run([-3, 0.8, -2]).total).toBe(1);
  });

  test('a token no longer watched loses its state, and its readings are ignored; the log keeps its alerts', () => {
    const { state } = run([-3]);
    expect(state.tokens.weeth?.alerting).toBe(true);
    const dropped = stepAlerts(state, [reading(-5)], { depegPct: 1, watched: ['ezeth'] }, at(3));
    expect(dropped.raised).toEqual([]);
    expect(dropped.state.tokens).toEqual({});
    expect(dropped.state.log).toHaveLength(1);
    // Watched again later: it starts armed, so a deviation still there alerts once more.
    expect(stepAlerts(dropped.state, [reading(-5)], W, at(4)).raised).toHaveLength(1);
  });

  test('threshold edges: exactly at the threshold alerts, just under does not; exactly at the re-arm level stays alerting', () => {
    expect(run([-1]).total).toBe(1);
    expect(run([1]).total).toBe(1);
    expect(run([-0.9999]).total).toBe(0);
    expect(run([-3, -0.5]).state.tokens.weeth?.alerting).toBe(true);
    expect(run([-3, -0.4999]).state.tokens.weeth?.alerting).toBe(false);
    // The smallest threshold the settings allow.
    const tiny = { depegPct: 0.1, watched: ['weeth'] };
    expect(run([-0.1, -0.06, -0.05, -0.0499, -0.1], tiny).raisedAt).toEqual([[-0.1], [], [], [], [-0.1]]);
  });

  test('a threshold change applies on the next reading', () => {
    const alerting = run([-3]).state;
    // Raised to 5%: 3% is no longer in alarm, so the token re-arms, and crossing 5% alerts.
    const raisedTo5 = run([-3, -5.2], { depegPct: 5, watched: ['weeth'] }, alerting);
    expect(raisedTo5.raisedAt).toEqual([[], [-5.2]]);
    expect(run([-3], { depegPct: 5, watched: ['weeth'] }, alerting).state.tokens.weeth).toMatchObject({ alerting: false, thresholdPct: 5 });
    // Lowered while alerting: still the same alert, no repeat.
    const at6 = run([-6], { depegPct: 5, watched: ['weeth'] }).state;
    expect(run([-6, -6], W, at6).total).toBe(0);
    // Lowered while armed: the deviation already past the new threshold alerts.
    const armedAt3 = run([-3], { depegPct: 5, watched: ['weeth'] }).state;
    expect(run([-3], W, armedAt3).total).toBe(1);
  });

  test('the log keeps the last LOG_MAX alerts, oldest first; the previous state is never modified', () => {
    // 25 crossings (each followed by a recovery): the log holds the last 20, oldest first.
    const pcts = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? -(200 + i) / 100 : 0));
    const { state, total } = run(pcts);
    expect(total).toBe(25);
    expect(state.log).toHaveLength(LOG_MAX);
    expect(state.log.map((l) => l.pct)).toEqual(pcts.filter((p) => p !== 0).slice(-LOG_MAX));
    expect(state.log.map((l) => l.at)).toEqual(Array.from({ length: LOG_MAX }, (_, k) => at(10 + 2 * k).toISOString()));
    const frozen = structuredClone(state);
    stepAlerts(state, [reading(-9), reading(4, { tokenId: 'ezeth' })], W, at(99));
    expect(state).toEqual(frozen);
  });

  test('tokens are judged independently', () => {
    const out = stepAlerts(EMPTY_ALERT_STATE, [reading(-3), reading(0.3, { tokenId: 'ezeth' })], W, T0);
    expect(out.raised.map((a) => a.tokenId)).toEqual(['weeth']);
    expect(out.state.tokens.ezeth).toMatchObject({ alerting: false, lastPct: 0.3 });
  });
});

describe('stored alert state', () => {
  test('damaged values give the empty state, damaged parts are dropped alone, never a throw', () => {
    for (const raw of [undefined, null, 'x', 42, [], { tokens: 'x', log: 'y' }]) expect(parseAlertState(raw)).toEqual(EMPTY_ALERT_STATE);
    const good = run([-3]).state;
    const raw = {
      tokens: { ...good.tokens, ezeth: { alerting: 'yes' }, 'Bad Id': good.tokens.weeth },
      log: [...good.log, { at: 'not a date', tokenId: 'weeth', pct: 1, thresholdPct: 1, okAt: T0.toISOString() }, null],
    };
    expect(parseAlertState(raw)).toEqual(good);
    // A state that round-trips through storage reads back the same.
    expect(parseAlertState(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  test('any JSON value parses without throwing, and stepping from it works', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const s = parseAlertState(raw);
        expect(stepAlerts(s, [reading(-3)], W, T0).state.tokens.weeth).toBeDefined();
      }),
    );
  });
});

describe('alert words', () => {
  test('token, deviation and side, threshold, data age', () => {
    const a = { tokenId: 'weeth', pct: -3.1234, thresholdPct: 1, okAt: T0.toISOString() };
    expect(alertText('weETH', a, at(4))).toEqual({
      title: 'weETH is 3.1% below its peg',
      message: 'weETH trades 3.1% below its redemption value (your alert threshold: 1%). Price data from 4 min ago.',
    });
    expect(alertText('ezETH', { ...a, pct: 0.25, thresholdPct: 0.2 }, new Date(T0.getTime() + 20_000)).message).toBe(
      'ezETH trades 0.25% above its redemption value (your alert threshold: 0.2%). Price data from just now.',
    );
    expect(pctText(-12.345)).toBe('12.3%');
  });
});

// The wiring, on the fake browser: live cache entries for weETH (rate, market price, ETH price) as the refresh
// jobs store them.
const weeth = getToken('weeth')!;
const RATE = 1.07;
const ETH = 3000;

function settings(alerts: Settings['alerts'], over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, alerts, ...over };
}

async function seed(pegPct: number, okAt: Date = new Date()) {
  const ok = okAt.toISOString();
  const entry = (value: unknown, source: Source) => ({ value, okAt: ok, source, error: null });
  const rs = weeth.rateSource!;
  await fakeBrowser.storage.local.set({
    [ENTRIES_KEY]: {
      'rate:weeth': entry({ rate: RATE, unit: 'ETH' }, chainSource(rs.chain, rs.contract, rs.function, 1n, ok)),
      [`price:${marketCoin(weeth)}`]: entry({ usd: RATE * ETH * (1 + pegPct / 100), priceAt: ok }, apiSource('http://127.0.0.1/coins', marketCoin(weeth)!, ok)),
      [`price:${unitCoin(weeth)}`]: entry({ usd: ETH, priceAt: ok }, apiSource('http://127.0.0.1/coins', unitCoin(weeth)!, ok)),
    },
  });
}

describe('depeg wiring (fake browser)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings({ depegPct: 1, watched: ['weeth'] }) });
  });

  test('one notification per crossing, with the words and icon; the state and log are stored', async () => {
    await seed(-0.2);
    expect(await checkDepeg()).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    await seed(-3);
    const raised = await checkDepeg();
    expect(raised.map((a) => a.tokenId)).toEqual(['weeth']);
    expect(raised[0]!.pct).toBeCloseTo(-3, 9);
    const shown = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { type: string; iconUrl: string; title: string; message: string }>;
    expect(Object.keys(shown)).toEqual(['depeg:weeth']);
    expect(shown['depeg:weeth']).toMatchObject({ type: 'basic', iconUrl: fakeBrowser.runtime.getURL('/icon/128.png'), title: 'weETH is 3% below its peg' });
    expect(shown['depeg:weeth']!.message).toMatch(/^weETH trades 3% below its redemption value \(your alert threshold: 1%\)\. Price data from just now\.$/);

    // The user dismisses it; later refreshes at the same deviation raise nothing.
    await fakeBrowser.notifications.clear('depeg:weeth');
    expect(await checkDepeg()).toEqual([]);
    expect(await checkDepeg()).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    const state = await readAlertState();
    expect(state.log).toHaveLength(1);
    expect(state.tokens.weeth).toMatchObject({ alerting: true, side: 'below' });

    await seed(-0.2);
    await checkDepeg();
    expect((await readAlertState()).tokens.weeth?.alerting).toBe(false);
  });

  test('two checks at once raise one alert, not two', async () => {
    await seed(-3);
    const [a, b] = await Promise.all([checkDepeg(), checkDepeg()]);
    expect(a.length + b.length).toBe(1);
    expect((await readAlertState()).log).toHaveLength(1);
  });

  test('stale data raises nothing', async () => {
    await seed(-3, new Date(Date.now() - 31 * 60_000));
    expect(await checkDepeg()).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  test('offline mode raises nothing and leaves the state alone', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings({ depegPct: 1, watched: ['weeth'] }, { offline: true }) });
    await seed(-3);
    expect(await checkDepeg()).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await fakeBrowser.storage.local.get(ALERTS_KEY))[ALERTS_KEY]).toBeUndefined();
  });

  test('nothing watched: nothing raised; a damaged stored state is replaced, not a crash', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings({ depegPct: 1, watched: [] }) });
    await seed(-3);
    expect(await checkDepeg()).toEqual([]);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings({ depegPct: 1, watched: ['weeth'] }), [ALERTS_KEY]: { tokens: [1, 2], log: 'x' } });
    expect((await checkDepeg()).map((a) => a.tokenId)).toEqual(['weeth']);
    expect((await readAlertState()).log).toHaveLength(1);
  });

  test('a click opens the token detail in a new tab and clears the notification; other ids are left alone', async () => {
    await seed(-3);
    await checkDepeg();
    await openAlert('depeg:weeth');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/popup.html?token=weeth'));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    const before = (await fakeBrowser.tabs.query({})).length;
    await openAlert('something-else');
    await openAlert('depeg:no-such-token');
    expect((await fakeBrowser.tabs.query({})).length).toBe(before);
  });
});
