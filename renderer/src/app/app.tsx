import { useMemo } from 'react';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Operator } from '@shared/models/operator';
import { useDb } from '../db/db-context';
import { DeskContext, deliveryFor } from '../entities/desk/desk-context';
import { useApi } from '../platform/api-context';
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
import { SyncStatus } from '../features/team/components/sync-status';
import { TeamPage } from '../features/team/components/team-page';
import { ConflictPage } from '../features/conflicts/components/conflict-page';
import { ConflictsPage } from '../features/conflicts/components/conflicts-page';
import { useSyncEngine } from '../sync/use-sync-engine';
import { SyncContext } from '../sync/sync-context';
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
  section(paths.team(), 'Team'),
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
  const db = useDb();
  const api = useApi();
  // The one desk context every screen reads with useDesk(): made here, once an operator is chosen.
  const desk = useMemo(
    () => (operator ? { db, api, operator, operatorId: operator.id, delivery: deliveryFor(settings), settings } : null),
    [db, api, operator, settings],
  );
  // Team sync: the engine gives every screen its state and controls (sync/sync-context.tsx).
  const sync = useSyncEngine();
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
  if (!operator || !desk) {
    return (
      <Layout route={route} operator={null} nav={[]} warning={warning}>
        <RouteErrorBoundary route={route}>
          <OperatorsPage />
        </RouteErrorBoundary>
      </Layout>
    );
  }
  return (
    <DeskContext.Provider value={desk}>
      <SyncContext.Provider value={sync}>
        <Layout route={route} operator={operator} nav={NAV} warning={warning} status={<SyncStatus />}>
          <BackupStatusBanner />
          <RemindersBanner />
          <RouteErrorBoundary route={route}>
            <Routes operators={operators} />
          </RouteErrorBoundary>
        </Layout>
      </SyncContext.Provider>
    </DeskContext.Provider>
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
function Routes({ operators }: { operators: Operator[] }) {
  return (
    <Switch>
      <Route path={patterns.home}>
        <HomePage notices={<SettingsProblemNotice linkToSettings />} />
      </Route>
      <Route path={patterns.operators}>
        <OperatorsPage />
      </Route>
      <Route path={patterns.newOperator}>
        <OperatorEditPage />
      </Route>
      <Route path={patterns.operator}>{({ id }) => <OperatorEditPage id={decoded(id)} />}</Route>
      <Route path={patterns.settings}>
        <SettingsPage />
      </Route>
      <Route path={patterns.outbox}>
        <OutboxPage />
      </Route>
      <Route path={patterns.requests}>
        <RequestsPage />
      </Route>
      <Route path={patterns.newRequest}>
        <RequestFormPage />
      </Route>
      <Route path={patterns.request}>{({ id }) => <RequestPage key={id} id={id!} />}</Route>
      <Route path={patterns.temporaryRegister}>
        <TemporaryPage />
      </Route>
      <Route path={patterns.inactiveRegister}>
        <InactivePage />
      </Route>
      <Route path={patterns.emergencyRegister}>
        <EmergencyRoute />
      </Route>
      <Route path={patterns.connectingCare}>
        <CcHomePage />
      </Route>
      <Route path={patterns.newCcRequest}>
        <CcRequestFormPage />
      </Route>
      <Route path={patterns.ccRequest}>{({ id }) => <CcRequestPage key={id} id={id!} />}</Route>
      <Route path={patterns.newOrganisation}>
        <OrganisationPage key="new" />
      </Route>
      <Route path={patterns.organisation}>{({ id }) => <OrganisationPage key={id} id={id} />}</Route>
      <Route path={patterns.accounts}>
        <AccountsPage />
      </Route>
      <Route path={patterns.newAccount}>
        <AccountPage key="new" />
      </Route>
      <Route path={patterns.account}>{({ id }) => <AccountPage key={id} id={id} />}</Route>
      <Route path={patterns.services}>
        <ServicesPage />
      </Route>
      <Route path={patterns.capacityReport}>
        <CapacityReportPage />
      </Route>
      <Route path={patterns.newService}>
        <ServiceEditPage key="new" />
      </Route>
      <Route path={patterns.service}>{({ id }) => <ServiceEditPage key={id} id={id} />}</Route>
      <Route path={patterns.pharmacies}>
        <PharmaciesPage />
      </Route>
      <Route path={patterns.newPharmacy}>
        <ProfileEditPage key="new" />
      </Route>
      <Route path={patterns.pharmacyReport}>
        <PharmacyReportPage />
      </Route>
      <Route path={patterns.handoff}>{({ id }) => <HandoffPage key={id ?? 'any'} profileId={id} />}</Route>
      <Route path={patterns.editPharmacy}>{({ id }) => <ProfileEditPage key={id} id={id} />}</Route>
      <Route path={patterns.pharmacy}>{({ id }) => <ProfilePage key={id} id={id!} />}</Route>
      <Route path={patterns.backups}>
        <BackupsPage />
      </Route>
      <Route path={patterns.oldBackups}>
        <Redirect to={paths.backups()} replace />
      </Route>
      <Route path={patterns.team}>
        <TeamPage />
      </Route>
      <Route path={patterns.conflicts}>
        <ConflictsPage />
      </Route>
      <Route path={patterns.conflict}>{({ id }) => <ConflictPage key={id} docId={decoded(id)} />}</Route>
      <Route path={patterns.audit}>
        <AuditPage operators={operators} />
      </Route>
      <Route path={patterns.newNote}>
        <ComposeNotePage />
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
