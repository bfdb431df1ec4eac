/**
 * What changed for one of the team's UIDs between the previous sync and the latest: it entered Danger, it was
 * deregistered, or its earnings fell by more than the user's threshold. Pure: both syncs' facts come in.
 */
import type { MinerAlert, MinerStatus } from '../../../shared/miners-types';

export interface MinerAtSync {
  status: MinerStatus;
  taoPerDay: number | null;
}

export interface AlertSubject {
  id: string;
  netuid: number;
  uid: number;
  label: string;
  statusReason: string;
  prunedAtBlock: number | null;
}

const block = (n: number) => n.toLocaleString('en-US');
const tao = (v: number) => (v >= 100 ? v.toFixed(1) : v >= 1 ? v.toFixed(3) : v.toPrecision(3));

/**
 * `previous` is null when the UID was not held at the previous sync (or that sync is unknown). A deregistration is
 * news only at the sync that first found the UID gone.
 */
export function minerAlerts(
  miner: AlertSubject,
  previous: MinerAtSync | null,
  latest: MinerAtSync,
  latestBlock: number,
  dropAlertPercent: number,
): MinerAlert[] {
  const about = {
    minerId: miner.id,
    netuid: miner.netuid,
    uid: miner.uid,
    label: miner.label,
    blockNumber: latestBlock,
  };
  const who = `SN${miner.netuid} UID ${miner.uid} (${miner.label})`;
  if (latest.status === 'deregistered') {
    return miner.prunedAtBlock === latestBlock
      ? [
          {
            ...about,
            kind: 'deregistered',
            message: `${who} was deregistered: first found gone at block ${block(latestBlock)}.`,
          },
        ]
      : [];
  }
  const alerts: MinerAlert[] = [];
  if (latest.status === 'danger' && previous?.status !== 'danger') {
    alerts.push({ ...about, kind: 'entered-danger', message: `${who} entered Danger: ${miner.statusReason}.` });
  }
  const before = previous?.taoPerDay ?? null;
  const now = latest.taoPerDay;
  if (before !== null && now !== null && before > 0) {
    const fall = (before - now) / before;
    if (fall * 100 > dropAlertPercent) {
      alerts.push({
        ...about,
        kind: 'earnings-fell',
        message: `${who} earnings fell ${Math.round(fall * 100)}% since the previous sync (${tao(before)} → ${tao(now)} TAO/day).`,
      });
    }
  }
  return alerts;
}
