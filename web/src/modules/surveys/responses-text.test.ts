// 回答数／対象数 in the rounds list and on a round's page: an anonymous round with loaded answers and
// no targets shows its answers (not 0/0).
import { describe, expect, it } from 'vitest';
import { responsesText } from './survey-text.ts';
import jaMsgs from '../../locales/ja.json' with { type: 'json' };
import enMsgs from '../../locales/en.json' with { type: 'json' };

// The locale's message with {{n}} filled in (as i18next does).
const tr = (msgs: { surveys: { rounds: { answersOnly: string } } }) => (_key: string, o: { n: string }) => msgs.surveys.rounds.answersOnly.replace('{{n}}', o.n);

const cases = [
  { round: { submitted: 552, targets: 0, responseRate: 0 }, ja: '552件（対象者の登録なし）', en: '552 answers (no registered targets)' },
  { round: { submitted: 49, targets: 49, responseRate: 1 }, ja: '49 / 49（100%）', en: '49 / 49（100%）' },
  { round: { submitted: 1, targets: 2, responseRate: 0.5 }, ja: '1 / 2（50%）', en: '1 / 2（50%）' },
  { round: { submitted: 0, targets: 0, responseRate: 0 }, ja: '0 / 0（0%）', en: '0 / 0（0%）' },
  { round: { submitted: 10000, targets: 12000, responseRate: 10000 / 12000 }, ja: '10,000 / 12,000（83.3%）', en: '10,000 / 12,000（83.3%）' },
];

describe('responsesText', () => {
  it.each(cases)('$round.submitted / $round.targets', ({ round, ja, en }) => {
    expect(responsesText(round, 'ja', tr(jaMsgs))).toBe(ja);
    expect(responsesText(round, 'en', tr(enMsgs))).toBe(en);
  });
});
