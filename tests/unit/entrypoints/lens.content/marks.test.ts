// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { EZETH, WEETH, flush, mountLens, ours } from '../../lib/lens';

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
  test('records each occurrence and leaves the page exactly as it was', async () => {
    const { marks, scanner } = setup('<p id="a">Swap ezETH/WETH, then weETH and eETH.</p>');
    const before = document.body.innerHTML;
    const node = document.getElementById('a')!.firstChild as Text;
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:symbol', 'weeth:symbol', 'eeth:symbol']);
    expect(document.body.innerHTML).toBe(before);
    expect(marks.of(node).map((m) => [m.start, m.end, m.text, m.range.toString()])).toEqual([
      [5, 10, 'ezETH', 'ezETH'],
      [22, 27, 'weETH', 'weETH'],
      [32, 36, 'eETH', 'eETH'],
    ]);
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

  test('markup that looks like an old-style mark is just page text: its label means nothing', async () => {
    const { marks, scanner } = setup('<lrt-mark data-lrt-token="ezeth" data-lrt-match="symbol">CLAIM 20% BONUS</lrt-mark> <span>weETH</span>');
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['weeth:symbol']);
  });

  test('a mark holds only while its text is unchanged and in the page', async () => {
    const { marks, scanner } = setup('<p id="a">ezETH</p>');
    await scanner.idle();
    const [m] = marks.of(document.getElementById('a')!.firstChild as Text);
    expect(marks.holds(m!)).toBe(true);
    (m!.node as Text).data = 'CLAIM';
    expect(marks.holds(m!)).toBe(false);
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

  test('a framework rewriting its text node: the old marks go, the new text is marked', async () => {
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

  test('a framework removing its text node: its marks are released at once', async () => {
    const { marks, scanner } = setup('<p id="a">ezETH</p><p id="b"><span>rsETH</span></p>');
    const p = document.getElementById('a')!;
    const frameworkNode = p.firstChild as Text;
    await scanner.idle();
    expect(marks.size).toBe(2);
    p.removeChild(frameworkNode);
    document.getElementById('b')!.remove();
    await flush();
    expect(marks.size).toBe(0);
    expect(marks.counts()).toEqual({});
  });

  test('a moved text node is marked again where it lands', async () => {
    const { marks, scanner } = setup('<p id="a">ezETH</p><p id="b"></p>');
    await scanner.idle();
    const node = document.getElementById('a')!.firstChild as Text;
    document.getElementById('b')!.append(node);
    await flush();
    await scanner.idle();
    expect(ours(marks, document.getElementById('b')!)).toEqual(['ezeth:symbol']);
    expect(marks.inElement(document.getElementById('b')!)).toHaveLength(1);
    expect(marks.inElement(document.getElementById('a')!)).toHaveLength(0);
  });

  test('counts only our marks, and not impostors', async () => {
    const { marks, scanner } = setup(
      '<p>ezETH ezETH weETH kETH</p><a href="/token/0xdEAD000000000000000000000000000000000001">rsETH</a>',
    );
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:symbol', 'ezeth:symbol', 'weeth:symbol', 'misnomer-keth:impostor', 'rseth:impostor']);
    expect(marks.counts()).toEqual({ ezeth: 2, weeth: 1 });
  });

  test('releaseAll forgets every mark', async () => {
    const { marks, scanner } = setup(`<p id="a">ezETH and <b>weETH</b> at ${EZETH}</p>`);
    await scanner.idle();
    expect(ours(marks, document.body)).toHaveLength(3);
    marks.releaseAll();
    expect(ours(marks, document.body)).toEqual([]);
    expect(marks.counts()).toEqual({});
  });

  test('a region made editable loses its marks, and gets them back when it is no longer editable', async () => {
    const { marks, scanner } = setup('<div id="e"><p>ezETH</p></div><p>rsETH</p>');
    await scanner.idle();
    expect(marks.size).toBe(2);
    const e = document.getElementById('e')!;
    e.setAttribute('contenteditable', 'true');
    await flush();
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['rseth:symbol']);
    e.setAttribute('contenteditable', 'false');
    await flush();
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:symbol', 'rseth:symbol']);
  });

  test('nothing is marked in a designMode document', async () => {
    document.designMode = 'on';
    try {
      const { marks, scanner } = setup('<p>ezETH</p>');
      await scanner.idle();
      expect(marks.size).toBe(0);
    } finally {
      document.designMode = 'off';
    }
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
    const [m] = [...marks.all()];
    expect([m!.text, m!.range.toString(), m!.href]).toEqual(['Renzo Restaked ETH', 'Renzo Restaked ETH', `https://etherscan.io/token/${EZETH}?a=0x1111111111111111111111111111111111111111`]);
  });

  test('symbols inside a token link take the link’s meaning; impostor links are flagged with their address', async () => {
    const { marks, scanner } = setup(
      `<a href="/token/${WEETH}">Wrapped eETH (weETH)</a> <a id="fake" href="?outputCurrency=0xdEAD000000000000000000000000000000000001">ezETH</a>`,
    );
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['weeth:link', 'weeth:link', 'ezeth:impostor']);
    expect(marks.inElement(document.getElementById('fake')!)[0]!.address).toBe('0xdEAD000000000000000000000000000000000001');
  });

  test('a link repointed after marking is read again: its marks follow the new href', async () => {
    const { marks, scanner } = setup(`<a id="l" href="/token/${EZETH}">ezETH</a>`);
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:link']);
    document.getElementById('l')!.setAttribute('href', '/token/0xdEAD000000000000000000000000000000000001');
    await flush();
    await scanner.idle();
    expect(ours(marks, document.body)).toEqual(['ezeth:impostor']);
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
  });
});
