import type { useRequestActions } from '../data/use-requests';

/** What a request's action forms can do (from useRequestActions). */
export type RequestActions = ReturnType<typeof useRequestActions>;
