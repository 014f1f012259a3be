import { describe, expect, test } from 'vitest';
import { CHANNEL } from '../../../../lib/messaging/channel';
import { NEXT_MENTION, isNextMention, showToken, tokenToShow } from '../../../../lib/messaging/to-content';

describe('to-content messages', () => {
  test('a "show on page" message round-trips its token id', () => {
    expect(tokenToShow(showToken('ezeth'))).toBe('ezeth');
  });

  test.each<[string, unknown]>([
    ['another channel', { channel: 'other', name: 'lens:show', id: 'ezeth' }],
    ['another name', { channel: CHANNEL, name: 'lens:next', id: 'ezeth' }],
    ['no id', { channel: CHANNEL, name: 'lens:show' }],
    ['a non-string id', { channel: CHANNEL, name: 'lens:show', id: 3 }],
    ['null', null],
    ['a string', 'lens:show'],
  ])('%s is not a "show on page" message', (_, m) => {
    expect(tokenToShow(m)).toBeNull();
  });

  test('the next-mention message is told apart from a show message', () => {
    expect(isNextMention(NEXT_MENTION)).toBe(true);
    expect(isNextMention(showToken('ezeth'))).toBe(false);
  });
});
