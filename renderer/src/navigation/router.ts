import { useSyncExternalStore } from 'react';

let navigations = 0;

/** How many in-app navigations have happened since start; 0 on first load. */
export function navigationCount(): number {
  return navigations;
}

function subscribe(callback: () => void): () => void {
  const listener = () => {
    navigations++;
    callback();
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current route: the path after `#`, like `/operators/new`. */
export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

export function navigate(path: string): void {
  window.location.hash = path;
}
