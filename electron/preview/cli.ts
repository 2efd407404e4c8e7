import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from './args';
import { startPreviewHost } from './host';

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  const { port, dataDir } = parseArgs(process.argv.slice(2), process.env);
  const host = await startPreviewHost({ port, dataDir, rendererRoot: resolve(root, 'out/renderer'), version });
  console.log(`DoS Desk browser preview is running: open ${host.url}  (data folder: ${dataDir}; Ctrl+C to stop)`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`DoS Desk preview could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
