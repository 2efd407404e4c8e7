import { PageHeading } from '../../../components/page-heading';
import { href, paths } from '../../../navigation/paths';
import { useSync } from '../../../sync/sync-context';
import { BatchFiles } from './batch-files';
import { ChangePassphraseSection } from './change-passphrase-form';
import { CreateTeamFormSection } from './create-team-form';
import { FolderAdvice } from './folder-advice';
import { JoinTeamFormSection } from './join-team-form';
import { LeaveTeam } from './leave-team';
import { TeamDesks } from './team-desks';
import { TeamProblems } from './team-problems';
import { TeamSummary } from './team-summary';
import { UnlockSection } from './unlock-form';

/** The team this desk shares its records with, through a team folder; or how to set one up or join one. */
export function TeamPage() {
  const sync = useSync();
  const { state } = sync;
  const team = state.team;
  if (team.state === 'none') {
    return (
      <>
        <PageHeading>Team</PageHeading>
        <p>
          A team&apos;s desks share their records through a team folder on a shared drive or in OneDrive / SharePoint. Each desk keeps
          working when it cannot reach the folder and catches up when it can. When two desks change the same record before they catch up,
          both versions are kept until someone chooses.
        </p>
        <FolderAdvice />
        <CreateTeamFormSection />
        <JoinTeamFormSection />
      </>
    );
  }
  const canWrite = !team.locked && !team.removed;
  return (
    <>
      <PageHeading>Team</PageHeading>
      {team.locked && <UnlockSection />}
      {team.removed && (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              This desk was removed from the team
            </span>
          </h2>
          <p>Another desk removed this one. It can still read the team folder, but what is changed here no longer reaches the team.</p>
          <p data-testid="removed-advice">
            Ask a lead on another desk to check: if this desk should still be in the team, leave the team here and join again.
          </p>
        </div>
      )}
      {state.phase === 'error' && state.message && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="sync-problem" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="sync-problem">
            The last sync did not finish
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{state.message}</p>
          </div>
        </div>
      )}
      {state.conflicts > 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <a href={href(paths.conflicts())}>
              {state.conflicts === 1 ? '1 record has' : `${state.conflicts} records have`} two versions to choose between
            </a>
            : changed on two desks before they caught up.
          </p>
        </div>
      )}
      <TeamSummary sync={sync} team={team} />
      <TeamDesks team={team} read={state.read} canRemove={canWrite} />
      <TeamProblems problems={team.problems} desks={team.desks} />
      {!team.locked && <BatchFiles removed={team.removed} />}
      {canWrite && <ChangePassphraseSection />}
      <LeaveTeam teamName={team.team.name} />
    </>
  );
}
