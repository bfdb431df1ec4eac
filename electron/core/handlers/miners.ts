import type { HandlersFor, Method } from '../../../shared/api';
import type { Scenario } from '../../../shared/economics';
import type { TeamKeyAdded } from '../../../shared/miners-types';
import type { HandlerContext } from './context';
import { CoreError } from '../errors';
import { checkTeamAddress } from '../miners/address';
import { keyHoldings } from '../miners/holdings';
import { buildMinersReport } from '../miners/report';
import { changing } from './user-data-changes';

export function minersHandlers(service: HandlerContext) {
  const ws = () => service.requireWorkspace();
  const repo = () => ws().team;
  const report = (scenario?: Scenario, netuid?: number) =>
    buildMinersReport(ws(), { scenario: scenario ?? ws().settings.get().scenario, netuid });
  /** A write every window showing My miners (its keys, report and the alerts badge) follows. */
  const write = <T>(work: () => T): T => changing(service, 'team', work);
  return {
    'miners.keys': () => repo().keys(),
    'miners.addKey': ({ address, kind, label, rentUsdPerMonth }): TeamKeyAdded => {
      const checked = checkTeamAddress(address);
      if (!checked.ok) throw new CoreError('invalid-argument', checked.message);
      const key = write(() =>
        repo().add({ address: checked.address, kind, label, rentUsdPerMonth: rentUsdPerMonth ?? null }),
      );
      return keyHoldings(ws(), key);
    },
    'miners.updateKey': ({ id, label, rentUsdPerMonth }) => write(() => repo().update(id, { label, rentUsdPerMonth })),
    'miners.removeKey': ({ id }) => {
      write(() => repo().remove(id));
      return { id };
    },
    'miners.setMinerRent': (rent) => {
      // Checked as the export's reader checks it: a rent stored here must survive the trip to a new laptop.
      const checked = checkTeamAddress(rent.hotkey);
      if (!checked.ok) throw new CoreError('invalid-argument', checked.message);
      write(() => repo().setMinerRent(rent.netuid, checked.address, rent.rentUsdPerMonth));
      return { ...rent, hotkey: checked.address };
    },
    'miners.setEarningsDropAlert': ({ percent }) => {
      write(() => repo().setEarningsDropAlertPercent(percent));
      return { percent };
    },
    'miners.report': (arg) => report(arg?.scenario, arg?.netuid),
    'miners.alerts': () => report().alerts,
  } satisfies HandlersFor<Extract<Method, `miners.${string}`>>;
}
