import { useReviewReminders } from '../data/use-registers';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

/** In-app reminder of temporary accounts due for review within 14 days or overdue. */
export function RemindersBanner() {
  const { operator } = useDesk();
  const reminders = useReviewReminders(operator);
  if (!reminders.length) return null;
  const due = reminders.filter((r) => r.stage === 'due').length;
  return (
    <div className="nhsuk-notification-banner" role="region" aria-labelledby="reminders-title" data-testid="reminders-banner">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="reminders-title">
          Important
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">
          {due ? `${due} temporary account${due === 1 ? ' is' : 's are'} due for review` : ''}
          {due && reminders.length > due ? ' and ' : ''}
          {reminders.length > due ? `${reminders.length - due} due within 14 days` : ''}.{' '}
          <a className="nhsuk-notification-banner__link" href={href(paths.temporaryRegister())}>
            Review temporary accounts
          </a>
        </p>
      </div>
    </div>
  );
}
