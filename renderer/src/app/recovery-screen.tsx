/**
 * Shown instead of the app when the local database cannot be opened: what happened and what to do,
 * never a blank window (GUIDE §6, electron#42645).
 */
export function RecoveryScreen({ error }: { error: Error }) {
  const versionProblem = error.name === 'VersionError';
  return (
    <div className="nhsuk-width-container">
      <main className="nhsuk-main-wrapper app-recovery" id="maincontent">
        <h1>DoS Desk could not open its records</h1>
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="recovery-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="recovery-title">
            {versionProblem
              ? 'The records on this computer were saved by a newer version of DoS Desk'
              : 'The local database is locked, damaged or unavailable'}
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>Nothing has been changed or deleted. Your records are still on this computer.</p>
          </div>
        </div>
        <h2>What to do</h2>
        <ol className="nhsuk-list nhsuk-list--number">
          {versionProblem ? (
            <li>Install the newer version of DoS Desk again. Do not use this older version with these records.</li>
          ) : (
            <>
              <li>Close every other DoS Desk window, then restart DoS Desk.</li>
              <li>Check the computer has free disk space.</li>
            </>
          )}
          <li>If this keeps happening, contact your local IT service desk and tell them the details below.</li>
        </ol>
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Technical details</span>
          </summary>
          <div className="nhsuk-details__text">
            <pre>
              {error.name}: {error.message}
            </pre>
          </div>
        </details>
        <button type="button" className="nhsuk-button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </main>
    </div>
  );
}
