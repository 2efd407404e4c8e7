import { create } from 'zustand';

/** The last automatic backup's problem, shown until the next one succeeds. */
export const useBackupStatus = create<{ problem: string | null; setProblem(p: string | null): void }>((set) => ({
  problem: null,
  setProblem: (problem) => set({ problem }),
}));
