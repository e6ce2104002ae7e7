// The gap analysis's default participant round (table-driven: default-round.cases.json).
import { describe, expect, it } from 'vitest';
import { defaultParticipantRound } from './surveys.service.ts';
import data from './default-round.cases.json' with { type: 'json' };

describe('defaultParticipantRound', () => {
  it.each(data.cases)('$name', ({ rounds, expected }) => {
    expect(defaultParticipantRound(rounds)?.id ?? null).toBe(expected);
  });
});
