import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  BODY_MAX,
  KNOWLEDGE_SECTIONS,
  QA_GROUPS,
  TITLE_MAX,
  knowledgeCreateSchema,
  type KnowledgeSection,
} from '../../../common/src/schemas/knowledge.schema.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../modules/criteria-data/form-kit.tsx';
import { createPage, useEditorPages } from '../modules/knowledge/knowledge.api.ts';
import { MarkupGuide } from '../modules/knowledge/markup-guide.tsx';
import { Button } from '../ui/button.tsx';
import { formatDate } from '../ui/format.ts';
import { Badge, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th } from '../ui/table.tsx';
import { TextArea } from '../ui/text-area.tsx';
import { TextField } from '../ui/text-field.tsx';

/** For the NPA and the center: every page, published or not, with links to edit it and to its history; and a form for a new page. */
export function GuideManagePage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('knowledge.manage.title'));
  const pages = useEditorPages(true);
  return (
    <>
      <p className="mb-4">
        <Link to="/guide">{t('knowledge.backToGuide')}</Link>
      </p>
      <PageHeading title={t('knowledge.manage.title')} lead={t('knowledge.manage.lead')} />
      {pages.loading ? <Loading /> : null}
      {pages.error ? <ErrorAlert error={pages.error} title={t('errors.loadFailed')} onRetry={pages.reload} /> : null}
      {pages.data
        ? KNOWLEDGE_SECTIONS.map((section) => {
            const items = pages.data!.items.filter((p) => p.section === section);
            if (!items.length) return null;
            return (
              <section key={section} aria-labelledby={`manage-${section}`}>
                <SectionHeading id={`manage-${section}`}>{t(`knowledge.sections.${section}`)}</SectionHeading>
                <Table caption={t('knowledge.manage.caption', { section: t(`knowledge.sections.${section}`), count: items.length })} captionHidden testId={`manage-${section}`}>
                  <thead>
                    <tr>
                      <Th>{t('knowledge.manage.colTitle')}</Th>
                      <Th>{t('knowledge.manage.colStatus')}</Th>
                      <Th>{t('knowledge.manage.colVersion')}</Th>
                      <Th>{t('knowledge.manage.colUpdated')}</Th>
                      <Th>{t('knowledge.manage.colActions')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.slug}>
                        <Th scope="row" className="font-normal">
                          {p.published ? <Link to={`/guide/${p.slug}`}>{p.title[lang]}</Link> : p.title[lang]}
                          <span className="mt-1 block font-mono text-dns-14N-130 text-solid-gray-700">{p.slug}</span>
                        </Th>
                        <Td>
                          <Badge tone={p.published ? 'green' : 'gray'}>{p.published ? t('knowledge.status.published') : t('knowledge.status.unpublished')}</Badge>
                        </Td>
                        <Td className="tabular-nums">{p.version}</Td>
                        <Td className="whitespace-nowrap">
                          <time dateTime={p.updatedAt}>{formatDate(p.updatedAt, lang)}</time>
                        </Td>
                        <Td className="whitespace-nowrap">
                          <Link to={`/guide/${p.slug}/edit`} aria-label={t('knowledge.manage.editLabel', { title: p.title[lang] })}>
                            {t('knowledge.article.edit')}
                          </Link>
                          {' · '}
                          <Link to={`/guide/${p.slug}/history`} aria-label={t('knowledge.manage.historyLabel', { title: p.title[lang] })}>
                            {t('knowledge.article.history')}
                          </Link>
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </section>
            );
          })
        : null}
      <section aria-labelledby="knowledge-new-form-heading" className="mt-12 border-t border-solid-gray-420 pt-6">
        <NewPageForm />
      </section>
    </>
  );
}

type NewValues = {
  slug: string;
  section: KnowledgeSection | '';
  audience: string;
  groupKey: string;
  sortOrder: string;
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
  source: string;
};

function NewPageForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormErrors('new.');
  const { values: v, set, bind } = useFormValues<NewValues>(form, {
    slug: '',
    section: '',
    audience: 'all',
    groupKey: '',
    sortOrder: '0',
    titleJa: '',
    titleEn: '',
    bodyJa: '',
    bodyEn: '',
    source: '',
  });
  const { busy, submit } = useSubmit(form);
  const isQa = v.section === 'qa';

  async function onSubmit() {
    const input = checkInput(form, knowledgeCreateSchema, {
      ...v,
      section: v.section || undefined,
      sortOrder: Number(v.sortOrder) || 0,
      source: v.source || undefined,
      published: false,
    });
    if (!input) return;
    await submit(
      () => createPage(input),
      (created) => navigate(`/guide/${created.slug}/edit`),
    );
  }

  const labels = {
    slug: t('knowledge.create.slug'),
    section: t('knowledge.create.section'),
    audience: t('knowledge.create.audience'),
    groupKey: t('knowledge.create.group'),
    sortOrder: t('knowledge.create.sortOrder'),
    titleJa: t('knowledge.edit.titleJa'),
    titleEn: t('knowledge.edit.titleEn'),
    bodyJa: t('knowledge.edit.bodyJa'),
    bodyEn: t('knowledge.edit.bodyEn'),
    source: t('knowledge.create.source'),
  };
  return (
    <RecordForm name="knowledge-new" level={2} heading={t('knowledge.create.heading')} form={form} labels={labels} onSubmit={onSubmit}>
      <p className="max-w-3xl text-std-16N-170">{t('knowledge.create.lead')}</p>
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2 md:max-w-4xl">
        <TextField {...bind('slug')} label={labels.slug} hint={t('knowledge.create.slugHint')} required maxLength={80} autoComplete="off" />
        <Select id={form.id('section')} label={labels.section} required value={v.section} error={form.error('section')} onChange={(e) => set('section', e.target.value as NewValues['section'])}>
          <option value="">{t('common.choose')}</option>
          {KNOWLEDGE_SECTIONS.map((s) => (
            <option key={s} value={s}>
              {t(`knowledge.sections.${s}`)}
            </option>
          ))}
        </Select>
        <Select id={form.id('audience')} label={labels.audience} value={v.audience} error={form.error('audience')} onChange={(e) => set('audience', e.target.value)}>
          {(['all', 'ministry', 'company'] as const).map((a) => (
            <option key={a} value={a}>
              {t(`knowledge.audiences.${a}`)}
            </option>
          ))}
        </Select>
        {isQa ? (
          <Select id={form.id('groupKey')} label={labels.groupKey} required value={v.groupKey} error={form.error('groupKey')} onChange={(e) => set('groupKey', e.target.value)}>
            <option value="">{t('common.choose')}</option>
            {QA_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`knowledge.groups.${g}`)}
              </option>
            ))}
          </Select>
        ) : (
          <TextField {...bind('groupKey')} label={labels.groupKey} hint={t('knowledge.create.groupHint')} maxLength={40} autoComplete="off" />
        )}
        <TextField {...bind('sortOrder')} label={labels.sortOrder} inputMode="numeric" maxLength={6} />
        <TextField {...bind('source')} label={labels.source} hint={t('knowledge.create.sourceHint')} maxLength={1000} />
      </div>
      <MarkupGuide />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <fieldset className="flex flex-col gap-5" lang="ja">
          <legend className="mb-2 text-std-18B-160">{t('knowledge.edit.japanese')}</legend>
          <TextField {...bind('titleJa')} label={labels.titleJa} required maxLength={TITLE_MAX} />
          <TextArea {...bind('bodyJa')} label={labels.bodyJa} required rows={10} maxLength={BODY_MAX} textAreaClassName="font-mono text-dns-16N-130" />
        </fieldset>
        <fieldset className="flex flex-col gap-5" lang="en">
          <legend className="mb-2 text-std-18B-160">{t('knowledge.edit.english')}</legend>
          <TextField {...bind('titleEn')} label={labels.titleEn} required maxLength={TITLE_MAX} />
          <TextArea {...bind('bodyEn')} label={labels.bodyEn} required rows={10} maxLength={BODY_MAX} textAreaClassName="font-mono text-dns-16N-130" />
        </fieldset>
      </div>
      <div>
        <Button type="submit" disabled={busy} data-testid="knowledge-create">
          {t('knowledge.create.submit')}
        </Button>
      </div>
    </RecordForm>
  );
}
