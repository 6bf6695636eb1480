import { CHAT_CONVERSATION_KEY, chatConversation } from '../../src/cli/chat-conversation';
import { createMemoryStore } from '../../src/storage/memory-store';

describe('the conversation of guardian chat', () => {
  it('is the same conversation and user in every run on a kept state, with this run\'s time zone', async () => {
    const store = createMemoryStore();
    const first = await chatConversation(store, true, 'Europe/Paris');
    const second = await chatConversation(store, true, 'Asia/Tokyo');
    expect(second.id).toBe(first.id);
    expect(second.user).toEqual(first.user);
    expect(second.localTimezone).toBe('Asia/Tokyo');
  });

  it('is a new conversation each run in memory, and writes nothing', async () => {
    const store = createMemoryStore();
    const first = await chatConversation(store, false, undefined);
    const second = await chatConversation(store, false, undefined);
    expect(second.id).not.toBe(first.id);
    expect(await store.get(CHAT_CONVERSATION_KEY)).toBeUndefined();
  });

  it('starts a new conversation when the kept record is not one', async () => {
    const store = createMemoryStore();
    await store.put(CHAT_CONVERSATION_KEY, { id: 42, user: 'someone' });
    const conversation = await chatConversation(store, true, undefined);
    expect(conversation.id).toMatch(/^a:/);
    expect((await store.get<{ id: string }>(CHAT_CONVERSATION_KEY))?.value.id).toBe(conversation.id);
  });
});
