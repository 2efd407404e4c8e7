import { RAG_LABELS, type Rag, type Service } from '@shared/models/service';

const RAG_CLASS: Record<Rag, string> = { red: 'nhsuk-tag--red', amber: 'nhsuk-tag--orange', green: 'nhsuk-tag--green' };

/** Red, amber or green, in words as well as colour. */
export function CapacityTag({ rag }: { rag: Rag }) {
  return <strong className={`nhsuk-tag ${RAG_CLASS[rag]}`}>{RAG_LABELS[rag]}</strong>;
}

export function StatusTag({ service }: { service: Pick<Service, 'status'> }) {
  if (service.status === 'suspended') return <strong className="nhsuk-tag nhsuk-tag--yellow">Suspended</strong>;
  if (service.status === 'closed') return <strong className="nhsuk-tag nhsuk-tag--grey">Closed</strong>;
  return <strong className="nhsuk-tag nhsuk-tag--white">Active</strong>;
}
