import { flattenTree } from '@shared/domain/service-tree';
import { ServiceInput, type Service } from '@shared/models/service';
import { Form, useZodForm } from '../../../components/form';
import { PageHeading } from '../../../components/page-heading';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { TextareaField } from '../../../components/textarea-field';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import { useService, useServices } from '../data/services';
import { useServiceActions } from '../data/use-service-actions';
import { ServiceStatusPanel } from './service-status-panel';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const FIELDS = ['name', 'serviceType', 'odsCode', 'region', 'parentId', 'reducedHours'] as const;

/** Add a service (`id` absent) or edit one. */
export function ServiceEditPage({ id }: { id?: string }) {
  const { settings } = useDesk();
  const regions = settings.regions;
  const service = useService(id);
  const services = useServices();
  if ((id && service === undefined) || !services) return <p>Loading…</p>;
  if (id && !service) {
    return (
      <>
        <PageHeading>Service not found</PageHeading>
        <p>
          <a href={href(paths.services())}>Back to services</a>
        </p>
      </>
    );
  }
  return <ServiceForm key={service?.id ?? 'new'} service={service ?? undefined} services={services} regions={regions} />;
}

function ServiceForm({ service, services, regions }: { service?: Service; services: Service[]; regions: readonly string[] }) {
  const actions = useServiceActions(regions);
  const announce = useSession((s) => s.announce);
  const form = useZodForm(ServiceInput, {
    name: service?.name ?? '',
    serviceType: service?.serviceType ?? '',
    odsCode: service?.odsCode ?? '',
    region: service?.region ?? (regions.length === 1 ? regions[0]! : ''),
    parentId: service?.parentId ?? null,
    reducedHours: service?.reducedHours ?? '',
  });
  const parents = flattenTree(services.filter((s) => s.id !== service?.id));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={href(paths.services())}>
          Back to services
        </a>
        <PageHeading>{service ? `Edit ${service.name}` : 'Add a service'}</PageHeading>
        <Form
          form={form}
          fieldOrder={FIELDS}
          submitLabel={service ? 'Save service' : 'Add service'}
          onSubmit={async (values) => {
            const input = { ...values, parentId: values.parentId || null };
            if (service) await actions.update(service.id, input);
            else await actions.create(input);
            announce(`${values.name} saved.`);
            navigate(paths.services());
          }}
        >
          <TextField form={form} name="name" label="Service name" width={30} />
          <TextField
            form={form}
            name="serviceType"
            label="Service type"
            hint="For example, Urgent Treatment Centre or Pharmacy"
            width={30}
          />
          <TextField form={form} name="odsCode" label="ODS code (optional)" width={10} spellCheck={false} />
          <SelectField
            form={form}
            name="region"
            label="Region"
            placeholder="Choose a region"
            options={regions.map((r) => ({ value: r, label: r }))}
          />
          <SelectField
            form={form}
            name="parentId"
            label="Parent service (optional)"
            hint="A child service sits under its parent: users related to the parent reach it too."
            placeholder="None: a top-level service"
            options={parents.map(({ service: s, depth }) => ({ value: s.id, label: `${'— '.repeat(depth)}${s.name}` }))}
          />
          <TextareaField
            form={form}
            name="reducedHours"
            label="Reduced hours for a clinical service (optional)"
            hint="For pharmacy entries: if this entry keeps shorter hours than the pharmacy (for example, a clinical service 9am to 1pm only), say so here. DoS Desk warns that a Profile Manager update would overwrite them."
            rows={3}
          />
        </Form>
        {service && <ServiceStatusPanel service={service} />}
      </div>
    </div>
  );
}
