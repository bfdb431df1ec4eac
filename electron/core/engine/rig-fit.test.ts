import { describe, expect, it } from 'vitest';
import { RIG_PRESETS, type Rig } from '../../../shared/economics';
import { ScenarioSchema } from '../../../shared/scenario';
import { HardwareSchema } from '../../../shared/notes-schemas';
import type { HardwareRequirement } from '../../../shared/notes-types';
import { makeScenario } from '../../../test/fixtures/engine';
import { rigFit } from './rig-fit';

const rig = (id: string): Rig => RIG_PRESETS.find((p) => p.id === id)!.rig;
const needs = (patch: Partial<HardwareRequirement>): HardwareRequirement => ({
  compute: null,
  vramGb: null,
  ramGb: null,
  diskGb: null,
  detail: '',
  ...patch,
});

describe('rig fit', () => {
  it('an RTX 4090 (24 GB) fits a 24 GB subnet but not an 80 GB one, and says what is missing', () => {
    expect(rigFit(rig('rtx4090'), needs({ compute: 'gpu', vramGb: 24 })).level).toBe('fits');
    const short = rigFit(rig('rtx4090'), needs({ compute: 'gpu', vramGb: 80 }));
    expect(short.level).toBe('too-small');
    expect(short.reason).toBe('needs 80 GB VRAM; the rig has 24 GB per GPU');
  });

  it('a CPU-only box fits a CPU subnet and fails any GPU one', () => {
    expect(rigFit(rig('cpu'), needs({ compute: 'cpu', ramGb: 32 })).level).toBe('fits');
    expect(rigFit(rig('cpu'), needs({ compute: 'gpu' })).reason).toBe('needs a GPU; the rig has none');
  });

  it('reviewed CPU cores count: an 8-core 3090 box falls short of a 16-core need', () => {
    expect(rigFit(rig('rtx3090'), needs({ compute: 'gpu', cpuCores: 16 })).reason).toBe(
      'needs 16 CPU cores; the rig has 8',
    );
    expect(rigFit(rig('rtx4090'), needs({ compute: 'gpu', cpuCores: 16 })).level).toBe('fits');
  });

  it('a requirement in the wrong unit is refused when the note is saved (VRAM in MB, bandwidth in bits)', () => {
    const refuse = (patch: Partial<HardwareRequirement>) => {
      const r = HardwareSchema.safeParse(needs(patch));
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(refuse({ vramGb: 24, cpuCores: 8, bandwidthMbps: 1000, gpuClass: 'RTX 4090' })).toBeNull();
    expect(refuse({ vramGb: 24_576 })).toBe('VRAM above 1,024 GB per GPU: is it in MB? Give it in GB');
    expect(refuse({ bandwidthMbps: 1e9 })).toMatch(/is it in bits\? Give it in Mbps/);
    expect(refuse({ cpuCores: 0 })).toBe('at least 1 CPU core');
  });

  it('too little RAM is too small; nothing reviewed is "hardware not reviewed yet"; no rig is unknown', () => {
    expect(rigFit(rig('rtx3090'), needs({ ramGb: 64 })).level).toBe('too-small');
    expect(rigFit(rig('h100'), null)).toEqual({ level: 'not-reviewed', reason: 'hardware not reviewed yet' });
    expect(rigFit(rig('h100'), needs({ detail: 'some text only' })).level).toBe('not-reviewed');
    expect(rigFit(undefined, needs({ vramGb: 8 })).level).toBeNull();
  });

  it('bad rigs are refused with a clear message: zero VRAM on a GPU rig, negative VRAM, MB given as GB, zero rent', () => {
    const refuse = (patch: Partial<Rig>, rent = 300) => {
      const r = ScenarioSchema.safeParse({
        ...makeScenario({ rentUsdPerMonth: rent }),
        rig: { ...rig('rtx4090'), ...patch },
      });
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(refuse({})).toBeNull();
    expect(refuse({ vramGb: 0 })).toBe('a GPU rig needs VRAM above 0 GB');
    expect(refuse({ vramGb: -8 })).toBe('VRAM cannot be negative');
    expect(refuse({ vramGb: 24_576 })).toMatch(/is it in MB\? Give it in GB/);
    expect(refuse({}, 0)).toBe("a rig's rent must be above $0/month");
  });
});
