import type { ReactNode } from 'react';
import type { ConflictVersion } from '../../../sync/types';
import { differingFields, fieldsOf, fieldWords, valueWords, versionTitle } from '../data/versions';

const cell = 'nhsuk-table__cell';
const header = 'nhsuk-table__header';

/**
 * A record's versions side by side: one row per field, one column per version, headed with who made
 * it, on which desk, and which one every desk shows for now. A field whose versions differ says so in
 * words ("Differs") as well as with a highlight, so colour is never the only sign.
 */
export function VersionsTable({
  list,
  thisDeskId,
  actions,
}: {
  list: readonly ConflictVersion[];
  thisDeskId: string | null;
  /** One control per version (its "Keep this version" button), in a last row under its column. */
  actions?: (v: ConflictVersion, index: number) => ReactNode;
}) {
  const fields = fieldsOf(list);
  const differing = differingFields(list);
  return (
    <table className="nhsuk-table app-versions" data-testid="versions">
      <caption className="nhsuk-table__caption">
        The versions side by side
        <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-font-weight-normal">
          {differing.size === 0
            ? 'The versions have the same details.'
            : `${differing.size === 1 ? '1 field differs' : `${differing.size} fields differ`}: marked “Differs”.`}
        </span>
      </caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className={header}>
            Field
          </th>
          {list.map((v, i) => (
            <th scope="col" className={header} key={v.rev} data-testid={`version-${i + 1}`}>
              Version {i + 1}
              <span className="nhsuk-u-display-block nhsuk-u-font-weight-normal">{versionTitle(v, thisDeskId)}</span>
              {typeof v.value?.updatedAt === 'string' && (
                <span className="nhsuk-u-display-block nhsuk-u-font-weight-normal nhsuk-body-s nhsuk-u-margin-bottom-0">
                  Changed {valueWords(v.value.updatedAt)} (that desk&apos;s clock)
                </span>
              )}
              {v.winner && <strong className="nhsuk-tag nhsuk-tag--blue">Shown on every desk for now</strong>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {fields.map((f) => {
          const differs = differing.has(f);
          return (
            <tr className={`nhsuk-table__row${differs ? ' app-differs' : ''}`} key={f} data-differs={differs || undefined}>
              <th scope="row" className={cell}>
                {fieldWords(f)}
                {differs && <strong className="nhsuk-tag nhsuk-tag--yellow app-inline-tag">Differs</strong>}
              </th>
              {list.map((v) => (
                <td className={cell} key={v.rev}>
                  {v.deleted ? <span className="app-muted">Deleted</span> : valueWords(v.value?.[f])}
                </td>
              ))}
            </tr>
          );
        })}
        {actions && (
          <tr className="nhsuk-table__row">
            <th scope="row" className={cell}>
              <span className="nhsuk-u-visually-hidden">Choose</span>
            </th>
            {list.map((v, i) => (
              <td className={cell} key={v.rev}>
                {actions(v, i)}
              </td>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );
}
