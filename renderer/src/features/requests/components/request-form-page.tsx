import { SUGGESTED_SETS } from '@shared/domain/user-types';
import { londonDate } from '@shared/domain/london-time';
import { Form, useZodForm } from '../../../components/form';
import { PageHeading } from '../../../components/page-heading';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { TextareaField } from '../../../components/textarea-field';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import { useRequestActions } from '../data/use-requests';
import { RequestForm } from '../schemas';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const FIELDS = [
  'fullName',
  'email',
  'phone',
  'organisation',
  'jobTitle',
  'region',
  'userType',
  'reason',
  'servicesNeeded',
  'registeredOn',
  'emailValidatedOn',
] as const;

/** Enter a request for DoS access by hand. */
export function RequestFormPage() {
  const { operator } = useDesk();
  const { create } = useRequestActions();
  const announce = useSession((s) => s.announce);
  const form = useZodForm(RequestForm, {
    fullName: '',
    email: '',
    phone: '',
    organisation: '',
    jobTitle: '',
    region: operator.approveUserRegions.length === 1 ? operator.approveUserRegions[0]! : '',
    userType: '',
    reason: '',
    servicesNeeded: '',
    registeredOn: londonDate(new Date()),
    emailValidatedOn: '',
  });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={href(paths.requests())}>
          Back to outstanding requests
        </a>
        <PageHeading>Enter a request for DoS access</PageHeading>
        <Form
          form={form}
          fieldOrder={FIELDS}
          submitLabel="Add to the queue"
          onSubmit={async (values) => {
            const request = await create(values);
            announce(`The request from ${request.fullName} is in the queue.`);
            navigate(paths.request(request.id));
          }}
        >
          <TextField form={form} name="fullName" label="Full name" width={30} spellCheck={false} />
          <TextField form={form} name="email" type="email" label="Email address" width={30} spellCheck={false} />
          <TextField form={form} name="phone" label="Phone number (optional)" width={20} />
          <TextField form={form} name="organisation" label="Organisation" width={30} />
          <TextField form={form} name="jobTitle" label="Job title" width={30} />
          <SelectField
            form={form}
            name="region"
            label="Region requested"
            placeholder="Choose a region"
            options={operator.approveUserRegions.map((r) => ({ value: r, label: r }))}
          />
          <SelectField
            form={form}
            name="userType"
            label="Type of DoS user asked for"
            placeholder="Choose the type of user"
            options={SUGGESTED_SETS.map((s) => ({ value: s.id, label: s.label }))}
          />
          <TextareaField form={form} name="reason" label="Why they need access" rows={3} />
          <TextareaField form={form} name="servicesNeeded" label="Services they need (optional)" rows={2} />
          <TextField form={form} name="registeredOn" type="date" label="Date registered" width={10} />
          <TextField
            form={form}
            name="emailValidatedOn"
            type="date"
            label="Date they validated their email (leave blank if not yet)"
            width={10}
          />
        </Form>
      </div>
    </div>
  );
}
