/**
 * The CLI's command line, checked before anything opens the data folder: a flag without its value, an unknown flag or
 * command is a usage error (exit 2) and nothing is written — `--out --netuid 1` must not become a file named `--netuid`.
 */

export const USAGE = `Usage:
  scout sync [--endpoint URL] [--backfill 30d]   sync the latest block (and optionally one point a day back)
  scout list [--json | --csv] [--scenario NAME] print the subnets as the last sync left them, with P(earn),
                                                 expected profit and the verdict under your (or a saved) scenario
  scout report (--netuid N | --watchlist ID) --out FILE.pdf [--force]
                                                 the PDF report the app exports (--force: replace an existing PDF)
  scout miners [--json]                          the team's UIDs, their status and the alerts since the previous sync
  scout backtest [--days N] [--json]             how the newcomer forecast did on the local history (predicted vs actual)
  scout --version | --help
--json prints plain JSON (schemaVersion 1; fields and units: README "Command line").`;

/** Per command: the flags that take a value, and the flags that stand alone. */
const COMMANDS: Record<string, { values: string[]; switches: string[] }> = {
  sync: { values: ['--endpoint', '--backfill'], switches: [] },
  list: { values: ['--scenario'], switches: ['--json', '--csv'] },
  report: { values: ['--netuid', '--watchlist', '--out'], switches: ['--force'] },
  miners: { values: [], switches: ['--json'] },
  backtest: { values: ['--days'], switches: ['--json'] },
};

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Throws UsageError naming the first problem; returns the command when the line is well formed. */
export function checkArgs(args: string[]): string {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('a command is missing');
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`unknown command "${command}"`);
  const seen = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (seen.has(arg)) throw new UsageError(`${arg} is given twice`);
    if (spec.values.includes(arg)) {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      seen.add(arg);
      i++;
    } else if (spec.switches.includes(arg)) {
      seen.add(arg);
    } else {
      throw new UsageError(
        arg.startsWith('-') ? `unknown option ${arg} for "scout ${command}"` : `unexpected argument "${arg}"`,
      );
    }
  }
  if (command === 'list' && seen.has('--json') && seen.has('--csv'))
    throw new UsageError('choose one of --json or --csv');
  return command;
}
