// A DoS Desk main process reduced to its services, for tests that kill it mid-send:
//   node --import tsx test/support/outbox-child.ts <data folder>
// It takes the data folder, delivers the outbox as fast as it can, and runs until it is killed.
import { createServices } from '../../electron/main/services';
import { NO_DESKTOP } from '../../electron/main/services/desktop';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: outbox-child.ts <data folder>');
const services = createServices({
  dataDir,
  desktop: NO_DESKTOP,
  appInfo: () => ({ name: 'DoS Desk', version: '0.0.0-test', dataFolder: dataDir, platform: process.platform, shell: 'electron' }),
  outbox: { backoff: () => 5, pollMs: 10, maxAttempts: 1_000_000, log: () => undefined },
});
await services.start();
process.stdout.write('ready\n');
setInterval(() => void services.outbox.connectionReturned(), 50);
