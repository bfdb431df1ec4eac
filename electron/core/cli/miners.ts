/** `scout miners`: the team's UIDs and the alerts since the previous sync, as text or as JSON for scripts. */
import type { MyMinersReport } from '../../../shared/miners-types';
import { MINER_STATUS_LABELS } from '../../../shared/miners-types';
import { formatNumber } from '../../../shared/format';
import { toPlainJson } from './plain-json';
import type { CliIo } from './io';

export function printMiners(report: MyMinersReport, args: string[], io: CliIo): number {
  if (args.includes('--json')) {
    io.out(toPlainJson(report));
    return 0;
  }
  if (report.keys.length === 0) {
    io.out('No team keys yet: add your hotkeys or coldkeys in the app (My miners).');
    return 0;
  }
  if (report.latestBlock === null) {
    io.out('No data yet: run `scout sync`.');
    return 0;
  }
  io.out(
    `block ${report.latestBlock}: ${report.total.miners} UIDs held, ${report.alerts.length} alert(s) since the previous sync`,
  );
  for (const m of report.miners) {
    io.out(
      [
        MINER_STATUS_LABELS[m.status].padEnd(12),
        `SN${m.netuid}`.padStart(6),
        `UID ${m.uid}`.padEnd(8),
        m.label.padEnd(24).slice(0, 24),
        `${formatNumber(m.taoPerDay, 4)} TAO/day`.padStart(16),
        m.status === 'deregistered' ? `gone at block ${m.prunedAtBlock ?? '—'}` : m.statusReason,
      ].join('  '),
    );
  }
  for (const a of report.alerts) io.out(`alert: ${a.message}`);
  return 0;
}
