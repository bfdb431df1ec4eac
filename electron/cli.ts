/**
 * `scout`: the headless shell over the same service, so a cron job can collect history while the app is closed.
 *   scout sync [--endpoint URL] [--backfill 30d]
 *   scout list [--json | --csv]
 * Data folder: SCOUT_DATA_DIR or the OS's app-data folder (the same file the app uses).
 */
import { ScoutService } from './core/service';
import { defaultDataDir } from './core/paths';
import { runCli } from './core/cli/run';

void (async () => {
  const service = await ScoutService.open({ dataDir: defaultDataDir(), version: process.env.npm_package_version ?? 'cli' });
  const code = await runCli(service, process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  });
  await service.close();
  process.exit(code);
})();
