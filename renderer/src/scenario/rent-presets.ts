/** Rent presets the user can edit; kept in this browser profile's storage (they are UI conveniences, not data). */
import { RENT_PRESETS } from '../../../shared/economics';

const KEY = 'scout.rentPresets';
export type RentPreset = (typeof RENT_PRESETS)[number];

export function loadRentPresets(): RentPreset[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Record<string, number> | null;
    return RENT_PRESETS.map((p) => {
      const v = stored?.[p.id];
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? { ...p, rentUsdPerMonth: v } : p;
    });
  } catch {
    return RENT_PRESETS;
  }
}

export function saveRentPresets(presets: RentPreset[]): void {
  localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(presets.map((p) => [p.id, p.rentUsdPerMonth]))));
}
