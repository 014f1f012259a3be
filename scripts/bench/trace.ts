// Chrome tracing over CDP, and attribution of main-thread time to the extension's content script.
//
// Attribution (page renderer main thread only; see attribute()):
//  1. Every top-level task (devtools `RunTask`) is rebuilt as a tree of nested complete events.
//  2. An event has an explicit owner when it names its script: EvaluateScript / v8.compile / FunctionCall
//     (args.data.url), v8.run (args.fileName). Callbacks that name no script take the owner of the call
//     that scheduled them: TimerFire -> TimerInstall's stack, FireAnimationFrame -> RequestAnimationFrame's,
//     FireIdleCallback -> RequestIdleCallback's. Owner = extension when the URL is chrome-extension://<id>/.
//  3. A task is the extension's when its first owned script event is the extension's (its timer slices,
//     its script evaluation), or when it delivers an extension IPC (mojo interface extensions.mojom.*,
//     i.e. a runtime.sendMessage reply) and runs JS (the awaiting content-script code continues in that
//     task's microtask checkpoint, which names no script).
//     A task delivering a DevTools message (blink.mojom.DevTools*) is the bench harness's.
//  4. Owners flow down the tree; an explicit owner overrides (a page callback inside an extension task is
//     the page's, an extension MutationObserver callback inside a page task is the extension's). Rendering
//     phases (style, layout, paint...) inherit only from an enclosing script event (forced layout inside
//     extension code is the extension's; the frame's regular rendering is not).
//  5. Extension time = sum of the self time of every event owned by the extension.
// Separately (never added to extension time, since it is inferred): the frame's regular style/layout whose
// first invalidation since the previous one came from extension code (ScheduleStyleRecalculation /
// InvalidateLayout stack, DevTools' "initiated by" rule, chained through a style recalc), and the paint
// phases of the tasks that ran it.
import type { CDPSession } from 'playwright-core';

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'toplevel',
  '__metadata',
];

interface StackFrame {
  url?: string;
  functionName?: string;
}
interface TraceArgs {
  name?: string;
  fileName?: string;
  data?: {
    url?: string;
    frame?: string;
    timerId?: number;
    id?: number;
    stackTrace?: StackFrame[];
    frames?: Array<{ frame: string; processId: number }>;
  };
  beginData?: { frame?: string; url?: string; stackTrace?: StackFrame[] };
  chrome_mojo_event_info?: { mojo_interface_tag?: string };
}
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, when recorded. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: TraceArgs;
}

/** Starts tracing; the returned function ends it and resolves with all events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    streamFormat: 'json',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: TRACE_CATEGORIES },
  });
  return async () => {
    const complete = new Promise<{ stream?: string; dataLossOccurred: boolean }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const { stream, dataLossOccurred } = await complete;
    if (dataLossOccurred) throw new Error('trace buffer overflowed (dataLossOccurred)');
    if (!stream) throw new Error('no trace stream');
    const chunks: string[] = [];
    for (;;) {
      const r = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
      chunks.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
      if (r.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const parsed = JSON.parse(chunks.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
    return Array.isArray(parsed) ? parsed : parsed.traceEvents;
  };
}

type Owner = 'ext' | 'other' | 'none';
export type ExtKind = 'evaluate' | 'messaging' | 'tasks' | 'callbacks';

interface Node {
  e: TraceEvent;
  end: number;
  children: Node[];
  owner: Owner;
}

/** Script entry points: the events whose owner flows to rendering nested inside them. */
const SCRIPT = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.run',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'HandlePostMessage',
  'EventDispatch',
]);
/** Page work that an extension task never owns unless script forced it. */
const PAGE_WORK = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'HitTest', 'ParseHTML', 'ScrollLayer']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']);
const JS = new Set(['RunMicrotasks', 'FunctionCall', 'EvaluateScript', 'v8.run']);

