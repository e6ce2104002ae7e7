import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { KNOWLEDGE_SECTIONS, type KnowledgeSection } from '../../../common/src/schemas/knowledge.schema.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { editorRoles, usePublicPages, type KnowledgeList } from '../modules/knowledge/knowledge.api.ts';
import { Button, buttonClass } from '../ui/button.tsx';
import { LinkCard } from '../ui/card.tsx';
import { Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { TextField } from '../ui/text-field.tsx';

/** The hub of the public knowledge pages: every section with its pages, and the Q&A search. */
export function GuidePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  usePageTitle(t('knowledge.hub.title'));
  const pages = usePublicPages();
  const bySection = (section: KnowledgeSection) => (pages.data?.items ?? []).filter((p) => p.section === section && p.section !== 'qa');
  const qaCount = (pages.data?.items ?? []).filter((p) => p.section === 'qa').length;
  const shown = KNOWLEDGE_SECTIONS.filter((s) => s !== 'qa');

  return (
    <>
      <PageHeading title={t('knowledge.hub.title')} lead={t('knowledge.hub.lead')}>
        {account && editorRoles.includes(account.role) ? (
          <p className="mt-4">
            <Link to="/guide/manage" className={buttonClass('secondary', 'md')}>
              {t('knowledge.manage.link')}
            </Link>
          </p>
        ) : null}
      </PageHeading>
      <QaSearchBox count={qaCount} />
      {pages.loading ? <Loading /> : null}
      {pages.error ? <ErrorAlert error={pages.error} title={t('errors.loadFailed')} onRetry={pages.reload} /> : null}
      {pages.data
        ? shown.map((section) => (
            <Section key={section} section={section} items={bySection(section)} lang={lang} />
          ))
        : null}
    </>
  );
}

function Section({ section, items, lang }: { section: KnowledgeSection; items: KnowledgeList['items']; lang: 'ja' | 'en' }) {
  const { t } = useTranslation();
  if (!items.length && section !== 'contacts') return null;
  return (
    <section aria-labelledby={`guide-${section}`} data-testid={`guide-section-${section}`}>
      <SectionHeading id={`guide-${section}`}>{t(`knowledge.sections.${section}`)}</SectionHeading>
      <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t(`knowledge.hub.sectionLead.${section}`)}</p>
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3">
        {items.map((p) => (
          <li key={p.slug}>
            <LinkCard to={`/guide/${p.slug}`} title={p.title[lang]} />
          </li>
        ))}
        {section === 'contacts' ? (
          <li>
            <LinkCard to="/contacts" title={t('knowledge.hub.ministryContacts')} description={t('knowledge.hub.ministryContactsLead')} />
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** A search of the Q&A that opens /guide/qa with the words in the URL. */
function QaSearchBox({ count }: { count: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  return (
    <section aria-labelledby="guide-qa" className="mb-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5">
      <h2 id="guide-qa" className="text-std-24B-150 text-solid-gray-900">
        {t('knowledge.sections.qa')}
      </h2>
      <p className="mt-2 mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{t('knowledge.hub.qaLead', { count })}</p>
      <search>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(q.trim() ? `/guide/qa?q=${encodeURIComponent(q.trim())}` : '/guide/qa');
          }}
        >
          <TextField id="guide-qa-q" type="search" label={t('knowledge.qa.searchLabel')} value={q} onChange={(e) => setQ(e.target.value)} className="min-w-72 flex-1" maxLength={100} />
          <Button type="submit">{t('common.search')}</Button>
          <Link to="/guide/qa" className={buttonClass('tertiary', 'md')}>
            {t('knowledge.hub.allQa')}
          </Link>
        </form>
      </search>
    </section>
  );
}
