import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { Loading, SectionHeading } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import type { QueryState } from '../../api-hooks.ts';
import type { WishHistory } from '../../../../common/src/schemas/wishes.schema.ts';
import { usePeriodText, useStartText } from './wish-card.tsx';

const ACTIONS = ['created', 'updated', 'published', 'closed', 'reopened'] as const;

/** A version's note ('published' or 'closed: filled') as the action's words and the note typed with it. */
export function splitNote(note: string | null): { action: (typeof ACTIONS)[number] | null; text: string } {
  if (!note) return { action: null, text: '' };
  const i = note.indexOf(': ');
  const head = i < 0 ? note : note.slice(0, i);
  const rest = i < 0 ? '' : note.slice(i + 2);
  return (ACTIONS as readonly string[]).includes(head) ? { action: head as (typeof ACTIONS)[number], text: rest } : { action: null, text: note };
}

/** 編集履歴: every saved version, newest first — what was done, when, by whom, and the title and timing it had. */
export function WishHistoryTable({ state }: { state: QueryState<WishHistory> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const periodText = usePeriodText();
  const startText = useStartText();
  return (
    <section aria-labelledby="wish-history-heading" className="mt-12">
      <SectionHeading id="wish-history-heading">{t('wishes.history.heading')}</SectionHeading>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {state.data ? (
        <Table caption={t('wishes.history.caption', { count: state.data.items.length, n: formatNumber(state.data.items.length, lang) })} testId="wish-history">
          <thead>
            <tr>
              <Th>{t('wishes.history.version')}</Th>
              <Th>{t('wishes.history.action')}</Th>
              <Th>{t('wishes.history.status')}</Th>
              <Th>{t('wishes.history.changedAt')}</Th>
              <Th>{t('wishes.history.changedBy')}</Th>
              <Th>{t('wishes.history.content')}</Th>
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((v) => {
              const note = splitNote(v.note);
              return (
                <Tr key={v.version}>
                  <Th scope="row" className="text-right tabular-nums">
                    {formatNumber(v.version, lang)}
                  </Th>
                  <Td className="min-w-32">
                    {note.action ? t(`wishes.history.actions.${note.action}`) : '—'}
                    {note.text ? <span className="block text-dns-14N-130 text-solid-gray-700">{note.text}</span> : null}
                  </Td>
                  <Td>{t(`wishes.status.${v.status}`)}</Td>
                  <Td className="min-w-48">
                    <time dateTime={v.changedAt}>{formatDateTime(v.changedAt, lang)}</time>
                  </Td>
                  <Td className="min-w-32">{v.changedByName ?? '—'}</Td>
                  <Td className="min-w-64">
                    <span className="block font-bold">{v.content.title}</span>
                    <span className="block text-dns-14N-130 text-solid-gray-700">
                      {periodText(v.content.periodMonths)} ・ {startText(v.content.start)}
                    </span>
                  </Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}
