/** Argument schemas of the research-notes operations, and the shape of a note's content wherever it crosses a boundary. */
import { z } from 'zod';
import { netuid } from './api-schemas';

/** The largest export file the app reads; a bigger one is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const NoteIdSchema = z.uuid({ error: 'a note id is a UUID' });
const text = (max: number, what: string) =>
  z.string().max(max, `${what} is limited to ${max.toLocaleString('en-US')} characters`);
const gigabytes = z
  .number()
  .finite()
  .min(0, 'sizes cannot be negative')
  .max(1_000_000, 'sizes above 1,000,000 GB are not plausible')
  .nullable();
/** VRAM per GPU: no GPU has more than 1 TB, so a larger figure is almost surely megabytes. */
const vramGigabytes = z
  .number()
  .finite()
  .min(0, 'sizes cannot be negative')
  .max(1024, 'VRAM above 1,024 GB per GPU: is it in MB? Give it in GB')
  .nullable();

/** What a subnet's miners need, as the reviewer read it from the code and docs. Unknown is null / empty. */
export const HardwareSchema = z
  .object({
    compute: z.enum(['cpu', 'gpu']).nullable(),
    vramGb: vramGigabytes,
    ramGb: gigabytes,
    diskGb: gigabytes,
    /** Free text, e.g. "1× A100 80 GB or 2× RTX 4090". */
    detail: text(500, 'the hardware detail'),
    // Added later (absent in older notes and exports = unknown). compute 'cpu' is "CPU-only works".
    /** e.g. "A100 class", "RTX 4090 or better". */
    gpuClass: text(100, 'the GPU class').nullable().optional(),
    cpuCores: z
      .number()
      .int('CPU cores must be a whole number')
      .min(1, 'at least 1 CPU core')
      .max(1024, 'more than 1,024 CPU cores is not plausible')
      .nullable()
      .optional(),
    bandwidthMbps: z
      .number()
      .finite()
      .min(0, 'bandwidth cannot be negative')
      .max(400_000, 'bandwidth above 400,000 Mbps: is it in bits? Give it in Mbps')
      .nullable()
      .optional(),
  })
  .strict();
export type HardwareRequirement = z.output<typeof HardwareSchema>;

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'a tag cannot be empty')
  .max(40, 'keep tags under 40 characters')
  .refine((t) => !t.includes(','), 'a tag cannot contain a comma');

const NoteVerdictSchema = z.enum(['mine', 'watch', 'skip']);
export type NoteVerdict = z.output<typeof NoteVerdictSchema>;
const NoteConfidenceSchema = z.enum(['low', 'medium', 'high']);
export type NoteConfidence = z.output<typeof NoteConfidenceSchema>;

/** Everything the user edits in a note; each version of the note stores one of these. */
export const NoteContentSchema = z
  .object({
    netuid,
    title: z.string().trim().min(1, 'a note needs a title').max(200, 'keep titles under 200 characters'),
    /** Markdown. */
    body: text(1_000_000, 'the note'),
    repositoryUrl: text(2048, 'the repository URL'),
    /** Commit hash or tag the review was done against. */
    commitReviewed: text(200, 'the commit or tag'),
    /** YYYY-MM-DD, or '' when not given. */
    reviewedOn: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'the review date is YYYY-MM-DD')]),
    scoringSummary: text(20_000, 'the scoring summary'),
    validatorsReward: text(20_000, 'what validators reward'),
    hardware: HardwareSchema,
    exploits: text(20_000, 'exploits and edges'),
    risks: text(20_000, 'risks'),
    verdict: NoteVerdictSchema.nullable(),
    confidence: NoteConfidenceSchema.nullable(),
    /** Lower-case, unique. */
    tags: z
      .array(tag)
      .max(30, 'at most 30 tags')
      .transform((tags) => [...new Set(tags)]),
  })
  .strict();
export type NoteContent = z.output<typeof NoteContentSchema>;

export const NotesListSchema = z
  .object({
    /** Words to find anywhere in a note (title, body, every field, tags); each word matches as a prefix. */
    query: z.string().max(500, 'the search is limited to 500 characters').optional(),
    netuid: netuid.optional(),
    tag: z.string().trim().toLowerCase().max(40).optional(),
    verdict: z.enum(['mine', 'watch', 'skip', 'none']).optional(),
  })
  .strict()
  .optional();

export const NoteCreateSchema = z.object({ netuid, title: z.string().trim().min(1).max(200).optional() }).strict();

export const NoteRefSchema = z.object({ id: NoteIdSchema }).strict();

export const NoteSaveSchema = z
  .object({
    id: NoteIdSchema,
    content: NoteContentSchema,
    /** 'save' when the user pressed Save: it closes the editing session, so the next change starts a new version. */
    kind: z.enum(['autosave', 'save']),
    /**
     * The note's updatedAtMs when the editor read it (or last saved it): the save is refused ('conflict') when the
     * note has changed since, so one window never silently writes over another's work. Left out by callers that
     * mean to write whatever is there (scripts, tests written before it existed).
     */
    baseUpdatedAtMs: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
    /**
     * The user saw the other change and chose to keep their own text over it: that change is kept as a version of
     * its own in the history, never merged away, so it can still be restored.
     */
    overwrite: z.boolean().optional(),
  })
  .strict();

export const NoteRestoreSchema = z
  .object({ id: NoteIdSchema, versionId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
  .strict();

export const NotesImportSchema = z
  .object({
    // Characters, not bytes: the byte limit is checked by the handler with a clearer message.
    content: z.string().max(MAX_IMPORT_BYTES, 'the file is larger than 50 MB'),
    conflicts: z.enum(['ask', 'keep', 'replace', 'duplicate']),
    /** Whether the file's settings (endpoint, sync interval, thresholds…) replace yours; see ImportSettingsChoice. */
    settings: z.enum(['keep', 'replace']).optional(),
  })
  .strict();
