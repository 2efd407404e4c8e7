import { create } from 'zustand';

/** UI state only (GUIDE §3): who is at the desk, and the last confirmation to announce. */
interface SessionState {
  currentOperatorId: string | null;
  notice: string | null;
  setCurrentOperatorId(id: string | null): void;
  announce(notice: string | null): void;
}

export const useSession = create<SessionState>((set) => ({
  currentOperatorId: null,
  notice: null,
  setCurrentOperatorId: (currentOperatorId) => set({ currentOperatorId }),
  announce: (notice) => set({ notice }),
}));
