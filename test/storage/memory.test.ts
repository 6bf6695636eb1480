import { MemoryBackend, MemoryGuardianStore } from '../../src/storage/memory-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('memory', {
  atomicBatches: true,
  newBackend: () => {
    const backend = new MemoryBackend();
    return { open: () => new MemoryGuardianStore(Date.now, backend), dispose: () => Promise.resolve() };
  },
});
