import { STATUS_LABELS, type OutboxStatus } from '@shared/models/email';

const COLOURS: Record<OutboxStatus, string> = {
  queued: 'nhsuk-tag--blue',
  sending: 'nhsuk-tag--aqua-green',
  sent: 'nhsuk-tag--green',
  retrying: 'nhsuk-tag--orange',
  'needs-attention': 'nhsuk-tag--red',
  'may-have-been-sent': 'nhsuk-tag--yellow',
  damaged: 'nhsuk-tag--red',
  'handed-to-mail-client': 'nhsuk-tag--purple',
  copied: 'nhsuk-tag--purple',
  cancelled: 'nhsuk-tag--grey',
};

export function StatusTag({ status }: { status: OutboxStatus }) {
  return <strong className={`nhsuk-tag ${COLOURS[status]}`}>{STATUS_LABELS[status]}</strong>;
}
