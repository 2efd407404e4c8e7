import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '@shared/ipc/api';
import type { Listen } from '@shared/ipc/events';
import type { Operator } from '@shared/models/operator';
import { DEFAULT_SETTINGS } from '@shared/models/settings';
import { createDispatcher } from '../../../electron/main/ipc/dispatch';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import { createServices, type Services } from '../../../electron/main/services';
import { NO_DESKTOP } from '../../../electron/main/services/desktop';
import type { DosDeskDb } from '../../../renderer/src/db/database';
import { createOperator } from '../../../renderer/src/features/operators/data/operators';
import { MessagePage } from '../../../renderer/src/features/outbox/components/message-page';
import { OutboxPage } from '../../../renderer/src/features/outbox/components/outbox-page';
import { useSession } from '../../../renderer/src/session/store';
import { TestSmtpServer } from '../../support/smtp-test-server';
import { freshDb, PRIYA } from '../helpers';
import { AtDesk } from '../at-desk';

let db: DosDeskDb;
let lead: Operator;
let dataDir: string;
let services: Services;
let server: TestSmtpServer;

function startServices(): Services {
  services = createServices({
    dataDir,
    desktop: NO_DESKTOP,
    appInfo: () => ({ name: 'DoS Desk', version: '0.0.0-test', dataFolder: dataDir, platform: 'linux', shell: 'browser-preview' }),
    outbox: { backoff: () => 60_000, pollMs: 20, log: () => undefined },
  });
  return services;
}

/** Puts one message in the outbox, then leaves its entry as a crash or a damaged disk would. */
async function messageLeftAs(change: 'sending' | 'unreadable'): Promise<{ id: string; messageId: string }> {
  const queued = await services.outbox.queue({
    template: 'dos-team-note',
    data: { subject: 'Capacity at Riverside UTC', body: 'Set to red.', senderName: 'Priya Shah', senderRole: 'Local DoS Lead' },
    from: { name: 'Priya Shah', address: 'priya.shah@nhs.net' },
    to: [{ name: 'London DoS Team', address: 'london.dos@nhs.net' }],
    cc: [],
    format: 'plain',
    delivery: 'copy',
    operatorId: lead.id,
    relatedTo: null,
  });
  await services.stop();
  const file = join(dataDir, 'outbox', 'entries', `${queued.id}.json`);
  if (change === 'sending') {
    const entry = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...entry, delivery: 'smtp', status: 'sending' }));
  } else await writeFile(file, '{"id": "cut off');
  await startServices().start();
  return queued;
}

function show(page: 'list' | string, listen: Listen = services.events.on) {
  const dispatch = createDispatcher(createHandlers(services), () => undefined);
  // Main's events in process, as the preload or the preview stream would deliver them.
  const api = createApi((channel, args) => dispatch(channel, args) as never, listen);
  render(
    <AtDesk db={db} api={api} operator={lead}>
      {page === 'list' ? <OutboxPage /> : <MessagePage id={page} />}
    </AtDesk>,
  );
}

const auditActions = async () => (await db.audit.toArray()).map((e) => e.action);

beforeEach(async () => {
  db = freshDb();
  await db.open();
  lead = await createOperator(db, { ...PRIYA, regions: ['London'], approveUserRegions: ['London'] }, DEFAULT_SETTINGS.regions);
  useSession.setState({ currentOperatorId: lead.id, notice: null });
  server = new TestSmtpServer();
  await server.start();
  dataDir = mkdtempSync(join(tmpdir(), 'dosdesk-outbox-screens-'));
  await startServices().start();
  await services.settings.set({
    email: { defaultDelivery: 'smtp', smtp: { host: '127.0.0.1', port: server.port, security: 'none', user: '' } },
  });
});

afterEach(async () => {
  await services.stop();
  await server.stop();
});

