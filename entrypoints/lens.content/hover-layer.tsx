// Runs in: content script. One card host per page, created on first use: an element carrying
// `data-lrt-card` with an open shadow root, where React renders the card next to the hovered mark.
import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { createRoot, type Root } from 'react-dom/client';
import { TokenCard, type CardState } from '../../components/token-card';
import cardCss from '../../assets/card.css?inline';
import { send } from '../../lib/messaging/client';
import type { TokenCardView } from '../../lib/messaging/contract';
import type { Annotator } from './marks';
import { CARD_HOST_TAG } from './scanner';

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
  const views = new Map<string, Promise<TokenCardView>>();
  let seq = 0;

  const openMethod = (hash: string) => void send('page:open', { page: 'method', hash }).catch(() => undefined);
  const render = (state: CardState) => layer?.root.render(<TokenCard state={state} titleId="rl-card-title" onMethod={openMethod} />);

  const place = async () => {
    if (!layer || !anchor) return;
    const rect = anchor.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > innerHeight || !anchor.isConnected) return close();
    const { x, y } = await computePosition(anchor, layer.box, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip(), shift({ padding: 8 })],
    });
    layer.box.style.setProperty('left', `${x}px`);
    layer.box.style.setProperty('top', `${y}px`);
  };

  const open = async (mark: HTMLElement) => {
    const id = mark.getAttribute('data-lrt-token') ?? '';
    const symbol = mark.textContent ?? id;
    layer ??= createLayer(doc);
    layer.host.hidden = false;
    anchor = mark;
    const mySeq = ++seq;
    let view = views.get(id);
    if (!view) {
      view = send('token:card', { id });
      views.set(id, view);
      view.catch(() => views.delete(id));
    }
    render({ status: 'loading', symbol });
    void place();
    try {
      const v = await view;
      if (mySeq === seq) render({ status: 'ready', view: v });
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

  const opts = { capture: true, passive: true, signal };
  doc.addEventListener(
    'mouseover',
    (e) => {
      if (layer && e.composedPath().includes(layer.host)) {
        clearTimeout(closeTimer);
        return;
      }
      const mark = marks.markFrom(e.target);
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
      const fromCard = layer && e.composedPath().includes(layer.host);
      if (!fromCard && !marks.markFrom(e.target)) return;
      clearTimeout(openTimer);
      if (anchor) scheduleClose();
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
