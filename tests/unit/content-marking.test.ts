// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { EZETH, WEETH, flush, mountLens, ours } from './lib/lens';

const cleanups: Array<() => void> = [];

function setup(html: string) {
  // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
  document.body.innerHTML = html;
  const lens = mountLens(document.body);
  cleanups.push(lens.stop);
  return lens;
}

afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  document.body.replaceChildren();
});

describe('marking', () => {
  test('wraps each occurrence and keeps the text', async () => {
    const { marks, scanner } = setup('<p id="a">Swap ezETH/WETH, then weETH and eETH.</p>');
    const before = document.body.textContent;
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:symbol', 'weeth:symbol', 'eeth:symbol']);
    expect(document.body.textContent).toBe(before);
  });

  test('skips excluded elements and editable content', async () => {
    const { marks, scanner } = setup(
      '<script>var s="ezETH"</script><style>.ezETH{}</style><textarea>ezETH</textarea><select><option>ezETH</option></select>' +
        '<div contenteditable="true">ezETH <b>weETH</b></div><div contenteditable="false">rsETH</div><noscript>eETH</noscript>' +
        '<svg><text>ezETH</text></svg><template><p>ezETH</p></template>',
    );
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['rseth:symbol']);
  });

  test('a forged mark from the page is not ours, and its text is left alone', async () => {
    const { marks, scanner } = setup('<lrt-mark data-lrt-token="ezeth" data-lrt-match="symbol">ezETH</lrt-mark> <span>weETH</span>');
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['weeth:symbol']);
    const forged = document.querySelector('lrt-mark')!;
    expect(marks.isMine(forged)).toBe(false);
    expect(marks.markFrom(forged.firstChild)).toBeNull();
    expect(forged.querySelector('lrt-mark')).toBeNull();
  });

  test('rescanning is idempotent', async () => {
    const { marks, scanner } = setup(`<p>ezETH and rsETH</p><a href="/token/${EZETH}">Renzo</a>`);
    await scanner.idle();
    scanner.enqueue(document.body);
    scanner.enqueue(document.body);
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:symbol', 'rseth:symbol', 'ezeth:link']);
  });

  test('text added later is marked', async () => {
    const { marks, scanner } = setup('<p id="a"></p>');
    await scanner.idle();
    document.getElementById('a')!.append('late rsETH');
    await flush();
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['rseth:symbol']);
  });

  test('a framework rewriting its text node keeps the page right', async () => {
    const { marks, scanner } = setup('<p id="a">price of ezETH today</p>');
    const frameworkNode = document.getElementById('a')!.firstChild as Text; // what React would hold
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:symbol']);
    frameworkNode.data = 'price of weETH today';
    await flush();
    await scanner.idle();
    expect(document.getElementById('a')!.textContent).toBe('price of weETH today');
    expect(ours(marks, document.body)).toEqual(['weeth:symbol']);
  });

  test('a framework removing its text node leaves no stale pieces behind', async () => {
    const { marks, scanner } = setup('<p id="a">ezETH</p>');
    const p = document.getElementById('a')!;
    const frameworkNode = p.firstChild as Text;
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:symbol']);
    p.removeChild(frameworkNode); // must not throw: the node is still the page's child
    await flush();
    expect(p.textContent).toBe('');
    expect(frameworkNode.data).toBe('ezETH'); // restored, in case the page re-inserts it
  });

  test('counts only our marks, and not impostors', async () => {
    const { marks, scanner } = setup(
      '<p>ezETH ezETH weETH kETH</p><lrt-mark data-lrt-token="ezeth">x</lrt-mark><a href="/token/0xdEAD000000000000000000000000000000000001">rsETH</a>',
    );
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:symbol', 'ezeth:symbol', 'weeth:symbol', 'misnomer-keth:impostor', 'rseth:impostor']);
    expect(marks.counts()).toEqual({ ezeth: 2, weeth: 1 });
  });

  test('releaseAll gives the page its exact text and nodes back', async () => {
    const { marks, scanner } = setup(`<p id="a">ezETH and <b>weETH</b> at ${EZETH}</p>`);
    const before = document.body.innerHTML;
    await scanner.idle();
    expect(ours(marks, document.body)).toHaveLength(3);
    marks.releaseAll();
    expect(document.body.innerHTML).toBe(before);
    expect(marks.counts()).toEqual({});
  });
});

describe('addresses and links', () => {
  test('full and truncated addresses in text', async () => {
    const { marks, scanner } = setup(`<td>${EZETH.toLowerCase()}</td><td><span>0xcd5f…b7ee</span></td><td>0x1111111111111111111111111111111111111111</td>`);
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:address', 'weeth:address']);
  });

  test('a name-only link to a token contract is marked whole, trimmed, with the link meaning', async () => {
    const { marks, scanner } = setup(`<a id="l" href="https://etherscan.io/token/${EZETH}?a=0x1111111111111111111111111111111111111111">
      <img alt=""> <span> Renzo Restaked ETH </span></a>`);
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:link']);
    expect(document.querySelector('lrt-mark')!.textContent).toBe('Renzo Restaked ETH');
  });

  test('symbols inside a token link take the link’s meaning; impostor links are flagged with their address', async () => {
    const { marks, scanner } = setup(
      `<a href="/token/${WEETH}">Wrapped eETH (weETH)</a> <a id="fake" href="?outputCurrency=0xdEAD000000000000000000000000000000000001">ezETH</a>`,
    );
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['weeth:link', 'weeth:link', 'ezeth:impostor']);
    expect(marks.addressOf(document.querySelector('#fake lrt-mark')!)).toBe('0xdEAD000000000000000000000000000000000001');
  });

  test('a link whose text changes later keeps its meaning', async () => {
    const { marks, scanner } = setup(`<a id="l" href="/token/${EZETH}">loading</a>`);
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:link']);
    const text = document.getElementById('l')!.firstChild as Text;
    text.data = 'ezETH';
    await flush();
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:link']);
    expect(document.getElementById('l')!.textContent).toBe('ezETH');
  });
});

describe('shadow roots', () => {
  test('open shadow roots are walked and followed; closed ones are private', async () => {
    const { marks, scanner } = setup('<div id="host"></div><div id="closed"></div>');
    const host = document.getElementById('host')!;
    const open = host.attachShadow({ mode: 'open' });
    open.append(Object.assign(document.createElement('p'), { textContent: 'in shadow: rsETH' }));
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).append('weETH');
    scanner.enqueue(document.body);
    await flush();
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['rseth:symbol']);
    open.append(Object.assign(document.createElement('p'), { textContent: 'later: ezETH' }));
    await flush();
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['rseth:symbol', 'ezeth:symbol']);
    // Marks in shadow roots carry their style inline: the page's stylesheet does not reach them.
    expect(open.querySelector('lrt-mark')!.getAttribute('style')).toContain('dotted');
  });
});
