import { useState } from 'react';
import { daysSinceRegistration, isValidationOverdue, UNVALIDATED_EMAIL_MESSAGE, validationDeadline } from '@shared/domain/requests';
import { formatLondonDate } from '@shared/domain/london-time';
import { getSuggestedSet } from '@shared/domain/user-types';
import { AccountInput, type AccountFields } from '@shared/models/account';
import type { Operator } from '@shared/models/operator';
import type { Service } from '@shared/models/service';
import type { UserRequest } from '@shared/models/request';
import { Form, useZodForm } from '../../../components/form';
import { PageHeading } from '../../../components/page-heading';
import { RolePicker } from '../../../components/permissions/role-picker';
import { ServicePicker } from '../../../components/permissions/service-picker';
import { SummaryList } from '../../../components/summary-list';
import { navigate } from '../../../navigation/router';
import { useSession } from '../../../session/store';
import { useRequest, useRequestActions } from '../data/use-requests';
import { useServicesDirectory } from '../data/use-requests';
import { ChangeRegion } from './change-region';
import { RecordValidation } from './record-validation';
import { RejectRequest } from './reject-request';
import { ResendActivation } from './resend-activation';
import { EmailsNotQueued } from './emails-not-queued';
import { href, paths } from '../../../navigation/paths';
import { useDesk } from '../../../entities/desk/desk-context';

const STATUS_TEXT = { outstanding: 'Outstanding', approved: 'Approved', rejected: 'Rejected' } as const;

/** One request: the validation gate, resend, validate, reject, change region, approve. */
export function RequestPage({ id }: { id: string }) {
  const { operator, settings } = useDesk();
  const regions = settings.regions;
  const { request, error } = useRequest(id);
  const actions = useRequestActions();
  const services = useServicesDirectory();
  const [movedAway, setMovedAway] = useState<string | null>(null);
  const now = new Date();
  if (movedAway) {
    return (
      <>
        <PageHeading>Request moved</PageHeading>
        <p>The request is now in the {movedAway} queue.</p>
        <p>
          <a href={href(paths.requests())}>Back to outstanding requests</a>
        </p>
      </>
    );
  }
  if (request === undefined) return <p>Loading the request…</p>;
  if (!request) {
    return (
      <>
        <PageHeading>{error ? 'You cannot open this request' : 'Request not found'}</PageHeading>
        <p>{error ?? 'This request is not on this desk.'}</p>
        <p>
          <a href={href(paths.requests())}>Back to outstanding requests</a>
        </p>
      </>
    );
  }
  const registered = new Date(request.registeredAt);
  const overdue = !request.emailValidatedOn && isValidationOverdue(registered, now);
  const outstanding = request.status === 'outstanding';
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <a className="nhsuk-back-link" href={href(paths.requests())}>
          Back to outstanding requests
        </a>
        <PageHeading>{request.fullName}</PageHeading>
        <EmailsNotQueued request={request} actions={actions} />
        {outstanding && !request.emailValidatedOn && (
          <div className="nhsuk-error-summary" aria-labelledby="gate-title" tabIndex={-1} data-testid="validation-gate">
            <h2 className="nhsuk-error-summary__title" id="gate-title">
              {UNVALIDATED_EMAIL_MESSAGE}
            </h2>
            <div className="nhsuk-error-summary__body">
              <p>
                Contact the user to ask them to validate their email address by following the link in the email they were sent at
                registration. Allow 28 days: until {formatLondonDate(validationDeadline(registered))}.
              </p>
            </div>
          </div>
        )}
        <SummaryList
          rows={[
            { key: 'Status', value: STATUS_TEXT[request.status] },
            {
              key: 'Email',
              value: `${request.email}${request.emailValidatedOn ? ` (validated on ${formatLondonDate(new Date(request.emailValidatedOn))})` : ' (unvalidated email)'}`,
            },
            { key: 'Phone', value: request.phone || '–' },
            { key: 'Organisation', value: request.organisation },
            { key: 'Job title', value: request.jobTitle },
            { key: 'Region requested', value: request.region },
            { key: 'User type asked for', value: getSuggestedSet(request.userType).label },
            { key: 'Why they need access', value: request.reason },
            { key: 'Services they need', value: request.servicesNeeded || '–' },
            { key: 'Registered', value: `${formatLondonDate(registered)} (${daysSinceRegistration(registered, now)} days ago)` },
            ...(request.regionHistory.length
              ? [
                  {
                    key: 'Region changes',
                    value: request.regionHistory.map((h) => `${h.from} → ${h.to}${h.note ? `: ${h.note}` : ''}`).join('; '),
                  },
                ]
              : []),
            ...(request.rejection ? [{ key: 'Rejected because', value: request.rejection.reason }] : []),
          ]}
        />
        {request.status === 'approved' && request.approvedAccountId && (
          <p>
            <a href={href(paths.account(request.approvedAccountId))}>Open the account</a>
          </p>
        )}
        {outstanding && !request.emailValidatedOn && (
          <>
            <ResendActivation request={request} actions={actions} />
            <RecordValidation request={request} actions={actions} />
            <p className="nhsuk-body-s">Approving becomes possible once the email address is validated.</p>
          </>
        )}
        {outstanding && request.emailValidatedOn && services && (
          <Approve request={request} operator={operator} services={services} actions={actions} />
        )}
        {outstanding && (
          <>
            <ChangeRegion
              request={request}
              actions={actions}
              regions={regions}
              onDone={(r) => (operator.approveUserRegions.includes(r) ? undefined : setMovedAway(r))}
            />
            <RejectRequest request={request} actions={actions} overdue={overdue} onDone={() => navigate(paths.requests())} />
          </>
        )}
      </div>
    </div>
  );
}

