/**
 * Where `scout report --out` may write, and writing there without ever leaving half a file. Checked before the
 * report is printed (printing takes seconds; a refusal should not), and again by the write itself:
 * - never into the data folder: `--out <data folder>/scout.db` would replace the database with a PDF;
 * - never over a file that is not a PDF, and over a PDF only with --force;
 * - a temporary file beside the target, renamed over it once complete, so an interrupted write (disk full, killed
 *   process) leaves the old file or none, never a truncated one;
 * - a folder, a missing folder or a read-only place said in words, not as EISDIR/ENOENT/EROFS.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Why the report was not written, in words; the CLI prints it as is. */
export class ReportFileError extends Error {
  constructor(message: string) {
    super(`${message} Nothing was written.`);
    this.name = 'ReportFileError';
  }
}

const PDF_MAGIC = '%PDF-';

/** The real path of `p`, or of its nearest existing ancestor joined with the rest (a file not written yet). */
function realish(p: string): string {
  let existing = p;
  const rest: string[] = [];
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  try {
    return path.join(fs.realpathSync(existing), ...rest);
  } catch {
    return p;
  }
}

const inside = (child: string, folder: string) => {
  const rel = path.relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Whether `target` (written or not yet) lies in `dataDir`, through `..` and symlinks too. */
export function isInsideDataFolder(target: string, dataDir: string): boolean {
  return inside(realish(path.resolve(target)), realish(path.resolve(dataDir)));
}

function startsAsPdf(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(PDF_MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, read).toString('latin1') === PDF_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Checks that a report may be written to `out`; returns the full path it will be written to.
 * `dataDir`: the folder holding the database and its backups.
 */
export function checkReportTarget(out: string, dataDir: string, force: boolean): string {
  const target = path.resolve(out);
  if (isInsideDataFolder(target, dataDir)) {
    throw new ReportFileError(
      `${target} is inside the data folder (${dataDir}), where Subnet Scout keeps its database and backups; write the report somewhere else.`,
    );
  }
  const folder = path.dirname(target);
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch {
    throw new ReportFileError(
      `The folder ${folder} does not exist; create it first, or choose another place for the report.`,
    );
  }
  if (!folderStat.isDirectory())
    throw new ReportFileError(
      `${folder} is a file, not a folder, so ${path.basename(target)} cannot be written inside it.`,
    );
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(target);
  } catch {
    // Not there yet: the usual case.
  }
  if (stat?.isDirectory()) {
    throw new ReportFileError(
      `${target} is a folder; give the report a file name, e.g. --out ${path.join(target, 'report.pdf')}.`,
    );
  }
  if (stat) {
    if (!stat.isFile())
      throw new ReportFileError(`${target} is not a regular file; choose another name for the report.`);
    let pdf: boolean;
    try {
      pdf = startsAsPdf(target);
    } catch {
      throw new ReportFileError(
        `${target} exists and cannot be read, so it is not replaced; choose another name for the report.`,
      );
    }
    if (!pdf)
      throw new ReportFileError(
        `${target} exists and is not a PDF, so it is not replaced; choose another name for the report.`,
      );
    if (!force) throw new ReportFileError(`${target} already exists; add --force to replace it.`);
  }
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (e) {
    throw new ReportFileError(cannotWrite(folder, e));
  }
  return target;
}

function cannotWrite(folder: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EROFS') return `${folder} is on a read-only disk; choose a place you can write to.`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return `The disk holding ${folder} is full.`;
  if (code === 'EACCES' || code === 'EPERM')
    return `You do not have permission to write in ${folder}; choose a place you can write to.`;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return `The folder ${folder} does not exist (or was removed); choose another place for the report.`;
  return `The report could not be written in ${folder} (${(e as Error).message}).`;
}

/** Writes `bytes` to a temporary file beside `target` and renames it over `target` once complete. */
export function writeReportFile(target: string, bytes: Uint8Array): void {
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd); // complete on disk before it takes the target's name
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new ReportFileError(cannotWrite(folder, e));
  }
}
