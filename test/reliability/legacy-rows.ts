/**
 * Writes a sync the way schema steps 1–5 stored it (per-UID rows, names in every subnet row, summaries as JSON), so
 * tests can build the files earlier versions left and check that migrating them loses nothing.
 */
import type { Database } from 'better-sqlite3';
import type { NetworkSync, SubnetSnapshot } from '../../shared/domain';
import type { SubnetHistoryPoint } from '../../shared/economics';

const b = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

export function writeLegacySync(
  db: Database,
  sync: NetworkSync,
  summaries: ReadonlyMap<number, SubnetHistoryPoint>,
): number {
  return db.transaction(() => {
    const { point, network } = sync;
    const pointId = Number(
      db
        .prepare(
          `INSERT INTO sync_points (network, endpoint, block_number, block_hash, block_time_ms, spec_version, kind, synced_at_ms,
             block_emission_rao, total_issuance_rao, subnet_owner_cut_u16) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          point.network,
          point.endpoint,
          point.blockNumber,
          point.blockHash,
          point.blockTimeMs,
          point.specVersion,
          point.kind,
          point.blockTimeMs,
          network.blockEmissionRao,
          network.totalIssuanceRao,
          network.subnetOwnerCutU16,
        ).lastInsertRowid,
    );
    const intern = db.prepare('INSERT INTO accounts (address) VALUES (?) ON CONFLICT (address) DO NOTHING');
    const idOf = db.prepare('SELECT id FROM accounts WHERE address = ?').pluck();
    const account = (a: string) => (intern.run(a), idOf.get(a) as number);
    const subnetRow = db.prepare(`INSERT INTO subnet_snapshots VALUES (${Array(33).fill('?').join(', ')})`);
    const neuronRow = db.prepare(`INSERT INTO neuron_snapshots VALUES (${Array(16).fill('?').join(', ')})`);
    for (const { subnet: s, neurons } of sync.subnets) {
      subnetRow.run(
        pointId,
        s.netuid,
        s.name,
        s.symbol,
        account(s.ownerHotkey),
        account(s.ownerColdkey),
        s.tempo,
        s.blocksSinceLastStep,
        s.registeredAtBlock,
        s.taoReserveRao,
        s.alphaReserveRao,
        s.alphaOutstandingRao,
        s.alphaPriceRao,
        s.movingPrice,
        s.taoInEmissionRao,
        s.excessTaoRao,
        s.alphaOutEmissionRao,
        s.alphaInEmissionRao,
        s.pendingAlphaEmissionRao,
        s.subnetVolumeRao.toString(),
        s.burnRao,
        s.minBurnRao,
        s.maxBurnRao,
        s.immunityPeriodBlocks,
        s.maxUids,
        s.uidCount,
        b(s.registrationAllowed),
        b(s.ownerCutEnabled),
        s.minerBurnedFraction,
        b(s.emissionEnabled),
        s.mechanismCount,
        s.mechanismSplitU16?.join(',') ?? null,
        s.identity ? JSON.stringify(s.identity) : null,
      );
      for (const n of neurons) {
        neuronRow.run(
          pointId,
          n.netuid,
          n.uid,
          account(n.hotkey),
          account(n.coldkey),
          b(n.active),
          b(n.validatorPermit),
          n.incentivesU16.join(','),
          n.dividendsU16,
          n.consensusU16,
          n.emissionRao,
          n.registeredAtBlock,
          n.lastUpdateBlock,
          n.alphaStakeRao,
          n.taoStakeRao,
          n.totalStakeRao,
        );
      }
      db.prepare(
        `INSERT INTO subnets (netuid, name, symbol, last_point_id) VALUES (?, ?, ?, ?)
         ON CONFLICT (netuid) DO UPDATE SET last_point_id = excluded.last_point_id`,
      ).run(s.netuid, s.name, s.symbol, pointId);
    }
    const summary = db.prepare('INSERT INTO subnet_summaries (point_id, netuid, summary_json) VALUES (?, ?, ?)');
    for (const [netuid, s] of summaries) summary.run(pointId, netuid, JSON.stringify(legacySummary(s)));
    return pointId;
  })();
}

/**
 * A summary as steps 1–5 stored it: the gross pool under the names schema step 9 renamed, and none of the figures
 * step 9 added.
 */
function legacySummary(s: SubnetHistoryPoint): Record<string, unknown> {
  const {
    grossMinerPoolAlphaPerDay,
    grossMinerPoolTaoPerDay,
    receivedMinerPoolAlphaPerDay: _r1,
    receivedMinerPoolTaoPerDay: _r2,
    alphaIssuance: _a,
    totalIssuanceTao: _t,
    ...rest
  } = s;
  return { ...rest, minerPoolAlphaPerDay: grossMinerPoolAlphaPerDay, minerPoolTaoPerDay: grossMinerPoolTaoPerDay };
}

/** What a subnet row and a summary written before schema step 9 read back as: its new figures not recorded (null). */
export function asBeforeStep9<T extends SubnetSnapshot | SubnetHistoryPoint>(value: T): T {
  if ('netuid' in value) {
    return {
      ...value,
      immuneOwnerUidsLimit: null,
      minNonImmuneUids: null,
      burnHalfLife: null,
      burnIncreaseMult: null,
      subtokenEnabled: null,
      firstEmissionBlock: null,
      weightsVersionKey: null,
    };
  }
  return {
    ...value,
    receivedMinerPoolAlphaPerDay: null,
    receivedMinerPoolTaoPerDay: null,
    alphaIssuance: null,
    totalIssuanceTao: null,
  };
}
