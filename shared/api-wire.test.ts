import { describe, expect, it } from 'vitest';
import { asScoutError, ScoutError } from './api-wire';

describe('asScoutError: a failed call as the renderer switches on it', () => {
  it("keeps the core's code and message from the wire shape the shells hand over", () => {
    const e = asScoutError({ code: 'conflict', message: 'changed in another window' });
    expect(e).toBeInstanceOf(ScoutError);
    expect([e.code, e.message]).toEqual(['conflict', 'changed in another window']);
  });

  it("calls anything else 'internal' and keeps its words (a dropped connection, a code this version does not know)", () => {
    expect([
      asScoutError(new TypeError('Failed to fetch')).code,
      asScoutError(new TypeError('Failed to fetch')).message,
    ]).toEqual(['internal', 'Failed to fetch']);
    expect(asScoutError({ code: 'melted', message: 'from a newer core' })).toMatchObject({
      code: 'internal',
      message: 'from a newer core',
    });
  });
});
