import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n.ts';
import { Table, Td, Th } from '../../ui/table.tsx';
import { CitationView } from '../criteria/criteria-labels.tsx';
import type { Guidance } from './planner.api.ts';

/**
 * The welfare applicability table (福利厚生制度等の適用関係) for one type of exchange: a real table,
 * one row per scheme with the scheme as its row header; the company-welfare rows sit under a
 * group header that spans the table. Footnote marks (※1, ※2) refer to the notes after it.
 */
export function GuidanceTable({ guidance: g, testId = 'guidance-table' }: { guidance: Guidance; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = g.welfare.rows;
  return (
    <div className="flex flex-col gap-3">
      <Table caption={g.welfare.caption[lang]} testId={testId}>
        <thead>
          <tr>
            <Th>{t('exchangePlanner.guidance.colScheme')}</Th>
            <Th>
              {g.title[lang]}
              {g.welfare.typeFootnotes.map((m) => (
                <sup key={m} className="ml-0.5">
                  {m}
                </sup>
              ))}
              <span className="mt-1 block text-dns-14N-130 font-normal text-solid-gray-700">{g.description[lang]}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <Fragment key={r.id}>
              {r.group && rows[i - 1]?.group?.id !== r.group.id ? (
                <tr>
                  <Th scope="colgroup" colSpan={2} className="bg-solid-gray-50">
                    {r.group.label[lang]}
                    {r.group.footnotes.map((m) => (
                      <sup key={m} className="ml-0.5">
                        {m}
                      </sup>
                    ))}
                  </Th>
                </tr>
              ) : null}
              <tr data-testid={`guidance-row-${r.id}`}>
                <Th scope="row" className={r.group ? 'pl-8 font-normal' : 'font-normal'}>
                  {r.label[lang]}
                </Th>
                <Td className="min-w-72">{r.value[lang]}</Td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </Table>
      {g.welfare.footnotes.length > 0 ? (
        <ul className="flex flex-col gap-1 text-dns-14N-130 leading-170 text-solid-gray-800" aria-label={t('exchangePlanner.guidance.footnotes')}>
          {g.welfare.footnotes.map((f) => (
            <li key={f.mark}>
              <span className="mr-1 font-bold">{f.mark}</span>
              {f.text[lang]}
            </li>
          ))}
        </ul>
      ) : null}
      {g.welfare.notes.map((n, i) => (
        <p key={i} className="max-w-4xl text-std-16N-170 text-solid-gray-800">
          {n[lang]}
        </p>
      ))}
      <details>
        <summary className="cursor-pointer text-std-16N-170 text-blue-1000 underline">{t('exchangePlanner.guidance.source')}</summary>
        <div className="mt-2">
          <CitationView citation={g.source} />
        </div>
      </details>
    </div>
  );
}

/** The duty constraints of the person, the ministry and the company for the type, each with its source. */
export function GuidanceDuties({ guidance: g, level = 3 }: { guidance: Guidance; level?: 3 | 4 }) {
  const { t } = useTranslation();
  const lang = useLang();
  const H = `h${level}` as 'h3' | 'h4';
  const idPrefix = useId();
  return (
    <div className="flex flex-col gap-6" data-testid="guidance-duties">
      {(['person', 'ministry', 'company'] as const).map((party) => (
        <section key={party} aria-labelledby={`${idPrefix}-${party}`}>
          <H id={`${idPrefix}-${party}`} className="mb-2 text-std-18B-160 text-solid-gray-900">
            {t(`exchangePlanner.guidance.party.${party}.${g.type === 'dispatch' ? 'dispatch' : 'hire'}`)}
          </H>
          <ul className="flex list-disc flex-col gap-3 pl-6">
            {g.duties[party].map((d) => (
              <li key={d.id} className="text-std-16N-170 text-solid-gray-800">
                <p>{d.text[lang]}</p>
                <details className="mt-1">
                  <summary className="cursor-pointer text-dns-14N-130 text-blue-1000 underline">{t('exchangePlanner.guidance.source')}</summary>
                  <div className="mt-1">
                    <CitationView citation={d.citation} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
