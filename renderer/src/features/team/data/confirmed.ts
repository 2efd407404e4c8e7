import { useSession } from '../../../session/store';

/**
 * Shows an action's outcome in the page's success banner and moves focus to the top of the page,
 * where it is: the Team page changes around it (joining, leaving, removing a desk).
 */
export function useConfirmed(): (words: string) => void {
  const announce = useSession((s) => s.announce);
  return (words) => {
    announce(words);
    document.getElementById('maincontent')?.focus();
  };
}
