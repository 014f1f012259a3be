// The bench's attribution rules (scripts/bench/trace.ts) on small synthetic traces shaped like Chrome's.
import { describe, expect, test } from 'vitest';
import { attribute, devtoolsEvaluations, type TraceEvent } from '../../scripts/bench/trace.ts';

const FRAME = 'F1';
const EXT = 'chrome-extension://abc/content-scripts/lens.js';
const PAGE = 'http://127.0.0.1:1/feed.html';

const meta: TraceEvent[] = [
  { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: 1, tid: 1, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: 1, tid: 2, args: { name: 'Compositor' } },
  { name: 'TracingStartedInBrowser', cat: 'disabled-by-default-devtools.timeline', ph: 'I', ts: 0, pid: 0, tid: 0, args: { data: { frames: [{ frame: FRAME, processId: 1 }] } } },
];

/** A complete event on the page's main thread; times in ms for readability (trace uses µs). */
function x(name: string, startMs: number, durMs: number, args?: TraceEvent['args']): TraceEvent {
  return { name, cat: 'devtools.timeline', ph: 'X', ts: startMs * 1000, dur: durMs * 1000, tdur: durMs * 500, pid: 1, tid: 1, args };
}
function i(name: string, atMs: number, args?: TraceEvent['args']): TraceEvent {
  return { name, cat: 'devtools.timeline', ph: 'I', ts: atMs * 1000, pid: 1, tid: 1, args };
}
const call = (start: number, dur: number, url: string) => x('FunctionCall', start, dur, { data: { url, frame: FRAME } });
const stack = (url: string) => [{ url, functionName: 'f' }];
const mojo = (start: number, dur: number, tag: string) => x('Receive mojo message', start, dur, { chrome_mojo_event_info: { mojo_interface_tag: tag } });

const run = (events: TraceEvent[]) => attribute([...meta, ...events], { frameId: FRAME, extPrefix: 'chrome-extension://abc/' });

