// @vitest-environment happy-dom
// startLens end to end over happy-dom with the fake browser's messaging (WXT's fakeBrowser): what a frame reports,
// when, and what stop() takes back; and the report throttle at its edges.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REPORT_MAX_MS, REPORT_QUIET_MS, startLens, throttledReport } from '../../../../entrypoints/lens.content/lens';
import { CHANNEL } from '../../../../lib/messaging/contract';
import { TEST_CONFIG } from '../../lib/lens';

describe('throttledReport', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  test(`one change: sent ${REPORT_QUIET_MS} ms later, not sooner`, () => {
    const sent = vi.fn();
    const r = throttledReport(sent);
    r.changed();
    vi.advanceTimersByTime(REPORT_QUIET_MS - 1);
    expect(sent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(sent).toHaveBeenCalledTimes(1);
  });

  test('changes closer than the quiet time push it back', () => {
    const sent = vi.fn();
    const r = throttledReport(sent);
    r.changed();
    vi.advanceTimersByTime(300);
    r.changed();
    vi.advanceTimersByTime(REPORT_QUIET_MS - 1);
    expect(sent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(sent).toHaveBeenCalledTimes(1);
  });

  test(`a page that changes every 200 ms is still reported every ${REPORT_MAX_MS} ms`, () => {
    const sent = vi.fn();
    const r = throttledReport(sent);
    for (let t = 0; t < 2 * REPORT_MAX_MS; t += 200) {
      r.changed();
      vi.advanceTimersByTime(200);
    }
    expect(sent).toHaveBeenCalledTimes(2);
  });

  test('cancel() sends nothing', () => {
    const sent = vi.fn();
    const r = throttledReport(sent);
    r.changed();
    r.cancel();
    vi.advanceTimersByTime(REPORT_MAX_MS);
    expect(sent).not.toHaveBeenCalled();
  });
});

describe('startLens', () => {
  const reports: unknown[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    reports.length = 0;
    // The fake answers through sendResponse (it ignores returned promises).
    fakeBrowser.runtime.onMessage.addListener((m: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      const msg = m as { channel: string; name: string; input: { counts: Record<string, number> } };
      if (msg.channel !== CHANNEL || msg.name !== 'tab:report') return undefined;
      reports.push(msg.input.counts);
      sendResponse({ ok: true, data: { stored: true } });
      return true;
    });
  });
  afterEach(() => document.body.replaceChildren());

  test('reports the frame’s tokens once the scan settles (impostors not counted), and an empty report on stop', async () => {
    // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
    document.body.innerHTML = '<p>ezETH and weETH, ezETH again; kETH is a misnomer</p>';
    const before = document.body.innerHTML;
    const held = vi.fn();
    const lens = startLens(document, TEST_CONFIG, held);
    await vi.waitFor(() => expect(reports).toEqual([{ ezeth: 2, weeth: 1 }]), { timeout: 3_000 });
    expect(held).toHaveBeenCalled();
    expect(document.body.innerHTML).toBe(before);
    lens.stop();
    await vi.waitFor(() => expect(reports.at(-1)).toEqual({}));
  });

  test('a change that leaves the counts as they were sends nothing new', async () => {
    // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
    document.body.innerHTML = '<p id="a">ezETH</p>';
    const lens = startLens(document, TEST_CONFIG);
    await vi.waitFor(() => expect(reports).toEqual([{ ezeth: 1 }]), { timeout: 3_000 });
    document.getElementById('a')!.firstChild!.textContent = 'ezETH!';
    await new Promise((r) => setTimeout(r, REPORT_QUIET_MS + 200));
    expect(reports).toEqual([{ ezeth: 1 }]);
    lens.stop();
  });
});
