/**
 * Each subnet's reviewed hardware needs, for the rig fit: from its most recently updated note that states any
 * (a note without them says nothing about the hardware, so an older note that does still counts).
 */
import type { Database } from 'better-sqlite3';
import type { HardwareRequirement } from '../../../shared/notes-types';

export function reviewedHardware(db: Database): Map<number, HardwareRequirement> {
  const rows = db
    .prepare(
      `SELECT netuid, compute, vram_gb, ram_gb, disk_gb, hardware_detail, cpu_cores FROM (
         SELECT *, ROW_NUMBER() OVER (PARTITION BY netuid ORDER BY updated_at_ms DESC, seq DESC) AS recency
         FROM notes WHERE compute IS NOT NULL OR vram_gb IS NOT NULL OR ram_gb IS NOT NULL OR cpu_cores IS NOT NULL
       ) WHERE recency = 1`,
    )
    .all() as {
    netuid: number;
    compute: 'cpu' | 'gpu' | null;
    vram_gb: number | null;
    ram_gb: number | null;
    disk_gb: number | null;
    hardware_detail: string;
    cpu_cores: number | null;
  }[];
  return new Map(
    rows.map((r) => [
      r.netuid,
      {
        compute: r.compute,
        vramGb: r.vram_gb,
        ramGb: r.ram_gb,
        diskGb: r.disk_gb,
        detail: r.hardware_detail,
        cpuCores: r.cpu_cores,
      },
    ]),
  );
}
