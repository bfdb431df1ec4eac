/**
 * One subnet's metagraph (and the incentives of its extra mechanisms) as raw `state_call` bytes decoded by the
 * metadata-generated codecs: these are the largest answers of a sync. A runtime without the selective calls is
 * asked for the full metagraph/mechagraph instead; the same reader decodes both.
 *
 * Decoding stays on this thread (the core's utility process, never the window's). Measured on 128 × 256 with 2
 * cores, handing each answer to a worker_threads decoder made reading all metagraphs slower (median 137 vs 111 ms,
 * best 107 vs 67 ms): posting results back costs about what decoding does, and it saved only ~40 ms of this thread.
 */
import { ChainError } from './errors';
import {
  INCENTIVES_INDEX,
  METAGRAPH_INDEXES,
  METAGRAPH_INDEXES_WITHOUT_COLDKEYS,
  incentivesFromValue,
  metagraphFromValue,
  metagraphWithoutColdkeysFromValue,
} from './metagraph-decode';
import type { RawMetagraph } from './raw';
import type { BlockReader } from './raw-rpc';
import type { RuntimeCodecs } from './runtime-codecs';

const API = 'SubnetInfoRuntimeApi';

export interface SubnetGraphs {
  /** `coldkeys` is empty when they were not asked for and the runtime could leave them out (see `withColdkeys`). */
  metagraph: RawMetagraph;
  /** Incentives of mechanisms 1..n-1. */
  extraMechanismIncentives: number[][];
}

/** `withColdkeys` false: leave the coldkeys out where the runtime can (selective metagraph), for the caller to fill. */
export type ReadSubnetGraphs = (
  netuid: number,
  mechanismCount: number,
  withColdkeys?: boolean,
) => Promise<SubnetGraphs>;

/** Picks the calls this runtime offers once per block; the returned function reads one subnet. */
export function subnetGraphReader(read: BlockReader, codecs: RuntimeCodecs): ReadSubnetGraphs {
  const selective = codecs.call(API, 'get_selective_metagraph');
  const full = codecs.call(API, 'get_metagraph');
  if (!selective && !full) {
    throw new ChainError(
      'unsupported-runtime',
      `spec ${codecs.specVersion} has neither ${API}.get_selective_metagraph nor get_metagraph`,
    );
  }
  const selectiveMech = codecs.call(API, 'get_selective_mechagraph');
  const fullMech = codecs.call(API, 'get_mechagraph');

  const readIncentives = async (netuid: number, mechanism: number): Promise<number[]> => {
    if (selectiveMech) return read.call(selectiveMech, [netuid, mechanism, [INCENTIVES_INDEX]], incentivesFromValue);
    if (fullMech) return read.call(fullMech, [netuid, mechanism], incentivesFromValue);
    throw new Error(`the runtime reports ${mechanism + 1} mechanisms but has no mechagraph call`);
  };

  return async (netuid, mechanismCount, withColdkeys = true) => {
    const metagraph = !selective
      ? await read.call(full!, [netuid], metagraphFromValue)
      : withColdkeys
        ? await read.call(selective, [netuid, METAGRAPH_INDEXES], metagraphFromValue)
        : await read.call(selective, [netuid, METAGRAPH_INDEXES_WITHOUT_COLDKEYS], metagraphWithoutColdkeysFromValue);
    const extraMechanismIncentives: number[][] = [];
    for (let m = 1; m < mechanismCount; m++) extraMechanismIncentives.push(await readIncentives(netuid, m));
    return { metagraph, extraMechanismIncentives };
  };
}
