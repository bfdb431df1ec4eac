/**
 * The rest of a subnet's structured hardware needs, for the rig fit: the GPU class, CPU cores and bandwidth a
 * reviewer reads from the subnet's code (VRAM, RAM, disk and CPU/GPU were there from the start). Nullable: unknown.
 */
export const hardwareReview = {
  id: 10,
  name: 'hardware-review',
  sql: `
ALTER TABLE notes ADD COLUMN gpu_class TEXT;
ALTER TABLE notes ADD COLUMN cpu_cores INTEGER;
ALTER TABLE notes ADD COLUMN bandwidth_mbps REAL;
`,
};
