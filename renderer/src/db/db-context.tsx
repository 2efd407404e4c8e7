import { createContext, useContext } from 'react';
import type { DosDeskDb } from './database';

export const DbContext = createContext<DosDeskDb | null>(null);

/** For features' `data/` modules only; components use those hooks, never the database. */
export function useDb(): DosDeskDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb must be used inside <DbContext.Provider>');
  return db;
}
