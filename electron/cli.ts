/**
 * `scout`: the headless shell over the same service, so a cron job can collect history while the app is closed.
 *   scout sync [--endpoint URL] [--backfill 30d]
 *   scout list [--json | --csv]
 *   scout report (--netuid N | --watchlist ID) --out FILE.pdf
 * Data folder: SCOUT_DATA_DIR, else the "Subnet Scout (dev)" app-data folder `npm start` uses (point SCOUT_DATA_DIR at the
 * installed app's folder to collect history for it).
 */
import { ScoutService } from './core/service';
import { defaultDataDir } from './core/paths';
import { runCli } from './core/cli/run';
import { lazyPrinter } from './web/lazy-printer';

void (async () => {
  let service: ScoutService | null = null;
  const printer = lazyPrinter(() => service!);
  const command = process.argv[2];
  service = await ScoutService.open({
    dataDir: defaultDataDir(),
    version: process.env.npm_package_version ?? 'cli',
    printPdf: (route) => printer.print(route),
    // Named in the app's message if it wants the folder to itself (a restore) while this runs.
    purpose: command ? `scout ${command}` : 'scout',
    onFolderWait: (message) => process.stderr.write(`scout: ${message}\n`),
    // One sync and out: the app's retry-with-backoff would be announced ("Retrying in 30 s") and never made.
    syncTimeouts: { retry: false },
  });
  const code = await runCli(service, process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  });
  await printer.close();
  await service.close();
  process.exit(code);
})();
