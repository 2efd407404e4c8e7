import type { TeamProblem } from '@shared/sync/team';

/** Files in the team folder that were skipped, and why: none was imported, nothing was deleted. */
export function TeamProblems({ problems }: { problems: readonly TeamProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="problems-heading" data-testid="team-problems">
      <h2 id="problems-heading">Files not taken in</h2>
      <p>
        These files in the team folder were skipped: nothing in them was taken in, and nothing on this desk was changed or deleted because
        of them. They are checked again at each sync.
      </p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {problems.map((p) => (
          <li key={`${p.file}:${p.kind}`}>
            <code className="app-break-all">{p.file}</code>: {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