export interface Attribution {
  /** Main-thread (wall) time owned by the extension, ms. */
  extMs: number;
  /** The same events' thread CPU time (tdur), ms: less sensitive to a busy machine. */
  extCpuMs: number;
  byKind: Record<ExtKind, number>;
  /** Of extMs: time in the extension's EvaluateScript (compile + top-level run), and v8.compile alone. */
  evaluateMs: number;
  compileMs: number;
  /** Regular style/layout first invalidated by extension code (not in extMs). */
  initiatedRenderMs: number;
  /** Paint phases of the tasks with such style/layout (not in extMs). */
  initiatedPaintMs: number;
  /** JS on the main thread that no rule gave an owner (neither the extension nor a page/DevTools script). */
  unownedJsMs: number;
  /** All top-level task time on the page's main thread over the trace. */
  busyMs: number;
  /** Of busyMs: tasks of the bench harness itself (DevTools evaluations reading the page), left out of comparisons. */
  harnessMs: number;
  /** The same two as thread time (CPU): steadier than wall time on a busy machine. */
  busyCpuMs: number;
  harnessCpuMs: number;
  /** Full layouts on the page's main thread (Layout events), and how many the extension initiated. */
  layouts: number;
  layoutsInitiated: number;
  /** The longest top-level task on the page's main thread, whoever owns it (the harness's excepted). */
  longestTaskMs: number;
  /** Tasks in which the extension owns any time. */
  extTasks: number;
  /**
   * Tasks the extension caused: the ones it owns (its evaluation, timers, IPC replies), and page tasks in
   * which its own part alone passes 50 ms. Their longest wall duration (and that task's CPU time), and how
   * many passed 50 ms.
   */
  longestExtTaskMs: number;
  longestExtTaskCpuMs: number;
  extTasksOver50: number;
  /** Page tasks in which extension callbacks ran (e.g. its MutationObserver): longest one, whole task. */
  longestHostTaskMs: number;
  /** The extension's largest part inside one such page task. */
  longestHostExtMs: number;
  /** Largest extension-owned time inside one task. */
  longestExtSliceMs: number;
  /** Distinct extension script URLs seen on the page's main thread. */
  extScripts: string[];
  traceSpanMs: number;
}

function threadKey(e: { pid: number; tid: number }) {
  return `${e.pid}:${e.tid}`;
}

function eventFrame(e: TraceEvent): string | undefined {
  return e.args?.data?.frame ?? e.args?.beginData?.frame;
}

