import type { TeamDesk, TeamProblem } from '@shared/sync/team';

/** `desks/<id>/b-00000003.dsb` as the desk's name and the file, when the desk is known. */
function fileWords(file: string, desks: readonly TeamDesk[]) {
  const m = /^desks\/([^/]+)(?:\/(.*))?$/.exec(file);
  const desk = m && desks.find((d) => d.id === m[1]);
  if (!m || !desk) return <code className="app-break-all">{file}</code>;
  return m[2] ? (
    <>
      <code className="app-break-all">{m[2]}</code> from {desk.name}
    </>
  ) : (
    <>{desk.name}&apos;s folder</>
  );
}

/** Files in the team folder that were skipped, and why: none was imported, nothing was deleted. */
export function TeamProblems({ problems, desks = [] }: { problems: readonly TeamProblem[]; desks?: readonly TeamDesk[] }) {
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
            {fileWords(p.file, desks)}: {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
