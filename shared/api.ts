/**
 * The one contract between the renderer and the core. Every operation the UI can ask for is declared here once:
 * its name, the schema of its argument (validated at every boundary), and its result type. The preload, the IPC
 * router, the test host and the CLI are all generic over this object, so adding an operation is a one-place change
 * here plus its handler in the service.
 */
import { z } from 'zod';
import type { SyncPoint } from './domain';
import type {
  AppInfo,
  SavedScenario,
  Settings,
  SubnetDetail,
  SubnetList,
  SyncOutcome,
  SyncState,
  WatchedSubnet,
  Watchlist,
} from './api-types';
import type { MinerEconomics, SensitivityGrid, TableEconomics } from './economics';
import type { EventName, Events } from './api-wire';
import {
  DataFolderSchema,
  EvaluateSchema,
  ScenarioIdSchema,
  ScenarioSaveSchema,
  SensitivitySchema,
  SubnetEconomicsSchema,
  DatasetSchema,
  SettingsPatchSchema,
  SyncRequestSchema,
  WatchlistChangesSchema,
  WatchlistCreateSchema,
  WatchlistIdSchema,
  WatchlistRenameSchema,
  WatchlistReorderSchema,
  WatchlistSubnetSchema,
  WatchlistThresholdsSchema,
} from './api-schemas';

import { reportsContract } from './reports-api';
import { none, op } from './contract-op';
import { notesContract } from './notes-api';
import { backupsContract } from './backups-api';
import { minersContract } from './miners-api';

export const contract = {
  'app.info': op<AppInfo>()(none),
  'app.openDataFolder': op<AppInfo>()(DataFolderSchema),
  'app.useDataset': op<AppInfo>()(DatasetSchema),
  'settings.get': op<Settings>()(none),
  'settings.set': op<Settings>()(SettingsPatchSchema),
  'subnets.list': op<SubnetList>()(none),
  'sync.start': op<SyncOutcome>()(SyncRequestSchema),
  'sync.cancel': op<SyncState>()(none),
  'sync.status': op<SyncState>()(none),
  'sync.points': op<SyncPoint[]>()(none),
  'scenario.evaluate': op<MinerEconomics[]>()(EvaluateSchema),
  /** scenario.evaluate cut to what the Subnets table shows: asked on every what-if change. */
  'scenario.evaluateTable': op<TableEconomics[]>()(EvaluateSchema),
  'subnet.economics': op<SubnetDetail>()(SubnetEconomicsSchema),
  'scenario.sensitivity': op<SensitivityGrid>()(SensitivitySchema),
  'scenarios.list': op<SavedScenario[]>()(none),
  'scenarios.save': op<SavedScenario>()(ScenarioSaveSchema),
  'scenarios.delete': op<{ id: number }>()(ScenarioIdSchema),
  'watchlists.list': op<Watchlist[]>()(none),
  'watchlists.create': op<Watchlist>()(WatchlistCreateSchema),
  'watchlists.rename': op<Watchlist>()(WatchlistRenameSchema),
  'watchlists.delete': op<{ id: number }>()(WatchlistIdSchema),
  'watchlists.restore': op<Watchlist>()(WatchlistIdSchema),
  'watchlists.reorder': op<Watchlist[]>()(WatchlistReorderSchema),
  'watchlists.addSubnet': op<Watchlist>()(WatchlistSubnetSchema),
  'watchlists.removeSubnet': op<Watchlist>()(WatchlistSubnetSchema),
  'watchlists.setThresholds': op<Watchlist>()(WatchlistThresholdsSchema),
  'watchlists.changes': op<WatchedSubnet[]>()(WatchlistChangesSchema),
  ...notesContract,
  ...backupsContract,
  ...reportsContract,
  ...minersContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type ArgOf<M extends Method> = z.input<Contract[M]['arg']>;
export type ParsedArgOf<M extends Method> = z.output<Contract[M]['arg']>;
export type ResultOf<M extends Method> = NonNullable<Contract[M]['result']>;
export const methods = Object.keys(contract) as Method[];

/**
 * How the core implements operations M: each handler takes its argument as the schema parsed it, so no handler
 * declares an argument's shape a second time.
 */
export type HandlersFor<M extends Method> = { [K in M]: (arg: ParsedArgOf<K>) => Promise<ResultOf<K>> | ResultOf<K> };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './api-wire';

/** The object the preload exposes as `window.scout` (and the test host's shim imitates). */
export interface ScoutApi {
  call<M extends Method>(method: M, ...arg: ArgOf<M> extends undefined ? [] : [ArgOf<M>]): Promise<ResultOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
