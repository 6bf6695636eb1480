import { notificationReference, toSendError } from '../../src/bot/proactive-sender';
import { SendError } from '../../src/notifications/sender';

describe('notification references', () => {
  it('a reference saved from a channel message posts a new thread in the channel, not a reply in that thread', () => {
    const ref = {
      activityId: '1700000000000',
      serviceUrl: 'https://smba.example/emea/',
      channelId: 'msteams',
      conversation: { id: '19:abc@thread.skype;messageid=1700000000000', conversationType: 'channel', tenantId: 't' },
    };
    const out = notificationReference(ref) as { activityId?: string; conversation: { id: string; conversationType: string }; serviceUrl: string };
    expect(out.activityId).toBeUndefined();
    expect(out.conversation).toEqual({ id: '19:abc@thread.skype', conversationType: 'channel', tenantId: 't' });
    expect(out.serviceUrl).toBe('https://smba.example/emea/');
  });

  it('personal and group chat ids are kept as they are', () => {
    const ref = { conversation: { id: 'a:1AbC-personal' } };
    expect((notificationReference(ref) as { conversation: { id: string } }).conversation.id).toBe('a:1AbC-personal');
  });
});

describe('connector failures', () => {
  it('keep the status, the connector code and Retry-After for the outbox', () => {
    const failure = Object.assign(new Error('Too many requests'), { statusCode: 429, code: 'Throttled', response: { headers: { get: (n: string) => (n === 'retry-after' ? '3' : undefined) } } });
    const error = toSendError(failure);
    expect(error).toBeInstanceOf(SendError);
    expect([error.status, error.code, error.retryAfterMs]).toEqual([429, 'Throttled', 3000]);
    expect(toSendError(new Error('socket hang up')).status).toBe(0);
  });
});
