import { useTranslation } from 'react-i18next';

const PARAM_SYNTAX = '{{param:contract_dependence.min_total_yen}}';

/** The markup an editor may use, in a disclosure above the text boxes. */
export function MarkupGuide() {
  const { t } = useTranslation();
  const rows = ['heading', 'list', 'bold', 'link', 'table', 'param'] as const;
  return (
    <details className="rounded-8 border border-solid-gray-420 bg-solid-gray-50 px-4 py-3">
      <summary className="cursor-pointer text-std-16B-170">{t('knowledge.markup.summary')}</summary>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-dns-16N-130 md:grid-cols-[minmax(12rem,20rem)_1fr]">
        {rows.map((r) => (
          <div key={r} className="contents">
            <dt>
              {/* The placeholder's braces would be taken by i18next's interpolation, so its syntax is not copy. */}
              <code className="font-mono whitespace-pre-wrap">{r === 'param' ? PARAM_SYNTAX : t(`knowledge.markup.${r}.syntax`)}</code>
            </dt>
            <dd>{t(`knowledge.markup.${r}.meaning`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
