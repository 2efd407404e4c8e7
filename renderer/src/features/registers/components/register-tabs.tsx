import { href, paths } from '../../../navigation/paths';
const TABS = [
  { href: href(paths.temporaryRegister()), label: 'Temporary accounts' },
  { href: href(paths.inactiveRegister()), label: 'Inactive accounts' },
  { href: href(paths.emergencyRegister()), label: 'Emergency changes' },
];

/** Links between the three registers. */
export function RegisterTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Registers" className="nhsuk-u-margin-bottom-5">
      <ul className="nhsuk-list app-table-actions">
        {TABS.map((t) => (
          <li key={t.href}>
            <a href={t.href} aria-current={t.href === `#${current}` ? 'page' : undefined}>
              {t.href === `#${current}` ? <strong>{t.label}</strong> : t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
