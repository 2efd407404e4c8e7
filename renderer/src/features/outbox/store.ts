import { create } from 'zustand';

/** Bumped after every outbox change so lists and the header badge refresh at once. */
export const useOutboxVersion = create<{ version: number; bump(): void }>((set) => ({
  version: 0,
  bump: () => set((s) => ({ version: s.version + 1 })),
}));
