import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n.ts';
import { Badge } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { postsNewestFirst, type Post } from './people.api.ts';
import { DateText } from './person-labels.tsx';

/** A column some viewers get in addition (e.g. whether the post handles licensing, or its delete button). */
export type PostColumn = { header: string; cell: (p: Post) => ReactNode };

/** The post history, newest first; a post without an end date is the current one. */
export function PostHistory({ posts, caption, extraColumns = [] }: { posts: Post[]; caption: string; extraColumns?: PostColumn[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={caption} captionHidden testId="person-posts">
      <thead>
        <tr>
          <Th>{t('people.detail.colUnit')}</Th>
          <Th>{t('people.detail.colPostTitle')}</Th>
          <Th>{t('people.detail.colFrom')}</Th>
          <Th>{t('people.detail.colTo')}</Th>
          {extraColumns.map((c) => (
            <Th key={c.header}>{c.header}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {postsNewestFirst(posts).map((p) => (
          <Tr key={p.id}>
            <Th scope="row" className="min-w-40 font-normal whitespace-normal">
              {pick(lang, p.unitNameJa, p.unitNameEn)}
            </Th>
            <Td className="min-w-40">{pick(lang, p.postTitleJa, p.postTitleEn)}</Td>
            <Td className="min-w-44">
              <DateText value={p.startDate} />
            </Td>
            <Td className="min-w-44">{p.endDate ? <DateText value={p.endDate} /> : <Badge tone="green">{t('people.detail.present')}</Badge>}</Td>
            {extraColumns.map((c) => (
              <Td key={c.header} className="min-w-44">
                {c.cell(p)}
              </Td>
            ))}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
