import { href, paths } from '../../../navigation/paths';

/** Sharing records with a team is team sync's work now, not an export merged by hand (issue 17). */
export function TeamPointer() {
  return (
    <>
      <h2>Share records with your team</h2>
      <p>
        Share records with your team through a team folder; a desk that cannot reach it can carry a batch file.{' '}
        <a href={href(paths.team())}>Set it up on the Team page</a>.
      </p>
    </>
  );
}
