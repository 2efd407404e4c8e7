import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
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
import { BackupsPage } from '../features/backups/components/backups-page';
import { ComposeNotePage } from '../features/outbox/components/compose-note-page';
import { MessagePage } from '../features/outbox/components/message-page';
import { OutboxBadge } from '../features/outbox/components/outbox-badge';
import { OutboxPage } from '../features/outbox/components/outbox-page';
import { useRetryWhenOnline } from '../features/outbox/data/outbox';
import { SettingsPage } from '../features/settings/components/settings-page';
import { SettingsProblemNotice } from '../features/settings/components/settings-problem-notice';
import { useSettings } from '../features/settings/data/settings';
import { PageHeading } from '../components/page-heading';
import { href, inSection, paths, patterns } from '../navigation/paths';
import { useSession } from '../session/store';
import { Layout, type NavItem } from './layout';
import { RouteErrorBoundary } from './route-error-boundary';

/** A menu item for a section: it is current on the section's page and every page under it. */
function section(path: string, label: string, matchPath = path): NavItem {
  return { href: href(path), label, matches: (r) => inSection(r, matchPath) };
}

/** Sections that exist; later issues add theirs here, so no link points at nothing. */
const NAV: readonly NavItem[] = [
  section(paths.home(), 'Home'),
  section(paths.requests(), 'Requests'),
  section(paths.accounts(), 'Users in my region'),
  section(paths.temporaryRegister(), 'Registers', paths.registers()),
  section(paths.connectingCare(), 'Connecting Care'),
  section(paths.services(), 'Services'),
  section(paths.pharmacies(), 'Pharmacies'),
  section(paths.operators(), 'Operators'),
  { ...section(paths.outbox(), 'Outbox'), badge: <OutboxBadge /> },
  section(paths.backups(), 'Backups'),
  section(paths.audit(), 'Audit'),
  section(paths.settings(), 'Settings'),
];

/** The app, on the hash location (`#/requests/…`). */
export function App({ warning }: { warning?: string | null }) {
  return (
    <Router hook={useHashLocation}>
      <Desk warning={warning} />
    </Router>
  );
}

function Desk({ warning }: { warning?: string | null }) {
  const [route] = useLocation();
  const settings = useSettings();
  const operators = useOperators();
  const currentId = useSession((s) => s.currentOperatorId);
  const operator = useOperator(currentId);
  useRetryWhenOnline();
  if (operators === undefined || operator === undefined) return null;

  if (operators.length === 0) {
    return (
      <Layout route={route} operator={null} nav={[]} warning={warning}>
        <RouteErrorBoundary route={route}>
          <FirstRunPage regions={settings.regions} />
        </RouteErrorBoundary>
      </Layout>
    );
  }
  if (!operator) {
    return (
      <Layout route={route} operator={null} nav={[]} warning={warning}>
        <RouteErrorBoundary route={route}>
          <ChooseOperator />
        </RouteErrorBoundary>
      </Layout>
    );
  }
  return (
    <Layout route={route} operator={operator} nav={NAV} warning={warning}>
      <BackupStatusBanner />
      <RemindersBanner operator={operator} />
      <RouteErrorBoundary route={route}>
        <Routes operator={operator} operators={operators} settings={settings} />
      </RouteErrorBoundary>
    </Layout>
  );
}

/** The operator id in an address, as it was before the link encoded it. */
function decoded(id: string | undefined): string {
  try {
    return decodeURIComponent(id ?? '');
  } catch {
    return id ?? '';
  }
}

