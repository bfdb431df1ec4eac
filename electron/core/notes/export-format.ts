/**
 * The export file: one versioned JSON document with the user's own data. Reading it checks everything (size, JSON,
 * format, version, every field) before anything is written, and says what is wrong in words.
 *
 * Versions: 1 holds notes, watchlists, scenarios and settings; 2 adds the team's keys ("My miners"); 3 adds the rest
 * the user types in on My miners: each miner's own rent and the earnings-drop alert threshold. An older file is
 * still read, as one without what its version did not have. (A new version rather than optional fields in 2: an
 * app that reads up to version 2 then says "written by a newer version" instead of refusing unknown fields.)
 */
import { z } from 'zod';
import { SettingsPatchSchema, WatchlistThresholdsSchema, netuid } from '../../../shared/api-schemas';
import { ScenarioSchema } from '../../../shared/scenario';
import { EarningsDropAlertSchema, MinerRentSchema, TeamKeyAddSchema } from '../../../shared/miners-schemas';
import { NoteContentSchema, NoteIdSchema } from '../../../shared/notes-schemas';
import { MAX_IMPORT_BYTES } from '../../../shared/notes-schemas';
import { CoreError } from '../errors';
import { checkTeamAddress } from '../miners/address';

export const EXPORT_FORMAT = 'subnet-scout-export';
export const EXPORT_VERSION = 3;

/** What each version added, and what a file of that version or later must therefore hold (even when empty). */
const ADDED_IN = {
  teamKeys: { version: 2, holds: 'lists the team keys, [] for none' },
  minerRents: { version: 3, holds: 'lists the miners’ own rents, [] for none' },
  teamSettings: {
    version: 3,
    holds: 'holds the My miners settings, {"earningsDropAlertPercent": null} for the defaults',
  },
} as const;

const timestamp = z.number().int().min(0).max(8.64e15);

const VersionSchema = z
  .object({ kind: z.enum(['autosave', 'save', 'restore', 'import']), savedAtMs: timestamp, content: NoteContentSchema })
  .strict();

const ExportedNoteSchema = z
  .object({
    ...NoteContentSchema.shape,
    // One spelling per note: ids differing only in case are the same note (and the same id twice in a file).
    id: NoteIdSchema.transform((id) => id.toLowerCase()),
    createdAtMs: timestamp,
    updatedAtMs: timestamp,
    /** Oldest first. */
    history: z.array(VersionSchema).max(100_000),
  })
  .strict();

const ExportedWatchlistSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    netuids: z.array(netuid).max(65_536),
    thresholds: WatchlistThresholdsSchema.shape.thresholds,
  })
  .strict();

const ExportedScenarioSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    netuid: netuid.nullable(),
    scenario: ScenarioSchema,
    updatedAtMs: timestamp,
  })
  .strict();

/** Checked as if the user typed it: a file can carry a mistyped address, another network's, or a pasted secret. */
const teamKeyAddress = z
  .string()
  .max(1000)
  .transform((text, ctx) => {
    const checked = checkTeamAddress(text);
    if (checked.ok) return checked.address;
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });

const ExportedTeamKeySchema = z
  .object({
    address: teamKeyAddress,
    kind: TeamKeyAddSchema.shape.kind,
    label: TeamKeyAddSchema.shape.label,
    // Written for every key (null: no rent of its own), so a missing one is a damaged file, not "no rent".
    rentUsdPerMonth: TeamKeyAddSchema.shape.rentUsdPerMonth.unwrap(),
    createdAtMs: timestamp,
  })
  .strict();

/** A rent the user set for one miner (subnet + hotkey), overriding its key's. */
const ExportedMinerRentSchema = z
  .object({
    netuid,
    // A miner's hotkey is a public address like a team key's, and is checked the same way.
    hotkey: teamKeyAddress,
    rentUsdPerMonth: MinerRentSchema.shape.rentUsdPerMonth.unwrap(),
  })
  .strict();

