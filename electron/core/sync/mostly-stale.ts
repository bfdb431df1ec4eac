/**
 * A block where most subnets could not be read is not stored. Stored, it would become "the latest sync": the table
 * would date every subnet to it while showing older figures for most of them, the watchlist changes would compare
 * against it, and the sync would be reported as a success although the node answered almost nothing. Refused, the
 * previous point stays the latest and the user is told the sync failed and why, with each subnet's reason.
 */
import type { StaleSubnet } from '../../../shared/domain';
import type { FetchedBlock } from '../chain/fetch-block';
import { ChainError } from '../chain/errors';

/** More than this share of the listed subnets unreadable: the block is not worth storing. */
export const MOSTLY_STALE_SHARE = 0.5;

export class MostlyStaleError extends ChainError {
  constructor(
    message: string,
    readonly stale: StaleSubnet[],
  ) {
    super('timeout', message);
    this.name = 'MostlyStaleError';
  }
}

export function refuseMostlyStale(
  fetched: Pick<FetchedBlock, 'subnets' | 'failed' | 'blockNumber'>,
  consequence: string,
): void {
  const listed = fetched.subnets.size + fetched.failed.length;
  if (listed === 0 || fetched.failed.length <= listed * MOSTLY_STALE_SHARE) return;
  const first = fetched.failed[0]!;
  throw new MostlyStaleError(
    `${fetched.failed.length} of ${listed} subnets could not be read at block ${fetched.blockNumber.toLocaleString('en-US')} ` +
      `(for example SN${first.netuid}: ${first.reason.replace(/^Could not read SN\d+'s metagraph: /, '')}), so this block was not ` +
      `stored as a sync. ${consequence}`,
    fetched.failed,
  );
}
