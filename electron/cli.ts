/**
 * `scout`: the headless shell over the same service, so a cron job can collect history while the app is closed.
 *   scout sync [--endpoint URL] [--backfill 30d]
 *   scout list [--json | --csv]
 *   scout report (--netuid N | --watchlist ID) --out FILE.pdf
 * Built with the app (out/main/cli.js). Run by plain node from a checkout (`npm run scout`), where it uses the
 * "Subnet Scout (dev)" folder `npm start` uses; run by the installed app's Electron as Node (the `scout` launcher), where
 * it uses the installed app's folder. SCOUT_DATA_DIR overrides both.
 */
import nodeModule from 'node:module';
import { defaultDataDir } from './core/paths';
import { checkArgs, USAGE, UsageError } from './core/cli/args';
import { cliVersion, isInstalledBundle } from './core/cli/install';

// Node 22.1+ (the installed app's Electron runs this as Node 22) keeps the compiled code of the modules between runs
// in the OS's temp folder: an hourly cron run then does not compile @polkadot/api again. Older Node lacks it.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** The PDF path needs esbuild and playwright-core from node_modules: a checkout has them, the installed app does not. */
async function loadPrinter(): Promise<typeof import('./web/lazy-printer')> {
  try {
    return await import('./web/lazy-printer');
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
    process.stderr.write(
      'scout: `scout report` runs from a source checkout (`npm run scout -- report …`); the installed app exports PDFs from its window.\n',
    );
    process.exit(1);
  }
}

void (async () => {
  const args = process.argv.slice(2);
  if (args[0] === '--version' && args.length === 1) {
    process.stdout.write(`scout ${cliVersion(__dirname)}\n`);
    return;
  }
  if (args[0] === '--help' && args.length === 1) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Before the data folder is opened: a usage error leaves nothing behind.
  try {
    checkArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`scout: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const command = args[0]!;
  // Loaded after the check so `--version` and usage errors answer at once; the PDF path (web shell, Chromium) only
  // for the command that prints.
  const [{ ScoutService }, { runCli }] = await Promise.all([import('./core/service'), import('./core/cli/run')]);
  const printer = command === 'report' ? (await loadPrinter()).lazyPrinter(() => service) : null;
  const service = await ScoutService.open({
    dataDir: defaultDataDir(process.env, process.platform, isInstalledBundle(__dirname)),
    version: cliVersion(__dirname),
    ...(printer ? { printPdf: (route: string) => printer.print(route) } : {}),
    // Named in the app's message if it wants the folder to itself (a restore) while this runs.
    purpose: `scout ${command}`,
    onFolderWait: (message) => process.stderr.write(`scout: ${message}\n`),
    // One sync and out: the app's retry-with-backoff would be announced ("Retrying in 30 s") and never made.
    syncTimeouts: { retry: false },
  });
  const code = await runCli(service, args, {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  });
  await printer?.close();
  await service.close();
  process.exit(code);
})();
