import {
  buildFileConsentCard,
  buildFileInfoCard,
  FILE_CONSENT_CONTENT_TYPE,
  FILE_INFO_CONTENT_TYPE,
  parseFileConsentResponse,
  safeFileName,
} from '../../src/bot/file-consent-cards';
import { checkFileUrl } from '../../src/bot/file-consent-upload';

const OFFER = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('file consent card', () => {
  test('has the Teams shape and carries only the offer id as context', () => {
    const card = buildFileConsentCard({ fileName: 'baseline.md', sizeInBytes: 1234, offerId: OFFER, description: 'Your baseline' });
    expect(card).toEqual({
      contentType: 'application/vnd.microsoft.teams.card.file.consent',
      name: 'baseline.md',
      content: { description: 'Your baseline', sizeInBytes: 1234, acceptContext: { offerId: OFFER }, declineContext: { offerId: OFFER } },
    });
    expect(FILE_CONSENT_CONTENT_TYPE).toBe(card.contentType);
  });

  test('file info card points at the uploaded file', () => {
    expect(buildFileInfoCard({ name: 'b.md', contentUrl: 'https://contoso-my.sharepoint.com/b.md', uniqueId: 'U1', fileType: 'md' })).toEqual({
      contentType: FILE_INFO_CONTENT_TYPE,
      name: 'b.md',
      contentUrl: 'https://contoso-my.sharepoint.com/b.md',
      content: { uniqueId: 'U1', fileType: 'md' },
    });
    expect(FILE_INFO_CONTENT_TYPE).toBe('application/vnd.microsoft.teams.card.file.info');
  });
});

describe('parseFileConsentResponse', () => {
  const uploadInfo = { name: 'b.md', uploadUrl: 'https://x/upload?tempauth=abc', contentUrl: 'https://x/b.md', uniqueId: 'U1', fileType: 'md' };

  test('an accept with upload info', () => {
    expect(parseFileConsentResponse({ type: 'fileUpload', action: 'accept', context: { offerId: OFFER }, uploadInfo })).toEqual({
      ok: true,
      action: 'accept',
      offerId: OFFER,
      uploadInfo,
    });
  });

  test('an accept without an upload URL has no upload info', () => {
    const parsed = parseFileConsentResponse({ action: 'accept', context: { offerId: OFFER }, uploadInfo: { name: 'b.md' } });
    expect(parsed).toEqual({ ok: true, action: 'accept', offerId: OFFER, uploadInfo: undefined });
  });

  test('a decline', () => {
    expect(parseFileConsentResponse({ type: 'fileUpload', action: 'decline', context: { offerId: OFFER } })).toEqual({ ok: true, action: 'decline', offerId: OFFER });
  });

  test.each([
    ['not an object', 'accept'],
    ['null', null],
    ['an array', [{ action: 'accept' }]],
    ['an unknown action', { action: 'maybe', context: { offerId: OFFER } }],
    ['no context', { action: 'accept' }],
    ['a forged offer id', { action: 'accept', context: { offerId: '../../conversation-ref/x' } }],
    ['a content in place of an id', { action: 'decline', context: { fileName: 'x.md', content: '# hi' } }],
    ['an upper-case id', { action: 'decline', context: { offerId: OFFER.toUpperCase() } }],
  ])('rejects %s', (_name, value) => {
    expect(parseFileConsentResponse(value).ok).toBe(false);
  });
});

describe('safeFileName', () => {
  test.each([
    ['aml-security-baseline-ws-2026-03-01.md', 'aml-security-baseline-ws-2026-03-01.md'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a:b*c?"d<e>f|g\u0000h.md', 'a-b-c-d-e-f-g-h.md'],
    ['', 'document.md'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  test('keeps the end (the extension) of an overlong name', () => {
    const name = safeFileName(`${'x'.repeat(300)}.md`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.md')).toBe(true);
  });
});

describe('checkFileUrl', () => {
  test.each([
    ['https://contoso-my.sharepoint.com/personal/u/_api/upload?tempauth=x', {}, true],
    ['http://contoso-my.sharepoint.com/upload', {}, false],
    ['http://127.0.0.1:1234/upload', {}, false],
    ['http://127.0.0.1:1234/upload', { allowHttpLoopback: true }, true],
    ['http://localhost:1234/upload', { allowHttpLoopback: true }, true],
    ['http://10.0.0.4/upload', { allowHttpLoopback: true }, false],
    ['http://169.254.169.254/metadata', { allowHttpLoopback: true }, false],
    ['https://user:pw@contoso.sharepoint.com/upload', {}, false],
    ['file:///etc/passwd', { allowHttpLoopback: true }, false],
    ['https://contoso.sharepoint.us/personal/u/upload', {}, true],
    ['https://contoso-my.sharepoint-mil.us/upload', {}, true],
    ['https://contoso-my.sharepoint.cn/upload', {}, true],
    ['https://CONTOSO-MY.SharePoint.com/upload', {}, true],
    ['https://169.254.169.254/metadata', {}, false],
    ['https://internal.corp.example/upload', {}, false],
    ['https://sharepoint.com.evil.example/upload', {}, false],
    ['https://evilsharepoint.com/upload', {}, false],
    ['https://contoso-my.sharepoint.com:8443/upload', {}, false],
    ['https://127.0.0.1/upload', { allowHttpLoopback: true }, false],
    ['not a url', {}, false],
  ])('%s %j → %s', (url, policy, ok) => {
    expect(checkFileUrl(url, policy).ok).toBe(ok);
  });
});
