import { useEffect, useRef, useState } from 'react';
import { ActionButton, ActionError } from '../../../components/action-button';
import { PageHeading } from '../../../components/page-heading';
import { useAction } from '../../../components/use-action';
import { href, paths } from '../../../navigation/paths';
import { navigate } from '../../../navigation/router';
import { plainErrorMessage } from '../../../platform/plain-error';
import { useSession } from '../../../session/store';
import { useSync } from '../../../sync/sync-context';
import type { ConflictDetail, ConflictVersion, Resolution } from '../../../sync/types';
import { TABLE_WORDS } from '../data/versions';
import { CombineForm } from './combine-form';
import { VersionsTable } from './versions-table';

/** One record in conflict: its versions side by side; keep one, or combine them. */
export function ConflictPage({ docId }: { docId: string }) {
  const { loadConflict, resolve, conflicts, state } = useSync();
  const announce = useSession((s) => s.announce);
  const [detail, setDetail] = useState<ConflictDetail | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  // When the versions change while the operator is choosing, their choices start again: say why.
  const [changed, setChanged] = useState<string | null>(null);
  const shown = useRef<readonly ConflictVersion[] | null>(null);
  // Loaded again when the inbox's entry for it changes (a version arrived, or another desk resolved it).
  const versions = conflicts.find((c) => c.docId === docId)?.versions ?? 0;
  useEffect(() => {
    let alive = true;
    loadConflict(docId).then(
      (d) => {
        if (!alive) return;
        const before = shown.current;
        if (before && d) {
          const words = newVersionWords(before, d.list);
          if (words) setChanged(words);
        }
        shown.current = d?.list ?? null;
        setDetail(d);
      },
      (e: unknown) => alive && setLoadError(plainErrorMessage(e)),
    );
    return () => {
      alive = false;
    };
  }, [loadConflict, docId, versions]);
  const thisDeskId = state.team.state === 'member' ? state.team.desk.id : null;
  const finish = async (resolution: Resolution, words: string) => {
    // The versions on screen: if another arrived meanwhile, the engine refuses and says so.
    await resolve(
      docId,
      resolution,
      shown.current?.map((v) => v.rev),
    );
    announce(words);
    navigate(paths.conflicts());
  };
  const settle = useAction(finish);

  return (
    <>
      <a className="nhsuk-back-link" href={href(paths.conflicts())}>
        Back to conflicts
      </a>
      <PageHeading>Resolve a conflict</PageHeading>
      {loadError ? (
        <p className="nhsuk-error-message" role="alert">
          {loadError}
        </p>
      ) : detail === undefined ? (
        <p>Loading the versions…</p>
      ) : detail === null ? (
        <p data-testid="conflict-gone">
          This record has no conflict now: it was resolved, perhaps on another desk. <a href={href(paths.conflicts())}>Back to conflicts</a>
          .
        </p>
      ) : (
        <>
          <p>
            <strong>{detail.subject}</strong> ({(TABLE_WORDS[detail.table] ?? detail.table).toLowerCase()}) was changed on{' '}
            {detail.list.length === 2 ? 'two desks' : `${detail.list.length} desks`} before they caught up. Every desk shows the version
            marked &ldquo;Shown on every desk for now&rdquo; until you choose; what you choose is audited and reaches every desk.
          </p>
          {changed && (
            <div className="nhsuk-warning-callout" data-testid="versions-changed" role="alert">
              <h2 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  The versions changed
                </span>
              </h2>
              <p>{changed}</p>
            </div>
          )}
          {detail.table === 'audit' && (
            <div className="nhsuk-warning-callout">
              <h2 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  An audit entry was altered
                </span>
              </h2>
              <p>
                Audit entries are never edited, so two versions of one mean someone changed it outside DoS Desk. It cannot be resolved here:
                tell your information governance lead.
              </p>
            </div>
          )}
          <VersionsTable
            list={detail.list}
            thisDeskId={thisDeskId}
            actions={
              detail.table === 'audit'
                ? undefined
                : (v, i) => (
                    <ActionButton
                      className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                      busy={settle.busy}
                      onClick={() =>
                        void settle.run(
                          { keep: v.rev },
                          v.deleted
                            ? `${detail.subject} stays deleted, on every desk.`
                            : `Kept version ${i + 1} of ${detail.subject}. Every desk will show it.`,
                        )
                      }
                    >
                      <span data-testid={`keep-version-${i + 1}`}>
                        Keep this version <span className="nhsuk-u-visually-hidden">(version {i + 1})</span>
                      </span>
                    </ActionButton>
                  )
            }
          />
          <ActionError error={settle.error} />
          {detail.table !== 'audit' && (
            <CombineForm
              key={detail.list.map((v) => v.rev).join()}
              list={detail.list}
              thisDeskId={thisDeskId}
              onSave={(value) => finish({ value }, `Saved the combined record of ${detail.subject}. Every desk will show it.`)}
            />
          )}
        </>
      )}
    </>
  );
}

/**
 * What changed in a record's versions since the operator last saw them, in words, or null when
 * nothing did: the page shows the new list and any choices made start again.
 */
export function newVersionWords(before: readonly ConflictVersion[], after: readonly ConflictVersion[]): string | null {
  const seen = new Set(before.map((v) => v.rev));
  const same = before.length === after.length && after.every((v) => seen.has(v.rev));
  if (same) return null;
  const arrived = after.filter((v) => !seen.has(v.rev));
  const desks = [...new Set(arrived.map((v) => v.deskName))];
  if (desks.length === 0) return 'The versions changed on another desk: look again before you choose.';
  const from = desks.length === 1 ? desks[0] : `${desks.slice(0, -1).join(', ')} and ${desks[desks.length - 1]}`;
  return `A new version arrived from ${from}: look again before you choose.`;
}
