import { formatDay, londonDate } from '@shared/domain/london-time';
import { useState } from 'react';
import { ExtendInput, type TemporaryEntry } from '@shared/models/registers';
import { ActionButton, ActionError } from '../../../components/action-button';
import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../components/use-action';
import { useSession } from '../../../session/store';
import { useRegisterActions } from '../data/use-registers';

/** On a temporary account's review date: extend it, or delete the account. */
export function ReviewActions({ entry }: { entry: TemporaryEntry }) {
  const actions = useRegisterActions();
  const announce = useSession((s) => s.announce);
  const [mode, setMode] = useState<'none' | 'extend' | 'delete'>('none');
  const form = useZodForm(ExtendInput, { reviewDate: '', reason: '' });
  const remove = useAction(async () => {
    await actions.deleteTemporary(entry.id);
    announce(`${entry.accountName}'s account was deleted.`);
    setMode('none');
  });
  if (mode === 'none') {
    return (
      <div className="app-table-actions nhsuk-u-margin-top-2">
        <button type="button" className="app-link-button" onClick={() => setMode('extend')}>
          Extend<span className="nhsuk-u-visually-hidden"> {entry.accountName}</span>
        </button>
        <button type="button" className="app-link-button" onClick={() => setMode('delete')}>
          Delete account<span className="nhsuk-u-visually-hidden"> of {entry.accountName}</span>
        </button>
      </div>
    );
  }
  const cancel = (label: string) => (
    <button type="button" className="nhsuk-button nhsuk-button--small nhsuk-button--secondary" onClick={() => setMode('none')}>
      {label}
    </button>
  );
  if (mode === 'extend') {
    return (
      <div className="nhsuk-u-margin-top-2">
        <Form
          form={form}
          idPrefix={`tmp-${entry.id}`}
          fieldOrder={['reviewDate', 'reason']}
          submitLabel="Extend"
          submitClassName="nhsuk-button nhsuk-button--small"
          secondary={cancel('Cancel')}
          onSubmit={async (input) => {
            await actions.extend(entry.id, input);
            announce(`${entry.accountName}'s temporary account was extended to ${formatDay(input.reviewDate)}.`);
            setMode('none');
          }}
        >
          <TextField
            form={form}
            name="reviewDate"
            type="date"
            label="New date no longer required"
            width={10}
            min={londonDate(new Date())}
          />
          <TextField form={form} name="reason" label="Why it is still needed" />
        </Form>
      </div>
    );
  }
  return (
    <div className={`nhsuk-u-margin-top-2${remove.error ? ' nhsuk-form-group--error' : ''}`}>
      <ActionError error={remove.error} />
      <p className="nhsuk-body-s">Delete {entry.accountName}&apos;s DoS account? This is recorded in the audit trail.</p>
      <div className="app-table-actions">
        <ActionButton
          busy={remove.busy}
          className="nhsuk-button nhsuk-button--small nhsuk-button--warning"
          onClick={() => void remove.run()}
        >
          Yes, delete the account
        </ActionButton>
        {cancel('No, keep it')}
      </div>
    </div>
  );
}