describe('outbox screens: a message that may have been sent', () => {
  it('says so in plain words, and "It was sent" marks it sent, audited, without sending it', async () => {
    const user = userEvent.setup();
    const message = await messageLeftAs('sending');
    show(message.id);
    const warning = await screen.findByTestId('message-warning');
    expect(warning).toHaveTextContent('May have been sent: check your Sent folder or ask the recipient.');
    expect(warning).toHaveTextContent(message.messageId);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'It was sent' }));
    expect(await screen.findByText('Sent', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'It was sent' })).toBeNull();
    expect(await auditActions()).toEqual(['operator.create', 'email.mark-sent']);
    expect(services.outbox.get(message.id).status).toBe('sent');
    expect(server.received).toHaveLength(0);
  });

  it('"Send it again" sends it once more, audited', async () => {
    const user = userEvent.setup();
    const message = await messageLeftAs('sending');
    show(message.id);
    await user.click(await screen.findByRole('button', { name: 'Send it again' }));
    expect(await screen.findByText('Sent', { selector: '.nhsuk-tag' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(server.countsById().get(message.messageId)).toBe(1);
    expect(await auditActions()).toEqual(['operator.create', 'email.send-again']);
  });

  it('the outbox list names the status and tells the person what to do', async () => {
    await messageLeftAs('sending');
    show('list');
    const advice = await screen.findByTestId('outbox-needs-person');
    expect(advice).toHaveTextContent(/1 message may have been sent\. May have been sent: check your Sent folder or ask the recipient/);
    const table = screen.getByRole('table');
    expect(within(table).getByText('May have been sent')).toBeInTheDocument();
  });
});

describe('outbox screens: a damaged entry', () => {
  it('lists the email from its .eml, and it can be cancelled (audited) and stays in the outbox', async () => {
    const user = userEvent.setup();
    const message = await messageLeftAs('unreadable');
    show(message.id);
    expect(await screen.findByRole('heading', { name: 'Capacity at Riverside UTC' })).toBeInTheDocument();
    expect(screen.getByText('Damaged – needs attention', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    expect(screen.getByTestId('message-warning')).toHaveTextContent(/outbox record of this email is damaged.*could not be read/);
    expect(screen.getByText('London DoS Team <london.dos@nhs.net>')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save as .eml' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel message' }));
    expect(await screen.findByText('Cancelled', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    expect(await auditActions()).toEqual(['operator.create', 'email.cancel']);
    expect(server.received).toHaveLength(0);
  });

  it('retry sends the kept email once, audited', async () => {
    const user = userEvent.setup();
    const message = await messageLeftAs('unreadable');
    show(message.id);
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Sent', { selector: '.nhsuk-tag' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(server.countsById().get(message.messageId)).toBe(1);
    expect(await auditActions()).toEqual(['operator.create', 'email.retry']);
  });
});

describe('outbox screens: main pushes changes, nothing polls', () => {
  it('the list and its counts show a message queued in main at once, and stop listening when closed', async () => {
    let listening = 0;
    show('list', (event, callback) => {
      listening++;
      const stop = services.events.on(event, callback);
      return () => (listening--, stop());
    });
    expect(await screen.findByText('The outbox is empty.')).toBeInTheDocument();
    await services.outbox.queue({
      template: 'dos-team-note',
      data: { subject: 'Pushed, not polled', body: 'Set to red.', senderName: 'Priya Shah', senderRole: 'Local DoS Lead' },
      from: { name: 'Priya Shah', address: 'priya.shah@nhs.net' },
      to: [{ name: 'London DoS Team', address: 'london.dos@nhs.net' }],
      cc: [],
      format: 'plain',
      delivery: 'copy',
      operatorId: lead.id,
      relatedTo: null,
    });
    // Well inside the 3 s the old poll took.
    expect(await screen.findByText('Pushed, not polled', {}, { timeout: 1_500 })).toBeInTheDocument();
    expect(listening).toBe(2); // the list and its counts
    cleanup();
    expect(listening).toBe(0);
  });

  it('sets no timer to refresh the outbox', () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    try {
      show('list');
      expect(setInterval).not.toHaveBeenCalled();
    } finally {
      setInterval.mockRestore();
    }
  });
});
