import { useState } from 'react';
import { formatDay, formatLondonDateTime, londonDate } from '@shared/domain/london-time';
import { CapacityInput, CloseInput, RAG, RAG_LABELS, ReopenInput, SuspendInput, type Service } from '@shared/models/service';
import { Form, useZodForm } from '../../../components/form';
import { Radios } from '../../../components/radios';
import { TextField } from '../../../components/text-field';
import { TextareaField } from '../../../components/textarea-field';
import { useSession } from '../../../session/store';
import { suspendedOn } from '../data/service-status';
import { useServiceActions } from '../data/use-service-actions';
import { CapacityTag, StatusTag } from './service-tags';

const when = (iso: string) => formatLondonDateTime(new Date(iso));

type Action = 'capacity' | 'suspend' | 'reopen' | 'close';

/** A service's status and capacity, with the actions that change them (each audited). */
export function ServiceStatusPanel({ service, today = londonDate(new Date()) }: { service: Service; today?: string }) {
  const [open, setOpen] = useState<Action | null>(null);
  const suspendedToday = suspendedOn(service, today);
  const actions: { id: Action; label: string; show: boolean }[] = [
    { id: 'capacity', label: "Record today's capacity", show: service.status !== 'closed' && !suspendedToday },
    { id: 'suspend', label: 'Suspend the service', show: service.status === 'active' },
    { id: 'reopen', label: 'Re-open the service', show: service.status !== 'active' },
    { id: 'close', label: 'Close the service', show: service.status !== 'closed' },
  ];
  return (
    <section aria-labelledby="status-heading" className="nhsuk-u-margin-top-6">
      <h2 id="status-heading">Status and capacity</h2>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status</dt>
          <dd className="nhsuk-summary-list__value" data-testid="service-status">
            <StatusTag service={service} />
            {service.suspension && (
              <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                From {formatDay(service.suspension.from)}
                {service.suspension.until ? ` until ${formatDay(service.suspension.until)}` : ' until further notice'}:{' '}
                {service.suspension.reason}
              </p>
            )}
            {service.suspension && !suspendedToday && (
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                <strong>
                  {service.suspension.from > today
                    ? 'The suspension has not started yet.'
                    : 'The suspension has ended: re-open the service to show it as active.'}
                </strong>
              </p>
            )}
            {service.closure && (
              <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                Closed on {service.closure.on}: {service.closure.reason}
              </p>
            )}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Capacity</dt>
          <dd className="nhsuk-summary-list__value" data-testid="service-capacity">
            {service.capacity ? (
              <>
                <CapacityTag rag={service.capacity.rag} />
                <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                  Set by {service.capacity.setBy} on {when(service.capacity.at)}
                  {service.capacity.note ? `: ${service.capacity.note}` : ''}
                </p>
              </>
            ) : (
              'Not reported yet'
            )}
          </dd>
        </div>
      </dl>
      <div className="app-table-actions">
        {actions
          .filter((a) => a.show)
          .map((a) => (
            <button
              key={a.id}
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              aria-expanded={open === a.id}
              onClick={() => setOpen(open === a.id ? null : a.id)}
            >
              {a.label}
            </button>
          ))}
      </div>
      {open === 'capacity' && <CapacityForm service={service} done={() => setOpen(null)} />}
      {open === 'suspend' && <SuspendForm service={service} done={() => setOpen(null)} />}
      {open === 'reopen' && <ReopenForm service={service} done={() => setOpen(null)} />}
      {open === 'close' && <CloseForm service={service} done={() => setOpen(null)} />}
    </section>
  );
}

function useDone(done: () => void) {
  const announce = useSession((s) => s.announce);
  return (message: string) => {
    announce(message);
    done();
  };
}

function CapacityForm({ service, done }: { service: Service; done(): void }) {
  const actions = useServiceActions([]);
  const finish = useDone(done);
  const form = useZodForm(CapacityInput, { rag: service.capacity?.rag ?? ('' as never), note: '' });
  return (
    <Form
      form={form}
      fieldOrder={['rag', 'note']}
      submitLabel="Save capacity status"
      onSubmit={async (v) => {
        await actions.capacity(service.id, v);
        finish(`Capacity for ${service.name} recorded as ${v.rag}.`);
      }}
    >
      <Radios form={form} name="rag" legend="Capacity status today" options={RAG.map((r) => ({ value: r, label: RAG_LABELS[r] }))} />
      <TextareaField form={form} name="note" label="Note (optional)" rows={2} />
    </Form>
  );
}

function SuspendForm({ service, done }: { service: Service; done(): void }) {
  const actions = useServiceActions([]);
  const finish = useDone(done);
  const form = useZodForm(SuspendInput, { reason: '', from: londonDate(new Date()), until: '' });
  return (
    <Form
      form={form}
      fieldOrder={['reason', 'from', 'until']}
      submitLabel="Suspend service"
      onSubmit={async (v) => {
        await actions.suspend(service.id, { ...v, until: v.until ?? '' });
        finish(`${service.name} suspended.`);
      }}
    >
      <TextareaField form={form} name="reason" label="Why is the service suspended?" rows={3} />
      <TextField form={form} name="from" label="Suspended from" type="date" width={10} />
      <TextField form={form} name="until" label="Re-opens on (optional)" hint="Leave blank if not known yet." type="date" width={10} />
    </Form>
  );
}

function ReopenForm({ service, done }: { service: Service; done(): void }) {
  const actions = useServiceActions([]);
  const finish = useDone(done);
  const form = useZodForm(ReopenInput, { note: '' });
  return (
    <Form
      form={form}
      fieldOrder={['note']}
      submitLabel="Re-open service"
      onSubmit={async (v) => {
        await actions.reopen(service.id, v);
        finish(`${service.name} re-opened.`);
      }}
    >
      <TextareaField form={form} name="note" label="Why is it re-opening?" rows={2} />
    </Form>
  );
}

function CloseForm({ service, done }: { service: Service; done(): void }) {
  const actions = useServiceActions([]);
  const finish = useDone(done);
  const form = useZodForm(CloseInput, { reason: '', on: londonDate(new Date()) });
  return (
    <Form
      form={form}
      fieldOrder={['reason', 'on']}
      submitLabel="Close service"
      onSubmit={async (v) => {
        await actions.close(service.id, v);
        finish(`${service.name} closed.`);
      }}
    >
      <TextareaField form={form} name="reason" label="Why is the service closed?" rows={2} />
      <TextField form={form} name="on" label="Closed on" type="date" width={10} />
    </Form>
  );
}
