import type { UseFormReturn } from 'react-hook-form';
import { NHS_WEBSITE_SERVICE_DESK } from '@shared/domain/pharmacy';
import { ExternalLink } from '../../../components/external-link';
import { TextareaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import type { HandoffFields } from '../schemas';

/** Step 4 in hours: send the contractor to the NHS website service desk, and record the call. */
export function InHoursStep({ form }: { form: UseFormReturn<HandoffFields> }) {
  return (
    <section aria-labelledby="in-hours-heading">
      <h2 id="in-hours-heading">4. In hours: the NHS website service desk</h2>
      <p>Tell the contractor to contact the NHS website service desk, who can help with Profile Manager:</p>
      <ul className="nhsuk-list nhsuk-list--bullet" data-testid="service-desk">
        <li>
          Email <ExternalLink href={`mailto:${NHS_WEBSITE_SERVICE_DESK.email}`}>{NHS_WEBSITE_SERVICE_DESK.email}</ExternalLink>
        </li>
        <li>
          or raise a ticket at <ExternalLink href={NHS_WEBSITE_SERVICE_DESK.ticket}>{NHS_WEBSITE_SERVICE_DESK.ticket}</ExternalLink>
        </li>
      </ul>
      <p>DoS teams do not make the change in hours. Record the call for today&apos;s report:</p>
      <TextField form={form} name="contractorName" label="Who called?" />
      <TextareaField form={form} name="note" label="Note (optional)" rows={2} />
    </section>
  );
}
