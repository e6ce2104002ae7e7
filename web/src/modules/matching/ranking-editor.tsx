import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Select } from '../../ui/select.tsx';
import { FormErrorSummary, useFormErrors, useSubmit } from '../criteria-data/form-kit.tsx';
import { saveRanking, type MyRound, type RoundSheet } from './matching.api.ts';

type Mine = MyRound['mySheets'][number];

const sheetName = (s: RoundSheet, lang: 'ja' | 'en') => `${s.title}（${pick(lang, s.ownerNameJa, s.ownerNameEn)}、${s.reference}）`;

/**
 * One sheet's ranking of the other side: an ordered list (1 = first choice) with buttons to move,
 * remove and add, at most N entries. The server checks again (N, duplicates, side, participants).
 */
export function RankingEditor({ round, sheet, onSaved }: { round: MyRound; sheet: Mine; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors(`rank-${sheet.sheetId}-`);
  const { busy, submit } = useSubmit(form);
  const [list, setList] = useState<RoundSheet[]>(sheet.ranking);
  const [choice, setChoice] = useState('');
  const [saved, setSaved] = useState(false);
  const open = round.rankingOpen;
  const full = list.length >= round.maxRanks;
  const candidates = round.otherSide.filter((o) => !list.some((x) => x.sheetId === o.sheetId));
  const change = (next: RoundSheet[]) => {
    setList(next);
    setSaved(false);
    form.reset();
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...list];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x!);
    change(next);
  };
  const labels: Record<string, string> = { rankedSheetIds: t('matching.ranking.heading') };
  list.forEach((_, i) => (labels[`rankedSheetIds.${i}`] = t('matching.ranking.choice', { n: i + 1 })));
  const listId = `ranking-${sheet.sheetId}`;
  return (
    <div data-testid={`ranking-editor-${sheet.reference}`}>
      <FormErrorSummary form={form} labels={labels} />
      <h3 id={`${listId}-heading`} className="text-std-20B-150">
        {t('matching.ranking.heading')}
      </h3>
      <p id={`${listId}-count`} className="mt-1 text-std-16N-170 text-solid-gray-800" aria-live="polite">
        {t('matching.ranking.count', { count: list.length, n: round.maxRanks })}
      </p>
      {list.length === 0 ? <p className="mt-2 text-std-16N-170">{t('matching.ranking.empty')}</p> : null}
      <ol id={form.id('rankedSheetIds')} tabIndex={-1} aria-labelledby={`${listId}-heading`} className="mt-3 flex flex-col gap-2">
        {list.map((s, i) => {
          const error = form.error(`rankedSheetIds.${i}`);
          return (
            <li
              key={s.sheetId}
              id={form.id(`rankedSheetIds.${i}`)}
              tabIndex={-1}
              className={`flex flex-wrap items-center gap-3 rounded-8 border px-3 py-2 ${error ? 'border-error-1' : 'border-solid-gray-420'}`}
            >
              <span className="min-w-16 text-dns-16B-130">{t('matching.ranking.choice', { n: i + 1 })}</span>
              <span className="flex-1 text-std-16N-170">{sheetName(s, lang)}</span>
              {error ? <span className="w-full text-dns-16N-130 text-error-2">{error}</span> : null}
              {open ? (
                <span className="flex gap-2">
                  <Button size="sm" variant="tertiary" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('matching.ranking.upFor', { name: s.title, n: i + 1 })}>
                    {t('matching.ranking.up')}
                  </Button>
                  <Button size="sm" variant="tertiary" disabled={i === list.length - 1} onClick={() => move(i, 1)} aria-label={t('matching.ranking.downFor', { name: s.title, n: i + 1 })}>
                    {t('matching.ranking.down')}
                  </Button>
                  <Button size="sm" variant="danger" onClick={() => change(list.filter((_, j) => j !== i))} aria-label={t('matching.ranking.removeFor', { name: s.title })}>
                    {t('matching.ranking.remove')}
                  </Button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {open ? (
        <div className="mt-4 flex flex-col gap-4">
          <div className="flex flex-wrap items-end gap-3">
            <Select
              id={`${listId}-add`}
              label={t('matching.ranking.add')}
              hint={full ? t('matching.ranking.fullHint', { n: round.maxRanks }) : undefined}
              value={choice}
              disabled={candidates.length === 0 || full}
              onChange={(e) => setChoice(e.target.value)}
              className="min-w-80 flex-1"
            >
              <option value="">{t('matching.ranking.choose')}</option>
              {candidates.map((c) => (
                <option key={c.sheetId} value={c.sheetId}>
                  {sheetName(c, lang)}
                </option>
              ))}
            </Select>
            <Button
              variant="secondary"
              disabled={!choice || full}
              onClick={() => {
                const c = candidates.find((x) => String(x.sheetId) === choice);
                if (c) change([...list, c]);
                setChoice('');
              }}
            >
              {t('matching.ranking.addButton')}
            </Button>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <Button
              disabled={busy}
              data-testid={`save-ranking-${sheet.reference}`}
              onClick={() =>
                void submit(
                  () => saveRanking(round.id, sheet.sheetId, list.map((x) => x.sheetId)),
                  () => {
                    setSaved(true);
                    onSaved();
                  },
                )
              }
            >
              {t('matching.ranking.save')}
            </Button>
            {saved ? (
              <p role="status" className="text-dns-16B-130 text-success-2">
                {t('matching.ranking.saved')}
              </p>
            ) : null}
          </div>
        </div>
      ) : (
        <p className="mt-3 text-std-16N-170 text-solid-gray-800">{t(round.status === 'ranking' ? 'matching.ranking.closed' : 'matching.ranking.afterRun')}</p>
      )}
    </div>
  );
}