/** The renderer main thread that hosts `frameId`: the CrRendererMain thread with the most events naming it. */
export function pageMainThread(events: TraceEvent[], frameId: string): string {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(threadKey(e), e.args?.name ?? '');
  const counts = new Map<string, number>();
  for (const e of events) {
    if (eventFrame(e) !== frameId) continue;
    const k = threadKey(e);
    if (names.get(k) === 'CrRendererMain') counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  // No event named the frame (nothing navigated or ran there): the process the browser put it in.
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find((f) => f.frame === frameId)?.processId;
  const main = [...names].find(([k, name]) => name === 'CrRendererMain' && k.startsWith(`${pid}:`));
  if (!main) throw new Error(`no renderer main thread found for frame ${frameId}`);
  return main[0];
}

function buildForest(events: TraceEvent[]): Node[] {
  const xs = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const e of xs) {
    const node: Node = { e, end: e.ts + e.dur!, children: [], owner: 'none' };
    while (stack.length && e.ts >= stack[stack.length - 1]!.end) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

/** Walks a subtree in document order. */
function* walk(n: Node): Generator<Node> {
  yield n;
  for (const c of n.children) yield* walk(c);
}

function selfTime(n: Node, field: 'dur' | 'tdur' = 'dur'): number {
  let s = n.e[field] ?? 0;
  for (const c of n.children) s -= c.e[field] ?? 0;
  return Math.max(0, s);
}

export function attribute(events: TraceEvent[], opts: { frameId: string; extPrefix?: string }): Attribution {
  const prefix = opts.extPrefix ?? 'chrome-extension://';
  const isExt = (url: string | undefined) => typeof url === 'string' && url.startsWith(prefix);
  const main = pageMainThread(events, opts.frameId);
  const onMain = events.filter((e) => threadKey(e) === main);
  const extScripts = new Set<string>();

  // Who scheduled each timer / animation frame / idle callback.
  const stackOwner = (e: TraceEvent): Owner => {
    const top = e.args?.data?.stackTrace?.[0]?.url ?? e.args?.beginData?.stackTrace?.[0]?.url;
    if (top === undefined) return 'none';
    return isExt(top) ? 'ext' : 'other';
  };
  const scheduled = new Map<string, Owner>();
  const SCHEDULERS: Record<string, string> = { TimerInstall: 'timer', RequestAnimationFrame: 'raf', RequestIdleCallback: 'idle' };
  const FIRES: Record<string, string> = { TimerFire: 'timer', FireAnimationFrame: 'raf', FireIdleCallback: 'idle' };
  const cbKey = (kind: string, e: TraceEvent) => `${kind}:${e.args?.data?.frame}:${e.args?.data?.timerId ?? e.args?.data?.id}`;
  for (const e of onMain) {
    const kind = SCHEDULERS[e.name];
    if (kind) scheduled.set(cbKey(kind, e), stackOwner(e));
  }

  const explicitOwner = (e: TraceEvent): Owner | undefined => {
    const fire = FIRES[e.name];
    if (fire) {
      const o = scheduled.get(cbKey(fire, e));
      return o === 'none' ? undefined : o;
    }
    if (!SCRIPT.has(e.name)) return undefined;
    const url = e.args?.data?.url ?? e.args?.fileName;
    if (typeof url === 'string') {
      if (isExt(url)) {
        extScripts.add(url);
        return 'ext';
      }
      return 'other';
    }
    // DevTools' own evaluations (the bench harness) name no URL.
    return e.name === 'EvaluateScript' ? 'other' : undefined;
  };

  const assign = (n: Node, inherited: Owner, underScript: boolean) => {
    let o = explicitOwner(n.e);
    if (o === undefined) o = PAGE_WORK.has(n.e.name) && !underScript ? 'none' : inherited;
    n.owner = o;
    const script = underScript || (SCRIPT.has(n.e.name) && o !== 'none');
    for (const c of n.children) assign(c, o, script);
  };

  const roots = buildForest(onMain);
  const byKind: Record<ExtKind, number> = { evaluate: 0, messaging: 0, tasks: 0, callbacks: 0 };
  let extUs = 0;
  let extCpuUs = 0;
  let evaluateUs = 0;
  let compileUs = 0;
  let busyUs = 0;
  let harnessUs = 0;
  let busyCpuUs = 0;
  let harnessCpuUs = 0;
  let longestTask = 0;
  let unownedJsUs = 0;
  let extTasks = 0;
  let longestExtTask = 0;
  let longestExtTaskCpu = 0;
  let longestHostTask = 0;
  let longestHostExt = 0;
  let over50 = 0;
  let longestSlice = 0;

  for (const root of roots) {
    busyUs += root.e.dur!;
    busyCpuUs += root.e.tdur ?? 0;
    let first: Owner | undefined;
    let extIpc = false;
    let runsJs = false;
    let evaluates = false;
    let devtools = false;
    for (const n of walk(root)) {
      const o = explicitOwner(n.e);
      if (first === undefined && o !== undefined) first = o;
      const ipc = n.e.name === 'Receive mojo message' ? (n.e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '') : '';
      if (ipc.startsWith('extensions.mojom.')) extIpc = true;
      if (ipc.startsWith('blink.mojom.DevTools')) devtools = true;
      if (JS.has(n.e.name)) runsJs = true;
      if (n.e.name === 'EvaluateScript' && o === 'ext') evaluates = true;
    }
    const extTask = first === 'ext' || (extIpc && runsJs);
    if (devtools && !extTask) {
      harnessUs += root.e.dur!;
      harnessCpuUs += root.e.tdur ?? 0;
    }
    else longestTask = Math.max(longestTask, root.e.dur!);
    // DevTools tasks are the bench harness's (Runtime.evaluate / callFunctionOn and their microtasks).
    assign(root, extTask ? 'ext' : devtools ? 'other' : 'none', false);

    const unowned = (n: Node) => {
      if (n.owner !== 'none') return;
      if (JS.has(n.e.name) || n.e.name === 'TimerFire') unownedJsUs += n.e.dur!;
      else n.children.forEach(unowned);
    };
    unowned(root);
    let taskExt = 0;
    for (const n of walk(root)) {
      if (n.owner !== 'ext') continue;
      taskExt += selfTime(n);
      extCpuUs += selfTime(n, 'tdur');
      if (n.e.name === 'v8.compile') compileUs += n.e.dur!;
    }
    if (taskExt <= 0) continue;
    if (evaluates) {
      for (const n of walk(root)) if (n.e.name === 'EvaluateScript' && n.owner === 'ext') evaluateUs += n.e.dur!;
    }
    const kind: ExtKind = evaluates ? 'evaluate' : extTask ? (extIpc ? 'messaging' : 'tasks') : 'callbacks';
    byKind[kind] += taskExt;
    extUs += taskExt;
    extTasks++;
    longestSlice = Math.max(longestSlice, taskExt);
    if (!extTask) {
      longestHostTask = Math.max(longestHostTask, root.e.dur!);
      longestHostExt = Math.max(longestHostExt, taskExt);
    }
    if (!extTask && taskExt <= 50_000) continue;
    if (root.e.dur! > longestExtTask) {
      longestExtTask = root.e.dur!;
      longestExtTaskCpu = root.e.tdur ?? 0;
    }
    if (root.e.dur! > 50_000) over50++;
  }

  // Regular rendering initiated by the extension, DevTools' initiator rule: a style recalc is caused by the
  // first ScheduleStyleRecalculation since the previous recalc, a layout by the first InvalidateLayout since
  // the previous layout; an invalidation without a JS stack made during a style recalc (inserted nodes get
  // their layout objects there) has that recalc's cause. The paint phases of a task whose style or layout
  // was so initiated are reported with them.
  const initiated = new Set<TraceEvent>();
  let styleBy: Owner | undefined;
  let layoutBy: Owner | undefined;
  let recalc: { end: number; by: Owner } | undefined;
  const ordered = onMain.filter((e) => e.ph === 'X' || e.ph === 'I' || e.ph === 'i').sort((a, b) => a.ts - b.ts);
  for (const e of ordered) {
    if (e.name === 'ScheduleStyleRecalculation') styleBy ??= stackOwner(e);
    else if (e.name === 'InvalidateLayout') {
      let by = stackOwner(e);
      if (by === 'none' && recalc && e.ts <= recalc.end) by = recalc.by;
      layoutBy ??= by;
    } else if (e.name === 'UpdateLayoutTree' && e.ph === 'X') {
      recalc = { end: e.ts + e.dur!, by: styleBy ?? 'none' };
      if (styleBy === 'ext') initiated.add(e);
      styleBy = undefined;
    } else if (e.name === 'Layout' && e.ph === 'X') {
      if (layoutBy === 'ext') initiated.add(e);
      layoutBy = undefined;
    }
  }
  let renderUs = 0;
  let paintUs = 0;
  for (const root of roots) {
    let caused = false;
    const styleLayout = (n: Node) => {
      if (n.owner === 'ext') return;
      if (initiated.has(n.e)) {
        renderUs += n.e.dur!;
        caused = true;
        return;
      }
      n.children.forEach(styleLayout);
    };
    styleLayout(root);
    if (!caused) continue;
    const paint = (n: Node) => {
      if (n.owner === 'ext') return;
      if (PAINT.has(n.e.name)) paintUs += n.e.dur!;
      else n.children.forEach(paint);
    };
    paint(root);
  }

  let first = Infinity;
  let last = -Infinity;
  for (const e of onMain) {
    if (e.ph === 'M') continue;
    first = Math.min(first, e.ts);
    last = Math.max(last, e.ts + (e.dur ?? 0));
  }
  const ms = (us: number) => us / 1000;
  return {
    extMs: ms(extUs),
    extCpuMs: ms(extCpuUs),
    byKind: { evaluate: ms(byKind.evaluate), messaging: ms(byKind.messaging), tasks: ms(byKind.tasks), callbacks: ms(byKind.callbacks) },
    evaluateMs: ms(evaluateUs),
    compileMs: ms(compileUs),
    unownedJsMs: ms(unownedJsUs),
    initiatedRenderMs: ms(renderUs),
    initiatedPaintMs: ms(paintUs),
    busyMs: ms(busyUs),
    harnessMs: ms(harnessUs),
    busyCpuMs: ms(busyCpuUs),
    harnessCpuMs: ms(harnessCpuUs),
    layouts: onMain.filter((e) => e.name === 'Layout' && e.ph === 'X').length,
    layoutsInitiated: [...initiated].filter((e) => e.name === 'Layout').length,
    longestTaskMs: ms(longestTask),
    extTasks,
    longestExtTaskMs: ms(longestExtTask),
    longestExtTaskCpuMs: ms(longestExtTaskCpu),
    longestHostTaskMs: ms(longestHostTask),
    longestHostExtMs: ms(longestHostExt),
    extTasksOver50: over50,
    longestExtSliceMs: ms(longestSlice),
    extScripts: [...extScripts],
    traceSpanMs: last > first ? ms(last - first) : 0,
  };
}

/**
 * Durations (wall and CPU, ms) of the top-level EvaluateScript events on `frameId`'s main thread that no
 * page or extension script owns: DevTools' own Runtime.evaluate calls (the floor measurement).
 */
export function devtoolsEvaluations(events: TraceEvent[], frameId: string): Array<{ ms: number; cpuMs: number }> {
  const main = pageMainThread(events, frameId);
  const out: Array<{ ms: number; cpuMs: number }> = [];
  for (const root of buildForest(events.filter((e) => threadKey(e) === main))) {
    for (const n of walk(root)) {
      if (n.e.name !== 'EvaluateScript') continue;
      if (!n.e.args?.data?.url) out.push({ ms: n.e.dur! / 1000, cpuMs: (n.e.tdur ?? 0) / 1000 });
      break;
    }
  }
  return out;
}
