import { checkMessageText, mentionsBot, MAX_MESSAGE_BYTES, stripMentionMarkup } from '../../src/bot/message-text';

describe('mentionsBot', () => {
  const recipient = { id: '28:bot' };
  test('true only for a mention entity of the recipient', () => {
    expect(mentionsBot({ recipient, entities: [{ type: 'mention', mentioned: { id: '28:bot' } }] })).toBe(true);
    expect(mentionsBot({ recipient, entities: [{ type: 'mention', mentioned: { id: '29:someone' } }] })).toBe(false);
    expect(mentionsBot({ recipient, entities: [{ type: 'clientInfo' }] })).toBe(false);
    expect(mentionsBot({ recipient, entities: undefined })).toBe(false);
    expect(mentionsBot({ recipient: undefined, entities: [{ type: 'mention', mentioned: { id: '28:bot' } }] })).toBe(false);
  });
});

describe('checkMessageText', () => {
  test('strips leftover mentions, entities, control and bidi characters, and blanks', () => {
    const checked = checkMessageText('  <at>Someone</at> scan&nbsp;&lt;ws&gt;\u0000 now\u202E  ');
    expect(checked).toEqual({ ok: true, text: 'scan <ws> now' });
  });

  test('keeps line breaks', () => {
    expect(checkMessageText('a\r\nb')).toEqual({ ok: true, text: 'a\nb' });
  });

  test('accepts exactly the cap and refuses one byte more, counting UTF-8 bytes', () => {
    expect(checkMessageText('a'.repeat(MAX_MESSAGE_BYTES)).ok).toBe(true);
    expect(checkMessageText('a'.repeat(MAX_MESSAGE_BYTES + 1)).ok).toBe(false);
    const euros = '€'.repeat(Math.ceil(MAX_MESSAGE_BYTES / 3) + 1); // 3 bytes each
    const refused = checkMessageText(euros);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.answer).toMatch(/too long/);
  });

  test('stripMentionMarkup decodes &amp; last so that &amp;lt; stays literal', () => {
    expect(stripMentionMarkup('&amp;lt;')).toBe('&lt;');
  });
});
