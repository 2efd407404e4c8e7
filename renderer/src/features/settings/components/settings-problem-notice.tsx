import { useId, useState } from 'react';
import { formatLondonDateTime } from '@shared/domain/london-time';
import type { SettingsProblem } from '@shared/models/settings';
import { useAction } from '../../../components/use-action';
import { useSession } from '../../../session/store';
import { useSettingsProblems } from '../data/settings-problems';
import { href, paths } from '../../../navigation/paths';

const when = (iso: string) => formatLondonDateTime(new Date(iso));

/**
 * Tells the operator that a damaged settings file was set aside and the defaults are in force:
 * what went back to its default, where the damaged copy is, and what to do (issue 15 §3).
 * Shown on Home (with a link to Settings) and on Settings, until the operator dismisses it.
 */
export function SettingsProblemNotice({ linkToSettings = false }: { linkToSettings?: boolean }) {
  const { problems, error, dismiss, copyPath } = useSettingsProblems();
  if (!problems?.length && !error) return null;
  return (
    <>
      {error && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="settings-problem-error" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="settings-problem-error">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{error}</p>
          </div>
        </div>
      )}
      {problems?.map((problem) => (
        <ProblemCallout
          key={problem.setAsidePath}
          problem={problem}
          linkToSettings={linkToSettings}
          dismiss={dismiss}
          copyPath={copyPath}
        />
      ))}
    </>
  );
}

function ProblemCallout({
  problem,
  linkToSettings,
  dismiss,
  copyPath,
}: {
  problem: SettingsProblem;
  linkToSettings: boolean;
  dismiss: (p: SettingsProblem) => Promise<void>;
  copyPath: (path: string) => Promise<boolean>;
}) {
  const id = useId();
  const announce = useSession((s) => s.announce);
  const [copied, setCopied] = useState<boolean | null>(null);
  const {
    run: dismissIt,
    busy,
    error: failure,
  } = useAction(async () => {
    await dismiss(problem);
    announce('The notice is dismissed. The damaged settings file is still in the data folder.');
  });
  const reenter = linkToSettings ? (
    <>
      Enter them again on the <a href={href(paths.settings())}>Settings page</a>.
    </>
  ) : (
    'Enter them again below and save each part.'
  );

  return (
    <section className="nhsuk-warning-callout" aria-labelledby={`${id}-title`} data-testid="settings-problem">
      <h2 className="nhsuk-warning-callout__label" id={`${id}-title`}>
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {problem.allReset ? 'All settings went back to their defaults' : 'Some settings went back to their defaults'}
        </span>
      </h2>
      <p>
        On {when(problem.at)}, DoS Desk{' '}
        {problem.allReset ? 'could not read its settings file' : 'found a value it could not use in its settings file'}, so it put the file
        aside and started with the default settings.
      </p>
      {problem.reset.length ? (
        <>
          <p className="nhsuk-u-margin-bottom-2">These are back to their defaults:</p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {problem.reset.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>The file held nothing that differs from the defaults, but check your settings.</p>
      )}
      <p>
        {reenter} The SMTP password is kept apart and was not affected. To see the old values, open the damaged copy in a text editor such
        as Notepad. DoS Desk kept it here:
      </p>
      <p>
        <code className="app-break-all" data-testid="settings-problem-path">
          {problem.setAsidePath}
        </code>
      </p>
      <div className="nhsuk-button-group">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => void copyPath(problem.setAsidePath).then(setCopied)}
        >
          Copy the path
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--small" disabled={busy} onClick={() => void dismissIt()}>
          I have dealt with this
        </button>
      </div>
      <div role="status">
        {copied === true && <p className="nhsuk-u-margin-bottom-0">The path is copied.</p>}
        {copied === false && (
          <p className="nhsuk-u-margin-bottom-0">DoS Desk could not copy it. Select the path above and copy it with Ctrl+C.</p>
        )}
      </div>
      {failure && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {failure}
        </p>
      )}
    </section>
  );
}