/** The route table, combined here and nowhere else (GUIDE §1); addresses come from `navigation/paths`. */
function Routes({ operator, operators, settings }: { operator: Operator; operators: Operator[]; settings: Settings }) {
  const regions = settings.regions;
  const delivery = settings.email.defaultDelivery === 'smtp' && !settings.email.smtp ? 'mail-client' : settings.email.defaultDelivery;
  const pharmacy = { regions, delivery, teams: settings.dosTeams };
  return (
    <Switch>
      <Route path={patterns.home}>
        <HomePage operator={operator} notices={<SettingsProblemNotice linkToSettings />} />
      </Route>
      <Route path={patterns.operators}>
        <OperatorsPage />
      </Route>
      <Route path={patterns.newOperator}>
        <OperatorEditPage regions={regions} />
      </Route>
      <Route path={patterns.operator}>{({ id }) => <OperatorEditPage id={decoded(id)} regions={regions} />}</Route>
      <Route path={patterns.settings}>
        <SettingsPage />
      </Route>
      <Route path={patterns.outbox}>
        <OutboxPage />
      </Route>
      <Route path={patterns.requests}>
        <RequestsPage operator={operator} />
      </Route>
      <Route path={patterns.newRequest}>
        <RequestFormPage operator={operator} />
      </Route>
      <Route path={patterns.request}>
        {({ id }) => <RequestPage key={id} id={id!} operator={operator} delivery={delivery} regions={regions} />}
      </Route>
      <Route path={patterns.temporaryRegister}>
        <TemporaryPage operator={operator} />
      </Route>
      <Route path={patterns.inactiveRegister}>
        <InactivePage operator={operator} />
      </Route>
      <Route path={patterns.emergencyRegister}>
        <EmergencyRoute operator={operator} delivery={delivery} teams={settings.dosTeams} />
      </Route>
      <Route path={patterns.connectingCare}>
        <CcHomePage settings={settings} />
      </Route>
      <Route path={patterns.newCcRequest}>
        <CcRequestFormPage operator={operator} settings={settings} delivery={delivery} />
      </Route>
      <Route path={patterns.ccRequest}>{({ id }) => <CcRequestPage key={id} id={id!} settings={settings} />}</Route>
      <Route path={patterns.newOrganisation}>
        <OrganisationPage key="new" settings={settings} />
      </Route>
      <Route path={patterns.organisation}>{({ id }) => <OrganisationPage key={id} id={id} settings={settings} />}</Route>
      <Route path={patterns.accounts}>
        <AccountsPage operator={operator} />
      </Route>
      <Route path={patterns.newAccount}>
        <AccountPage key="new" operator={operator} />
      </Route>
      <Route path={patterns.account}>{({ id }) => <AccountPage key={id} operator={operator} id={id} />}</Route>
      <Route path={patterns.services}>
        <ServicesPage regions={regions} />
      </Route>
      <Route path={patterns.capacityReport}>
        <CapacityReportPage operator={operator} />
      </Route>
      <Route path={patterns.newService}>
        <ServiceEditPage key="new" regions={regions} />
      </Route>
      <Route path={patterns.service}>{({ id }) => <ServiceEditPage key={id} id={id} regions={regions} />}</Route>
      <Route path={patterns.pharmacies}>
        <PharmaciesPage operator={operator} {...pharmacy} />
      </Route>
      <Route path={patterns.newPharmacy}>
        <ProfileEditPage key="new" coveredRegions={operator.regions} {...pharmacy} />
      </Route>
      <Route path={patterns.pharmacyReport}>
        <PharmacyReportPage operator={operator} />
      </Route>
      <Route path={patterns.handoff}>
        {({ id }) => <HandoffPage key={id ?? 'any'} operator={operator} profileId={id} {...pharmacy} />}
      </Route>
      <Route path={patterns.editPharmacy}>
        {({ id }) => <ProfileEditPage key={id} id={id} coveredRegions={operator.regions} {...pharmacy} />}
      </Route>
      <Route path={patterns.pharmacy}>{({ id }) => <ProfilePage key={id} id={id!} {...pharmacy} />}</Route>
      <Route path={patterns.backups}>
        <BackupsPage operator={operator} regions={regions} />
      </Route>
      <Route path={patterns.oldBackups}>
        <Redirect to={paths.backups()} replace />
      </Route>
      <Route path={patterns.audit}>
        <AuditPage operators={operators} />
      </Route>
      <Route path={patterns.newNote}>
        <ComposeNotePage defaultDelivery={settings.email.defaultDelivery} smtpReady={settings.email.smtp !== null} />
      </Route>
      <Route path={patterns.message}>{({ id }) => <MessagePage id={id!} />}</Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}

function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        There is no page at this address. <a href={href(paths.home())}>Go to the home page</a>.
      </p>
    </>
  );
}

/** Operators exist but none is chosen (on a new session, or the chosen one's record is gone): choose one. */
function ChooseOperator() {
  return <OperatorsPage />;
}
