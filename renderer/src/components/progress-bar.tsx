/** Progress of long work, with counts; announced politely to screen readers. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="nhsuk-form-group app-progress" role="status" aria-live="polite">
      <label className="nhsuk-label" htmlFor="app-progress-bar">
        {label}: {done.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')} ({percent}%)
      </label>
      <progress id="app-progress-bar" max={total || 1} value={Math.min(done, total || 1)}>
        {percent}%
      </progress>
    </div>
  );
}
