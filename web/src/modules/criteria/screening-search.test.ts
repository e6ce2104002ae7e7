import { describe, expect, it } from 'vitest';
import { modeScreeningFromParams, paramsFromModeScreening, screeningHref, screeningReady } from './screening-search.ts';

describe('screening search with its mode', () => {
  it('reads the official mode by default and needs the official', () => {
    const s = modeScreeningFromParams(new URLSearchParams('personId=12&unitId=5&mode=nope'));
    expect(s.mode).toBe('person');
    expect(s.personId).toBe('12');
    expect(screeningReady(s)).toBe(true);
    expect(screeningReady({ ...s, personId: '' })).toBe(false);
    expect(paramsFromModeScreening(s).toString()).toBe('personId=12&unitId=5');
  });

  it('screens a post with the unit alone, ignoring a person in the link, and keeps mode=post first', () => {
    const s = modeScreeningFromParams(new URLSearchParams('mode=post&personId=12&organisationId=3&unitId=5&status=open&page=2'));
    expect(s).toMatchObject({ mode: 'post', personId: '', organisationId: '3', unitId: '5', status: 'open', page: 2 });
    expect(screeningReady(s)).toBe(true);
    expect(screeningReady({ ...s, unitId: '' })).toBe(false);
    expect(screeningHref({ ...s, personId: '99', page: 1 })).toBe('/criteria/screening?mode=post&organisationId=3&unitId=5&status=open');
  });
});
