/**
 * Does the what-if's rig meet what a subnet's miners need? The needs come from the subnet's review note (entered
 * while studying its code); a subnet nobody reviewed says so rather than passing or failing. Compared: GPU needed
 * at all, VRAM per GPU, RAM, CPU cores (the reviewed figures; a need not stated does not count against the rig).
 */
import type { Rig, RigFitLevel } from '../../../shared/economics';
import type { HardwareRequirement } from '../../../shared/notes-types';

export interface RigFit {
  level: RigFitLevel | null;
  reason: string;
}

const NO_RIG: RigFit = Object.freeze({ level: null, reason: 'no rig given in the what-if' });
const NOT_REVIEWED: RigFit = Object.freeze({ level: 'not-reviewed' as const, reason: 'hardware not reviewed yet' });

function reviewed(req: HardwareRequirement | null | undefined): req is HardwareRequirement {
  return !!req && (req.compute !== null || req.vramGb !== null || req.ramGb !== null || req.cpuCores != null);
}

export function rigFit(rig: Rig | undefined, req: HardwareRequirement | null | undefined): RigFit {
  if (!rig) return NO_RIG;
  if (!reviewed(req)) return NOT_REVIEWED;
  if (req.compute === 'gpu' && rig.gpuCount < 1) return { level: 'too-small', reason: 'needs a GPU; the rig has none' };
  if (req.vramGb !== null && req.vramGb > 0 && (rig.gpuCount < 1 || rig.vramGb < req.vramGb)) {
    return {
      level: 'too-small',
      reason: `needs ${req.vramGb} GB VRAM; the rig has ${rig.gpuCount < 1 ? 0 : rig.vramGb} GB per GPU`,
    };
  }
  if (req.ramGb !== null && rig.ramGb < req.ramGb) {
    return { level: 'too-small', reason: `needs ${req.ramGb} GB RAM; the rig has ${rig.ramGb} GB` };
  }
  if (req.cpuCores != null && rig.cpuCores < req.cpuCores) {
    return { level: 'too-small', reason: `needs ${req.cpuCores} CPU cores; the rig has ${rig.cpuCores}` };
  }
  return {
    level: 'fits',
    reason:
      req.compute === 'cpu'
        ? 'CPU-only works, and the rig meets the reviewed needs'
        : 'the rig meets the reviewed needs',
  };
}