describe('bench attribution', () => {
  test('content-script evaluation is the extension’s, with its compile', () => {
    const a = run([
      x('RunTask', 0, 100),
      x('EvaluateScript', 1, 98, { data: { url: EXT, frame: FRAME } }),
      x('v8.compile', 1, 20, { data: { url: EXT }, fileName: EXT }),
    ]);
    expect(a.extMs).toBe(100);
    expect(a.extCpuMs).toBe(50);
    expect(a.byKind.evaluate).toBe(100);
    expect(a.evaluateMs).toBe(98);
    expect(a.compileMs).toBe(20);
    expect(a.longestExtTaskMs).toBe(100);
    expect(a.longestExtTaskCpuMs).toBe(50);
    expect(a.extTasksOver50).toBe(1);
  });

  test('a timer the extension installed is its task, microtask checkpoint included', () => {
    const a = run([
      i('TimerInstall', 0, { data: { frame: FRAME, timerId: 7, stackTrace: stack(EXT) } }),
      x('RunTask', 10, 12),
      x('TimerFire', 10, 10, { data: { frame: FRAME, timerId: 7 } }),
      call(10, 9, EXT),
      x('RunMicrotasks', 20, 2),
    ]);
    expect(a.extMs).toBe(12);
    expect(a.byKind.tasks).toBe(12);
    expect(a.extTasks).toBe(1);
  });

  test('a callback passed as a native function still belongs to who installed the timer', () => {
    const a = run([
      i('TimerInstall', 0, { data: { frame: FRAME, timerId: 3, stackTrace: stack(EXT) } }),
      x('RunTask', 10, 5),
      x('TimerFire', 10, 1, { data: { frame: FRAME, timerId: 3 } }),
      x('RunMicrotasks', 11, 4),
    ]);
    expect(a.extMs).toBe(5);
    expect(a.unownedJsMs).toBe(0);
  });

  test('inside a page task only the extension’s own calls count (MutationObserver callback)', () => {
    const a = run([
      i('TimerInstall', 0, { data: { frame: FRAME, timerId: 1, stackTrace: stack(PAGE) } }),
      x('RunTask', 100, 20),
      x('TimerFire', 100, 15, { data: { frame: FRAME, timerId: 1 } }),
      call(100, 15, PAGE),
      x('RunMicrotasks', 115, 5),
      call(115, 3, EXT),
      call(118, 2, PAGE),
    ]);
    expect(a.extMs).toBe(3);
    expect(a.byKind.callbacks).toBe(3);
    // The page's task is not the extension's long task; it is reported as a host task.
    expect(a.longestExtTaskMs).toBe(0);
    expect(a.longestHostTaskMs).toBe(20);
    expect(a.longestHostExtMs).toBe(3);
    expect(a.longestExtSliceMs).toBe(3);
    expect(a.busyMs).toBe(20);
  });

  test('a sendMessage reply and the code it resumes are the extension’s; extension IPC without JS is not', () => {
    const a = run([
      x('RunTask', 0, 8),
      mojo(0, 1, 'extensions.mojom.MessagePort'),
      x('RunMicrotasks', 1, 7),
      x('RunTask', 20, 1),
      mojo(20, 1, 'extensions.mojom.LocalFrame'),
    ]);
    expect(a.extMs).toBe(8);
    expect(a.byKind.messaging).toBe(8);
    expect(a.extTasks).toBe(1);
  });

  test('an extension task does not own the page rendering in it; forced layout inside its call it does', () => {
    const a = run([
      i('TimerInstall', 0, { data: { frame: FRAME, timerId: 2, stackTrace: stack(EXT) } }),
      x('RunTask', 10, 30),
      x('TimerFire', 10, 10, { data: { frame: FRAME, timerId: 2 } }),
      call(10, 10, EXT),
      x('Layout', 12, 4, { beginData: { frame: FRAME } }),
      x('ParseHTML', 20, 20, { beginData: { frame: FRAME } }),
    ]);
    expect(a.extMs).toBe(10);
  });

  test('frame rendering caused by extension writes is reported apart, chained through the style recalc', () => {
    const a = run([
      i('TimerInstall', 0, { data: { frame: FRAME, timerId: 2, stackTrace: stack(EXT) } }),
      x('RunTask', 10, 5),
      x('TimerFire', 10, 5, { data: { frame: FRAME, timerId: 2 } }),
      call(10, 5, EXT),
      i('ScheduleStyleRecalculation', 12, { data: { frame: FRAME, stackTrace: stack(EXT) } }),
      x('RunTask', 30, 100),
      x('UpdateLayoutTree', 30, 20, { beginData: { frame: FRAME } }),
      i('InvalidateLayout', 35, { data: { frame: FRAME } }),
      x('Layout', 50, 60, { beginData: { frame: FRAME } }),
      x('PrePaint', 110, 10),
      x('Paint', 120, 10),
      // The next frame: the page's own write.
      i('ScheduleStyleRecalculation', 140, { data: { frame: FRAME, stackTrace: stack(PAGE) } }),
      x('RunTask', 150, 30),
      x('UpdateLayoutTree', 150, 10, { beginData: { frame: FRAME } }),
      x('Paint', 160, 20),
    ]);
    expect(a.extMs).toBe(5);
    expect(a.initiatedRenderMs).toBe(80);
    expect(a.initiatedPaintMs).toBe(20);
  });

  test('no extension: zero, and the harness’s DevTools evaluations are nobody’s extension time', () => {
    const a = run([
      x('RunTask', 0, 10),
      mojo(0, 10, 'blink.mojom.DevToolsSession'),
      x('EvaluateScript', 1, 8, { data: { frame: FRAME } }),
      x('RunTask', 20, 5),
      mojo(20, 5, 'blink.mojom.DevToolsSession'),
      x('RunMicrotasks', 21, 4),
    ]);
    expect(a.extMs).toBe(0);
    expect(a.extTasks).toBe(0);
    expect(a.unownedJsMs).toBe(0);
    expect(devtoolsEvaluations([...meta, ...[x('RunTask', 0, 10), x('EvaluateScript', 1, 8, { data: { frame: FRAME } })]], FRAME)).toEqual([
      { ms: 8, cpuMs: 4 },
    ]);
  });

  test('only the page’s renderer main thread is read', () => {
    const other: TraceEvent = { ...x('FunctionCall', 0, 50, { data: { url: EXT, frame: 'F2' } }), pid: 9, tid: 9 };
    const a = attribute([...meta, { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: 9, tid: 9, args: { name: 'CrRendererMain' } }, other, x('RunTask', 0, 1), call(0, 1, PAGE)], {
      frameId: FRAME,
    });
    expect(a.extMs).toBe(0);
  });
});
