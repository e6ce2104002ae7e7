import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n.ts';
import { CitationView, CriteriaDate } from '../criteria/criteria-labels.tsx';
import { useSession } from '../accounts/session.tsx';
import { noteId } from './markup-view.tsx';
import type { KnowledgePage } from './knowledge.api.ts';

/**
 * The notes under a page that quotes the exchange criteria: each figure's parameter, the date it
 * took effect, and its citation (law, rule, pamphlet page and quote). Logged-in users also get a
 * link to the parameter on the criteria parameters page.
 */
export function ParameterNotes({ page, idPrefix }: { page: Pick<KnowledgePage, 'parameters' | 'missingParameters' | 'asOf'>; idPrefix: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  if (!page.parameters.length && !page.missingParameters.length) return null;
  return (
    <section aria-labelledby={`${idPrefix}-notes`} className="mt-12 border-t border-solid-gray-420 pt-6" data-testid="parameter-notes">
      <h2 id={`${idPrefix}-notes`} className="text-std-20B-150 text-solid-gray-900">
        {t('knowledge.params.notesHeading')}
      </h2>
      <p className="mt-2 mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">
        {t('knowledge.params.notesLead')} <CriteriaDate value={page.asOf} />
      </p>
      <ol className="flex flex-col gap-5">
        {page.parameters.map((p, i) => (
          <li key={p.id} id={noteId(idPrefix, p.id)} tabIndex={-1} className="scroll-mt-4 rounded-8 border border-solid-gray-420 bg-white p-4 focus:outline-4 focus:outline-black">
            <p className="text-std-17B-170 text-solid-gray-900">
              [{i + 1}] {p.name[lang]}
            </p>
            <p className="mb-2 text-dns-14N-130 leading-170 text-solid-gray-700">
              {t('knowledge.params.effectiveFrom')}
              <CriteriaDate value={p.effectiveFrom} />
              {account ? (
                <>
                  {' · '}
                  <a href={`/criteria/parameters#param-${p.id.replace(/\./g, '-')}`}>{t('knowledge.params.parameterLink')}</a>
                </>
              ) : null}
            </p>
            <CitationView citation={p.citation} />
          </li>
        ))}
      </ol>
      {page.missingParameters.length ? (
        <p className="mt-4 text-std-16N-170 text-solid-gray-800">{t('knowledge.params.missing', { ids: page.missingParameters.join(', ') })}</p>
      ) : null}
    </section>
  );
}
