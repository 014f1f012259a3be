// Runs in: content script. One card host per page, created on first use: an element carrying `data-lrt-card`
// with an open shadow root, where React renders the card next to the hovered or focused mark.
//
// Why not WXT's createShadowRootUi: it loads the card's CSS from a web-accessible file, which any page can probe to
// fingerprint the extension, and a page's CSP can block the <style> it falls back to. A constructed stylesheet
// needs neither.
import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { createRoot, type Root } from 'react-dom/client';
import { TokenCard, type CardState } from '../../components/token-card';
import cardCss from '../../assets/card.css?inline';
import { send } from '../../lib/messaging/client';
import type { MisnomerView, TokenCardView } from '../../lib/views/schema';
import type { Annotator } from './marks';
import { CARD_HOST_TAG } from './scanner';
import { pageScheme } from './scheme';

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 300;
const HOST_CSS = `:host { all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; }
.rl-layer { position: fixed; top: 0; left: 0; }`;

interface Layer {
  host: HTMLElement;
  box: HTMLElement;
  root: Root;
}

function createLayer(doc: Document): Layer {
  const host = doc.createElement(CARD_HOST_TAG);
  host.setAttribute('data-lrt-card', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const css = `${HOST_CSS}\n${cardCss}`;
  try {
    // Constructed sheets are not subject to the page's style-src CSP.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  const box = doc.createElement('div');
  box.className = 'rl-layer';
  shadow.append(box);
  doc.documentElement.append(host);
  return { host, box, root: createRoot(box) };
}

export interface HoverLayer {
  close(): void;
}

export function startHoverLayer(doc: Document, marks: Annotator, signal: AbortSignal): HoverLayer {
  let layer: Layer | null = null;
  let anchor: HTMLElement | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const views = new Map<string, Promise<TokenCardView | MisnomerView>>();
  let seq = 0;

  const openMethod = (hash: string) => void send('page:open', { page: 'method', hash }).catch(() => undefined);
  const render = (state: CardState) => layer?.root.render(<TokenCard state={state} titleId="rl-card-title" onMethod={openMethod} />);
  const inCard = (e: Event) => layer !== null && e.composedPath().includes(layer.host);

  const place = async () => {
    if (!layer || !anchor) return;
    const rect = anchor.getBoundingClientRect();
    // Scrolled away or gone: close.
    if (!anchor.isConnected || rect.bottom < 0 || rect.top > innerHeight) return close();
    const { x, y } = await computePosition(anchor, layer.box, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip(), shift({ padding: 8 })],
    });
    layer.box.style.setProperty('left', `${x}px`);
    layer.box.style.setProperty('top', `${y}px`);
  };

  const viewOf = (id: string) => {
    let view = views.get(id);
    if (!view) {
      view = id.startsWith('misnomer-') ? send('misnomer:card', { id }) : send('token:card', { id });
      views.set(id, view);
      view.catch(() => views.delete(id));
    }
    return view;
  };

  const open = async (mark: HTMLElement) => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (mark === anchor) return;
    const id = mark.getAttribute('data-lrt-token') ?? '';
    const symbol = mark.textContent ?? id;
    const impostorAddress = mark.getAttribute('data-lrt-match') === 'impostor' ? marks.addressOf(mark) : undefined;
    layer ??= createLayer(doc);
    layer.host.hidden = false;
    layer.box.setAttribute('data-scheme', pageScheme(mark));
    anchor = mark;
    const mySeq = ++seq;
    render({ status: 'loading', symbol });
    void place();
    try {
      const v = await viewOf(id);
      if (mySeq !== seq) return;
      if ('term' in v) render({ status: 'misnomer', view: v });
      else render({ status: 'ready', view: v, ...(impostorAddress ? { impostor: { address: impostorAddress } } : {}) });
    } catch (err) {
      if (mySeq === seq) render({ status: 'error', symbol, message: err instanceof Error ? err.message : String(err) });
    }
    if (mySeq === seq) void place();
  };

  const close = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    anchor = null;
    seq++;
    if (layer) {
      layer.root.render(null);
      layer.host.hidden = true;
    }
  };

  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(close, CLOSE_DELAY_MS);
  };

  /** The mark a focused element stands for: the mark itself, or the first of ours inside a focused link. */
  const focusedMark = (e: Event): HTMLElement | null => {
    const mark = marks.markFrom(e);
    if (mark) return mark;
    const target = e.composedPath()[0];
    return target instanceof Element ? marks.markWithin(target) : null;
  };

  const opts = { capture: true, passive: true, signal };
  doc.addEventListener(
    'mouseover',
    (e) => {
      if (inCard(e)) {
        clearTimeout(closeTimer);
        return;
      }
      const mark = marks.markFrom(e);
      if (!mark) return;
      clearTimeout(closeTimer);
      if (mark === anchor) return;
      clearTimeout(openTimer);
      openTimer = setTimeout(() => void open(mark), OPEN_DELAY_MS);
    },
    opts,
  );
  doc.addEventListener(
    'mouseout',
    (e) => {
      if (!inCard(e) && !marks.markFrom(e)) return;
      clearTimeout(openTimer);
      // Keyboard focus keeps the card open while the pointer wanders.
      if (anchor && !anchor.contains(doc.activeElement) && doc.activeElement !== anchor) scheduleClose();
    },
    opts,
  );
  // Keyboard: focusing a mark (or a link holding one) opens its card at once; leaving it closes the card.
  doc.addEventListener(
    'focusin',
    (e) => {
      if (inCard(e)) {
        clearTimeout(closeTimer);
        return;
      }
      const mark = focusedMark(e);
      if (mark) void open(mark);
      else if (anchor) close();
    },
    opts,
  );
  doc.addEventListener(
    'focusout',
    (e) => {
      if (!anchor || !(focusedMark(e) || inCard(e))) return;
      const next = (e as FocusEvent).relatedTarget;
      if (layer && next instanceof Node && layer.host.contains(next)) return;
      scheduleClose();
    },
    opts,
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && anchor) close();
    },
    opts,
  );
  addEventListener('scroll', () => void place(), opts);
  signal.addEventListener('abort', () => {
    close();
    layer?.root.unmount();
    layer?.host.remove();
  });
  return { close };
}
