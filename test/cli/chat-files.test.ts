import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createChatFiles, writeNew } from '../../src/cli/chat-files';
import { buildFileConsentCard } from '../../src/bot/file-consent-cards';
import { fileOfferKey, type PendingFile } from '../../src/bot/file-consent';
import { createMemoryStore } from '../../src/storage/memory-store';

const OFFER = '0f0e0d0c-0b0a-4908-8706-050403020100';

describe('chat files', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-files-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('never overwrites: name.md, name-1.md, name-2.md', async () => {
    fs.writeFileSync(path.join(dir, 'b.md'), 'mine');
    expect(await writeNew(dir, 'b.md', 'x')).toBe(path.join(dir, 'b-1.md'));
    expect(await writeNew(dir, 'b.md', 'y')).toBe(path.join(dir, 'b-2.md'));
    expect(fs.readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('mine');
  });

  it('takes the offer out of the store, only for its own conversation', async () => {
    const store = createMemoryStore();
    const pending: PendingFile = { fileName: 'doc.md', content: '# Doc', sizeInBytes: 5, conversationId: 'c1', userId: 'u', offeredAt: '', expiresAt: '' };
    await store.put(fileOfferKey(OFFER), pending);
    const files = createChatFiles(store, dir);
    const card = buildFileConsentCard({ fileName: 'doc.md', sizeInBytes: 5, offerId: OFFER, description: '' });
    expect(await files.take(card, 'other')).toBeUndefined();
    expect(await files.take({ contentType: 'text/plain' }, 'c1')).toBeUndefined();
    expect(await files.take(card, 'c1')).toEqual({ fileName: 'doc.md', content: '# Doc' });
    expect(await store.list('file-consent/')).toEqual([]);
    expect(fs.readFileSync(await files.save({ fileName: '../evil/doc.md', content: 'x' }), 'utf8')).toBe('x');
    expect(fs.readdirSync(dir)).toEqual(['evil-doc.md']);
  });
});
