import type { CheckState } from '@shared/domain/pharmacy';
import type { PharmacyChange } from '@shared/models/pharmacy';

export function CheckTag({ state }: { state: CheckState }) {
  if (state === 'overdue') return <strong className="nhsuk-tag nhsuk-tag--red">Check overdue</strong>;
  if (state === 'due') return <strong className="nhsuk-tag nhsuk-tag--yellow">Check due</strong>;
  return <strong className="nhsuk-tag nhsuk-tag--green">Checked</strong>;
}

export const KIND_LABELS: Record<PharmacyChange['kind'], string> = {
  'profile-created': 'Profile added',
  'profile-updated': 'Profile changed',
  'quarterly-check': 'Quarterly check',
  'directed-to-service-desk': 'Directed to the NHS website service desk',
  'on-call-change': 'On-call change',
};
