// @vitest-environment happy-dom
/** @jsxImportSource ../../../../lib/page-runtime */
// The content script's JSX-to-DOM runtime: elements, SVG, fragments, attributes as React writes them, events, and
// text that stays text.
import { expect, test, vi } from 'vitest';

const node = (x: unknown) => x as unknown as Element;

test('elements, attributes and children as React would render them', () => {
  const el = node(
    <div className="rl-card" role="dialog" aria-busy={false} aria-labelledby="t" data-token="ezeth" hidden={false}>
      <h2 id="t" tabIndex={-1}>
        ezETH {3} {null} {false} {undefined}
      </h2>
      {['a', 'b'].map((x) => (
        <span key={x}>{x}</span>
      ))}
      <>
        <b>frag</b>
      </>
      <label htmlFor="f">f</label>
    </div>,
  );
  expect(el.outerHTML).toBe(
    '<div class="rl-card" role="dialog" aria-busy="false" aria-labelledby="t" data-token="ezeth"><h2 id="t" tabindex="-1">ezETH 3   </h2><span>a</span><span>b</span><b>frag</b><label for="f">f</label></div>',
  );
});

test('page-like text stays text: nothing is parsed as HTML', () => {
  const el = node(<p>{'<img src=x onerror=alert(1)>'}</p>);
  expect(el.querySelector('img')).toBeNull();
  expect(el.textContent).toBe('<img src=x onerror=alert(1)>');
});

test('SVG elements get the SVG namespace and keep attribute case', () => {
  const el = node(
    <svg viewBox="0 0 10 10" role="img">
      <title>t</title>
      <path d="M0 0" />
    </svg>,
  );
  expect(el.namespaceURI).toBe('http://www.w3.org/2000/svg');
  expect(el.querySelector('path')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
  expect(el.getAttribute('viewBox')).toBe('0 0 10 10');
});

test('event props become listeners; components are called with their props', () => {
  const onClick = vi.fn();
  const Button = ({ label }: { label: string }) => (
    <button type="button" onClick={onClick}>
      {label}
    </button>
  );
  const el = node(<Button label="Method" />);
  (el as HTMLElement).click();
  expect(onClick).toHaveBeenCalledTimes(1);
  expect(el.textContent).toBe('Method');
});