/** My miners settings kept outside `settings` (their own table); null: never set, the app's default applies. */
const ExportedTeamSettingsSchema = z
  .object({ earningsDropAlertPercent: EarningsDropAlertSchema.shape.percent.nullable() })
  .strict();

export const ExportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.union([z.literal(1), z.literal(2), z.literal(EXPORT_VERSION)]),
    exportedAtMs: timestamp,
    notes: z.array(ExportedNoteSchema).max(100_000),
    watchlists: z.array(ExportedWatchlistSchema).max(10_000),
    scenarios: z.array(ExportedScenarioSchema).max(10_000),
    teamKeys: z.array(ExportedTeamKeySchema).max(10_000).optional(),
    minerRents: z.array(ExportedMinerRentSchema).max(100_000).optional(),
    teamSettings: ExportedTeamSettingsSchema.optional(),
    // Not strict: a setting this version does not know is ignored rather than refusing the whole file.
    settings: z.object(SettingsPatchSchema.shape).partial(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.notes.forEach((n, i) => {
      if (seen.has(n.id))
        ctx.addIssue({ code: 'custom', path: ['notes', i, 'id'], message: `note id ${n.id} appears twice` });
      seen.add(n.id);
    });
    for (const [field, added] of Object.entries(ADDED_IN)) {
      if (file.version >= added.version && file[field as keyof typeof ADDED_IN] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `missing (a version ${file.version} file ${added.holds})`,
        });
      }
    }
    const addresses = new Set<string>();
    file.teamKeys?.forEach((k, i) => {
      if (addresses.has(k.address))
        ctx.addIssue({ code: 'custom', path: ['teamKeys', i, 'address'], message: `key ${k.address} appears twice` });
      addresses.add(k.address);
    });
    const miners = new Set<string>();
    file.minerRents?.forEach((r, i) => {
      const miner = `SN${r.netuid} ${r.hotkey}`;
      if (miners.has(miner))
        ctx.addIssue({
          code: 'custom',
          path: ['minerRents', i, 'hotkey'],
          message: `the rent of ${miner} appears twice`,
        });
      miners.add(miner);
    });
  })
  // An older file was written before these were exported: it has no keys, no miner rents and no My miners settings.
  .transform((file) => ({
    ...file,
    teamKeys: file.teamKeys ?? [],
    minerRents: file.minerRents ?? [],
    teamSettings: file.teamSettings ?? { earningsDropAlertPercent: null },
  }));

export type ExportFile = z.output<typeof ExportFileSchema>;
export type ExportFileInput = z.input<typeof ExportFileSchema>;
export type ExportedNote = ExportFile['notes'][number];

function refuse(message: string): never {
  throw new CoreError('invalid-argument', `${message} Nothing was imported.`);
}

/** Parses and validates a whole export file; throws a CoreError saying what is wrong. */
export function readExportFile(content: string): ExportFile {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > MAX_IMPORT_BYTES)
    refuse(`The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; Subnet Scout reads export files up to 50 MB.`);
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    refuse(`The file is not valid JSON, so it may be truncated or damaged (${(e as Error).message}).`);
  }
  const head = (data ?? {}) as { format?: unknown; version?: unknown };
  if (typeof data !== 'object' || head.format !== EXPORT_FORMAT) {
    refuse(`This is not a Subnet Scout export file (it should start with "format": "${EXPORT_FORMAT}").`);
  }
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    refuse(
      `This file was written by a newer version of Subnet Scout (export format version ${head.version}; this version ` +
        `reads versions up to ${EXPORT_VERSION}). Update the app to import it.`,
    );
  }
  const parsed = ExportFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const listed = issues
      .slice(0, 5)
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more problems)` : '';
    refuse(`The file is not a valid Subnet Scout export: ${listed}${more}.`);
  }
  return parsed.data;
}
