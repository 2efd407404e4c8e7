import type { Operator } from '@shared/models/operator';
import type { Settings } from '@shared/models/settings';
import { HomePage } from '../features/home/components/home-page';
import { FirstRunPage } from '../features/operators/components/first-run-page';
import { OperatorEditPage } from '../features/operators/components/operator-edit-page';
import { OperatorsPage } from '../features/operators/components/operators-page';
import { useOperator, useOperators } from '../features/operators/data/operators';
import { AccountPage } from '../features/accounts/components/account-page';
import { AccountsPage } from '../features/accounts/components/accounts-page';
import { AuditPage } from '../features/audit/components/audit-page';
import { ServiceEditPage } from '../features/services/components/service-edit-page';
import { ServicesPage } from '../features/services/components/services-page';
import { CapacityReportPage } from '../features/services/components/capacity-report-page';
import { HandoffPage } from '../features/pharmacy/components/handoff-page';
import { PharmaciesPage } from '../features/pharmacy/components/pharmacies-page';
import { ProfileEditPage } from '../features/pharmacy/components/profile-edit-page';
import { ProfilePage } from '../features/pharmacy/components/profile-page';
import { PharmacyReportPage } from '../features/pharmacy/components/report-page';
import { RequestFormPage } from '../features/requests/components/request-form-page';
import { RequestPage } from '../features/requests/components/request-page';
import { RequestsPage } from '../features/requests/components/requests-page';
import { EmergencyRoute } from '../features/registers/components/emergency-route';
import { InactivePage } from '../features/registers/components/inactive-page';
import { RemindersBanner } from '../features/registers/components/reminders-banner';
import { TemporaryPage } from '../features/registers/components/temporary-page';
import { CcHomePage } from '../features/connecting-care/components/cc-home-page';
import { CcRequestFormPage } from '../features/connecting-care/components/cc-request-form-page';
import { CcRequestPage } from '../features/connecting-care/components/cc-request-page';
import { OrganisationPage } from '../features/connecting-care/components/organisation-page';
import { BackupStatusBanner } from '../features/backups/components/backup-status-banner';
import { BackupsPage as DataSafetyPage } from '../features/backups/components/backups-page';
import { ComposeNotePage } from '../features/outbox/components/compose-note-page';
import { MessagePage } from '../features/outbox/components/message-page';
import { OutboxBadge } from '../features/outbox/components/outbox-badge';
import { OutboxPage } from '../features/outbox/components/outbox-page';
import { useRetryWhenOnline } from '../features/outbox/data/outbox';
import { SettingsPage } from '../features/settings/components/settings-page';
import { SettingsProblemNotice } from '../features/settings/components/settings-problem-notice';
import { useSettings } from '../features/settings/data/settings';
import { PageHeading } from '../components/page-heading';
import { useRoute } from '../navigation/router';
import { useSession } from '../session/store';
import { Layout, type NavItem } from './layout';

/** Sections that exist; later issues add theirs here, so no link points at nothing. */
const NAV: readonly NavItem[] = [
  { href: '#/', label: 'Home', matches: (r) => r === '/' },
  { href: '#/requests', label: 'Requests', matches: (r) => r.startsWith('/requests') },
  { href: '#/accounts', label: 'Users in my region', matches: (r) => r.startsWith('/accounts') },
  { href: '#/registers/temporary', label: 'Registers', matches: (r) => r.startsWith('/registers') },
  { href: '#/cc', label: 'Connecting Care', matches: (r) => r.startsWith('/cc') },
  { href: '#/services', label: 'Services', matches: (r) => r.startsWith('/services') },
  { href: '#/pharmacies', label: 'Pharmacies', matches: (r) => r.startsWith('/pharmacies') },
  { href: '#/operators', label: 'Operators', matches: (r) => r.startsWith('/operators') },
  { href: '#/outbox', label: 'Outbox', matches: (r) => r.startsWith('/outbox'), badge: <OutboxBadge /> },
  { href: '#/data', label: 'Backups', matches: (r) => r.startsWith('/data') },
  { href: '#/audit', label: 'Audit', matches: (r) => r.startsWith('/audit') },
  { href: '#/settings', label: 'Settings', matches: (r) => r.startsWith('/settings') },
];

/** Routes, combined here and nowhere else (GUIDE §1). */
export function App({ warning }: { warning?: string | null }) {
  const route = useRoute();
  const settings = useSettings();
  const operators = useOperators();
  const currentId = useSession((s) => s.currentOperatorId);
  const operator = useOperator(currentId);
  useRetryWhenOnline();
  if (operators === undefined || operator === undefined) return null;

  if (operators.length === 0) {
    return (
      <Layout route={route} operator={null} nav={[]} warning={warning}>
        <FirstRunPage regions={settings.regions} />
      </Layout>
    );
  }
  if (!operator) {
    return (
      <Layout route={route} operator={null} nav={[]} warning={warning}>
        <ChooseOperator />
      </Layout>
    );
  }
  return (
    <Layout route={route} operator={operator} nav={NAV} warning={warning}>
      <BackupStatusBanner />
      <RemindersBanner operator={operator} />
      <Page route={route} operator={operator} operators={operators} settings={settings} />
    </Layout>
  );
}

