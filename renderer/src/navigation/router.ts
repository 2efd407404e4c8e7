let navigations = 0;

// Registered when the app loads, before wouter's own listener, so the count has moved on by the time
// the new page renders and its heading decides whether to take focus.
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => navigations++);

/** How many in-app navigations have happened since start; 0 on first load (focus management on navigation). */
export function navigationCount(): number {
  return navigations;
}

/** Opens a route path (from `navigation/paths`), like following a link to it. */
export function navigate(path: string): void {
  window.location.hash = path;
}
