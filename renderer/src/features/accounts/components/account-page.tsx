import { useState } from 'react';
import { formatLondonDate } from '@shared/domain/london-time';
import { z } from 'zod';
import { DeleteReason } from '@shared/models/account';
import { PageHeading } from '../../../components/page-heading';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import { useAccount } from '../data/accounts';
import { useAccountActions } from '../data/use-account-actions';
import { useServicesDirectory } from '../data/accounts';
import { AccountForm } from './account-form';
import { Form, useZodForm } from '../../../components/form';
import { TextField } from '../../../components/text-field';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

/** Add an existing account (`id` absent), or open one to amend or delete it. */
export function AccountPage({ id }: { id?: string }) {
  const { operator } = useDesk();
  const { account, error } = useAccount(operator.id, id ?? '');
  const services = useServicesDirectory();
  const actions = useAccountActions();
  const announce = useSession((s) => s.announce);
  if (id && account === undefined) return <p>Loading the account…</p>;
  if (id && !account) {
    return (
      <>
        <PageHeading>{error ? 'You cannot open this account' : 'Account not found'}</PageHeading>
        <p>{error ?? 'This account is not on this desk.'}</p>
        <p>
          <a href={href(paths.accounts())}>Back to users in my region</a>
        </p>
      </>
    );
  }
  if (!services) return <p>Loading…</p>;
  const deleted = account?.status === 'deleted';
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={href(paths.accounts())}>
          Back to users in my region
        </a>
        <PageHeading>{account ? account.fullName : 'Add an existing DoS account'}</PageHeading>
        {!account && (
          <p>Use this to bring an account that already exists in DoS into DoS Desk, so its roles and relationships can be managed here.</p>
        )}
        {deleted ? (
          <div className="nhsuk-inset-text">
            <p>
              This account was deleted on {formatLondonDate(new Date(account!.deletedAt!))}. Reason: {account!.deleteReason}
            </p>
          </div>
        ) : (
          <AccountForm
            key={account?.id ?? 'new'}
            initial={account ?? undefined}
            regions={operator.approveUserRegions}
            services={services}
            submitLabel={account ? 'Save' : 'Add account'}
            onSubmit={async (values) => {
              if (account) {
                await actions.amend(account.id, values);
                announce(`Changes to ${values.fullName}'s account saved.`);
              } else {
                const created = await actions.create(values);
                announce(`${created.fullName}'s account was added.`);
                navigate(paths.account(created.id));
              }
            }}
          />
        )}
        {account && !deleted && <DeleteAccount id={account.id} name={account.fullName} onDeleted={() => navigate(paths.accounts())} />}
      </div>
    </div>
  );
}

const DeleteForm = z.object({ reason: DeleteReason });

function DeleteAccount({ id, name, onDeleted }: { id: string; name: string; onDeleted(): void }) {
  const { remove } = useAccountActions();
  const announce = useSession((s) => s.announce);
  const [open, setOpen] = useState(false);
  const form = useZodForm(DeleteForm, { reason: '' });
  if (!open) {
    return (
      <>
        <h2 className="nhsuk-heading-m">Delete this account</h2>
        <p>DoS accounts no longer required should be deleted. The record is kept with your reason.</p>
        <button type="button" className="nhsuk-button nhsuk-button--warning" onClick={() => setOpen(true)}>
          Delete account
        </button>
      </>
    );
  }
  return (
    <>
      <h2 className="nhsuk-heading-m">Are you sure you want to delete {name}'s account?</h2>
      <Form
        form={form}
        fieldOrder={['reason']}
        submitLabel="Yes, delete the account"
        submitClassName="nhsuk-button nhsuk-button--warning"
        secondary={
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setOpen(false)}>
            No, keep it
          </button>
        }
        onSubmit={async ({ reason }) => {
          await remove(id, reason);
          announce(`${name}'s account was deleted.`);
          onDeleted();
        }}
      >
        <TextField
          form={form}
          name="reason"
          label="Reason for deleting"
          hint="For example, left the organisation, or temporary access no longer needed."
        />
      </Form>
    </>
  );
}
