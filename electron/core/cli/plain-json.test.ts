import { describe, expect, it } from 'vitest';
import { toPlainCsv, toPlainJson } from './plain-json';

describe('the CLI’s plain JSON and CSV', () => {
  const row = {
    netuid: 7,
    name: 'Apex, "the"',
    alphaPriceRao: 12_345_678n,
    burnRao: 1_000_000_000_123n,
    alphaReserveRao: 5_500_000_000n,
    note: null,
  };

  it('rao stays exact as a decimal string, with the amount as a TAO (or alpha) number beside it; schemaVersion first', () => {
    const text = toPlainJson({ rows: [row, { ...row, alphaPriceRao: null }] });
    expect(text.startsWith('{"schemaVersion":1,')).toBe(true);
    const parsed = JSON.parse(text) as { rows: Record<string, unknown>[] };
    expect(parsed.rows[0]).toEqual({
      netuid: 7,
      name: 'Apex, "the"',
      alphaPriceRao: '12345678',
      alphaPriceTao: 0.012345678,
      burnRao: '1000000000123',
      burnTao: 1000.000000123,
      alphaReserveRao: '5500000000',
      alphaReserveAlpha: 5.5,
      note: null,
    });
    // Unknown stays unknown in both forms.
    expect(parsed.rows[1]).toMatchObject({ alphaPriceRao: null, alphaPriceTao: null });
    // A rao amount beyond 2^53 is still exact in its string.
    expect(JSON.parse(toPlainJson({ totalRao: 2n ** 64n + 1n }))).toMatchObject({ totalRao: '18446744073709551617' });
  });

  it('CSV has the JSON row’s fields as columns, in order, quoted where needed, empty for null', () => {
    const lines = toPlainCsv([row]);
    expect(lines[0]).toBe(
      'netuid,name,alphaPriceRao,alphaPriceTao,burnRao,burnTao,alphaReserveRao,alphaReserveAlpha,note',
    );
    expect(lines[1]).toBe('7,"Apex, ""the""",12345678,0.012345678,1000000000123,1000.000000123,5500000000,5.5,');
  });
});
