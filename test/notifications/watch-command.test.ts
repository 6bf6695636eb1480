import { describeSchedule, nextRun, validateSchedule } from '../../src/notifications/schedule';
import { parseWatchCommand } from '../../src/notifications/subscriptions';
import { WS_ID } from './helpers';

describe('parseWatchCommand', () => {
  it.each([
    ['watch ws-prod daily at 08:00', 'ws-prod', '0 8 * * *', 'UTC'],
    ['watch ws-prod every 6 hours', 'ws-prod', '0 */6 * * *', 'UTC'],
    ['watch ws-prod hourly', 'ws-prod', '0 * * * *', 'UTC'],
    ['watch ws-prod every 30 minutes', 'ws-prod', '*/30 * * * *', 'UTC'],
    [`watch ${WS_ID} weekly on monday at 9:30 Europe/Paris`, WS_ID, '30 9 * * 1', 'Europe/Paris'],
    ['Watch ws-prod every friday at 5pm America/New_York', 'ws-prod', '0 17 * * 5', 'America/New_York'],
    ['watch sample:insecure weekdays at 7:15 utc', 'sample:insecure', '15 7 * * 1-5', 'UTC'],
    ['watch ws-prod daily at 8:30 pm', 'ws-prod', '30 20 * * *', 'UTC'],
    ['watch ws-prod cron 0 7 * * 1-5 Asia/Tokyo', 'ws-prod', '0 7 * * 1-5', 'Asia/Tokyo'],
  ])('%s', (text, target, cron, timezone) => {
    expect(parseWatchCommand(text)).toEqual({ kind: 'watch', target, schedule: { cron, timezone }, weeklyDigest: false });
  });

  it('marks a watch with nothing after the workspace as unspecified, so that an existing watch keeps its schedule', () => {
    expect(parseWatchCommand('watch ws-prod')).toEqual({ kind: 'watch', target: 'ws-prod', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, weeklyDigest: false, unspecified: true });
  });

  it('takes a weekly digest flag', () => {
    expect(parseWatchCommand('watch ws-prod daily at 06:00 with weekly digest Europe/Berlin')).toEqual({
      kind: 'watch',
      target: 'ws-prod',
      schedule: { cron: '0 6 * * *', timezone: 'Europe/Berlin' },
      weeklyDigest: true,
    });
  });

  it.each([
    ['watch sample every 6 hours with a weekly digest', 'sample', '0 */6 * * *', 'UTC'],
    ['watch ws-prod with a weekly digest', 'ws-prod', '0 8 * * *', 'UTC'],
    ['watch ws-prod daily at 07:00 weekly digest', 'ws-prod', '0 7 * * *', 'UTC'],
    ['watch ws-prod daily at 07:00 with digest', 'ws-prod', '0 7 * * *', 'UTC'],
    ['watch ws-prod every 6 hours and a digest Europe/Paris', 'ws-prod', '0 */6 * * *', 'Europe/Paris'],
    ['watch ws-prod weekly on monday at 9:30 with a Digest', 'ws-prod', '30 9 * * 1', 'UTC'],
    ['watch ws-prod with digest every 6 hours', 'ws-prod', '0 */6 * * *', 'UTC'],
  ])('turns the digest on: %s', (text, target, cron, timezone) => {
    expect(parseWatchCommand(text)).toEqual({ kind: 'watch', target, schedule: { cron, timezone }, weeklyDigest: true });
  });

  it('puts a schedule without a time zone in the default zone given, and a typed zone wins over it', () => {
    expect(parseWatchCommand('watch ws-prod daily at 08:00', 'Europe/Berlin')).toEqual({ kind: 'watch', target: 'ws-prod', schedule: { cron: '0 8 * * *', timezone: 'Europe/Berlin' }, weeklyDigest: false });
    expect(parseWatchCommand('watch ws-prod cron 0 7 * * 1-5', 'Asia/Tokyo')).toMatchObject({ schedule: { timezone: 'Asia/Tokyo' } });
    expect(parseWatchCommand('watch ws-prod daily at 08:00 UTC', 'Europe/Berlin')).toMatchObject({ schedule: { timezone: 'UTC' } });
  });

  it('says how to ask for the digest when it does not understand a schedule', () => {
    const parsed = parseWatchCommand('watch ws-prod every blue moon');
    expect(parsed).toMatchObject({ kind: 'invalid', message: expect.stringContaining('with a weekly digest') as string });
  });

  it('parses unwatch and the list questions', () => {
    expect(parseWatchCommand('unwatch ws-prod')).toEqual({ kind: 'unwatch', target: 'ws-prod' });
    expect(parseWatchCommand('watches')).toEqual({ kind: 'list' });
    expect(parseWatchCommand('What do we watch?')).toEqual({ kind: 'list' });
  });

  it.each([
    ['watch', /Which workspace/],
    ['watch ws-prod daily at 25:00', /not a time/],
    ['watch ws-prod every 5 minutes', /from 15 to 59/],
    ['watch ws-prod every 30 hours', /from 1 to 23/],
    ['watch ws-prod weekly on funday', /not a day/],
    ['watch ws-prod daily at 08:00 Mars/Olympus', /not a time zone/],
    ['watch ws-prod cron * * * * *', /at least 15 minutes/],
    ['watch ws-prod cron 0 99 * * *', /not valid/],
    ['watch ws-prod whenever you like', /did not understand the schedule/],
    ['watch <b>ws</b>', /does not look like a workspace/],
    ['unwatch ws-prod now please', /takes just the workspace/],
    ['observe ws-prod', /did not understand/],
  ])('rejects %p with a clear message', (text, message) => {
    const parsed = parseWatchCommand(text);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toMatch(message);
  });
});

describe('schedules', () => {
  it('describes the schedules people type', () => {
    expect(describeSchedule({ cron: '0 8 * * *', timezone: 'UTC' })).toBe('daily at 08:00 (UTC)');
    expect(describeSchedule({ cron: '0 */6 * * *', timezone: 'UTC' })).toBe('every 6 hours (UTC)');
    expect(describeSchedule({ cron: '30 9 * * 1', timezone: 'Europe/Paris' })).toBe('weekly on Monday at 09:30 (Europe/Paris)');
    expect(describeSchedule({ cron: '0 7 1 * *', timezone: 'UTC' })).toBe('on cron "0 7 1 * *" (UTC)');
  });

  it('computes the next run in the subscription time zone', () => {
    // 09:30 in Paris in January is 08:30 UTC.
    const next = nextRun(validateSchedule({ cron: '30 9 * * 1', timezone: 'Europe/Paris' }), new Date('2030-01-01T00:00:00Z'));
    expect(next?.toISOString()).toBe('2030-01-07T08:30:00.000Z');
  });
});