const APPROVE_FIELDS = ['regions', 'serviceIds', 'roles'] as const;

/** Approve: the suggested set of the requested user type applied, relationships to choose. */
function Approve({
  request,
  operator,
  services,
  actions,
}: {
  request: UserRequest;
  operator: Operator;
  services: Service[];
  actions: ReturnType<typeof useRequestActions>;
}) {
  const announce = useSession((s) => s.announce);
  const set = getSuggestedSet(request.userType);
  const form = useZodForm(AccountInput, {
    fullName: request.fullName,
    email: request.email,
    phone: request.phone,
    organisation: request.organisation,
    jobTitle: request.jobTitle,
    userType: request.userType,
    regions: [request.region],
    roles: [...(set.roles ?? [])],
    serviceIds: [],
  });
  return (
    <section aria-labelledby="approve-heading">
      <h2 id="approve-heading">Approve the request</h2>
      <p>
        The roles start as the suggested set for {set.label}. Only give the user the permissions they need, choose their services, then
        approve. {request.fullName}
        {"'"}s account is created in Users in my region and an approval email is queued to them.
      </p>
      <Form
        form={form}
        fieldOrder={APPROVE_FIELDS}
        submitLabel="Approve"
        onSubmit={async (values: AccountFields) => {
          const result = await actions.approve(request.id, values);
          announce(
            result.emailProblem
              ? `Approved: ${result.account.fullName}'s account was created, but the approval email could not be queued (${result.emailProblem}). Open the request to queue it again.`
              : `Approved: ${result.account.fullName}'s account was created and the approval email is in the outbox.`,
          );
          navigate(paths.account(result.account.id));
        }}
      >
        <input type="hidden" {...form.register('userType')} />
        <p className="nhsuk-body-s">
          Region: {request.region}. Accounts you approve are in regions where you hold approveUser ({operator.approveUserRegions.join(', ')}
          ).
        </p>
        <ServicePicker form={form} services={services} />
        <RolePicker form={form} userType={request.userType} />
      </Form>
    </section>
  );
}