function Page({ route, operator, operators, settings }: { route: string; operator: Operator; operators: Operator[]; settings: Settings }) {
  const regions = settings.regions;
  if (route === '/') return <HomePage operator={operator} notices={<SettingsProblemNotice linkToSettings />} />;
  if (route === '/operators') return <OperatorsPage />;
  if (route === '/operators/new') return <OperatorEditPage regions={regions} />;
  const edit = /^\/operators\/([^/]+)$/.exec(route);
  if (edit) return <OperatorEditPage id={decodeURIComponent(edit[1]!)} regions={regions} />;
  if (route === '/settings') return <SettingsPage />;
  if (route === '/outbox') return <OutboxPage />;
  const delivery = settings.email.defaultDelivery === 'smtp' && !settings.email.smtp ? 'mail-client' : settings.email.defaultDelivery;
  if (route === '/requests') return <RequestsPage operator={operator} />;
  if (route === '/requests/new') return <RequestFormPage operator={operator} />;
  const request = /^\/requests\/([0-9a-f-]{36})$/.exec(route);
  if (request) return <RequestPage key={request[1]} id={request[1]!} operator={operator} delivery={delivery} regions={regions} />;
  if (route === '/registers' || route === '/registers/temporary') return <TemporaryPage operator={operator} />;
  if (route === '/registers/inactive') return <InactivePage operator={operator} />;
  if (route === '/registers/emergency') return <EmergencyRoute operator={operator} delivery={delivery} teams={settings.dosTeams} />;
  if (route === '/cc') return <CcHomePage settings={settings} />;
  if (route === '/cc/requests/new') return <CcRequestFormPage operator={operator} settings={settings} delivery={delivery} />;
  const ccRequest = /^\/cc\/requests\/([0-9a-f-]{36})$/.exec(route);
  if (ccRequest) return <CcRequestPage key={ccRequest[1]} id={ccRequest[1]!} settings={settings} />;
  if (route === '/cc/organisations/new') return <OrganisationPage key="new" settings={settings} />;
  const org = /^\/cc\/organisations\/([0-9a-f-]{36})$/.exec(route);
  if (org) return <OrganisationPage key={org[1]} id={org[1]} settings={settings} />;
  if (route === '/accounts') return <AccountsPage operator={operator} />;
  if (route === '/accounts/new') return <AccountPage key="new" operator={operator} />;
  const account = /^\/accounts\/([0-9a-f-]{36})$/.exec(route);
  if (account) return <AccountPage key={account[1]} operator={operator} id={account[1]} />;
  if (route === '/services') return <ServicesPage regions={regions} />;
  if (route === '/services/capacity') return <CapacityReportPage operator={operator} />;
  if (route === '/services/new') return <ServiceEditPage key="new" regions={regions} />;
  const service = /^\/services\/([0-9a-f-]{36})$/.exec(route);
  if (service) return <ServiceEditPage key={service[1]} id={service[1]} regions={regions} />;
  const pharmacy = { regions, delivery, teams: settings.dosTeams };
  if (route === '/pharmacies') return <PharmaciesPage operator={operator} {...pharmacy} />;
  if (route === '/pharmacies/new') return <ProfileEditPage key="new" coveredRegions={operator.regions} {...pharmacy} />;
  if (route === '/pharmacies/report') return <PharmacyReportPage operator={operator} />;
  const handoff = /^\/pharmacies\/handoff(?:\?profile=([0-9a-f-]{36}))?$/.exec(route);
  if (handoff) return <HandoffPage key={handoff[1] ?? 'any'} operator={operator} profileId={handoff[1]} {...pharmacy} />;
  const profileEdit = /^\/pharmacies\/([0-9a-f-]{36})\/edit$/.exec(route);
  if (profileEdit) return <ProfileEditPage key={profileEdit[1]} id={profileEdit[1]} coveredRegions={operator.regions} {...pharmacy} />;
  const profile = /^\/pharmacies\/([0-9a-f-]{36})$/.exec(route);
  if (profile) return <ProfilePage key={profile[1]} id={profile[1]!} {...pharmacy} />;
  if (route === '/data') return <DataSafetyPage operator={operator} regions={regions} />;
  if (route === '/audit') return <AuditPage operators={operators} />;
  if (route === '/outbox/new')
    return <ComposeNotePage defaultDelivery={settings.email.defaultDelivery} smtpReady={settings.email.smtp !== null} />;
  const message = /^\/outbox\/([0-9a-f-]{36})$/.exec(route);
  if (message) return <MessagePage id={message[1]!} />;
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        There is no page at this address. <a href="#/">Go to the home page</a>.
      </p>
    </>
  );
}

function ChooseOperator() {
  return (
    <>
      <OperatorsPage />
    </>
  );
}
