import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { knowledgeUpdateSchema, TITLE_MAX, BODY_MAX } from '../../../common/src/schemas/knowledge.schema.ts';
import { isApiError } from '../api.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { checkInput, RecordForm, useFormErrors, useFormValues, useOutcome, useSubmit } from '../modules/criteria-data/form-kit.tsx';
import { setPublished, updatePage, useEditorPage, type KnowledgePage } from '../modules/knowledge/knowledge.api.ts';
import { MarkupGuide } from '../modules/knowledge/markup-guide.tsx';
import { MarkupView } from '../modules/knowledge/markup-view.tsx';
import type { SavedFlash } from './guide-article.page.tsx';
import { Badge, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Button } from '../ui/button.tsx';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { TextArea } from '../ui/text-area.tsx';
import { TextField } from '../ui/text-field.tsx';

/** Editing a page (NPA, center): title and body in Japanese and English side by side; the save names the version it was made on. */
export function GuideEditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useParams();
  const state = useEditorPage(slug);
  const outcome = useOutcome();
  const page = state.data;
  usePageTitle(page ? t('knowledge.edit.title', { title: page.title[lang] }) : t('knowledge.edit.titlePlain'));
  return (
    <>
      <p className="mb-4 flex flex-wrap gap-4">
        <Link to="/guide/manage">{t('knowledge.manage.back')}</Link>
        {page?.published ? <Link to={`/guide/${slug}`}>{t('knowledge.edit.viewPage')}</Link> : null}
        {slug ? <Link to={`/guide/${slug}/history`}>{t('knowledge.article.history')}</Link> : null}
      </p>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {page ? (
        <>
          <PageHeading title={t('knowledge.edit.title', { title: page.title[lang] })}>
            <p className="mt-3 flex flex-wrap items-center gap-3 text-dns-16N-130">
              <Badge tone={page.published ? 'green' : 'gray'}>{page.published ? t('knowledge.status.published') : t('knowledge.status.unpublished')}</Badge>
              <span>{t('knowledge.edit.versionNote', { version: page.version })}</span>
              <span className="font-mono">/guide/{page.slug}</span>
            </p>
          </PageHeading>
          {outcome.view('publish-outcome')}
          {/* Keyed by version: after a reload the form starts again from the latest text. */}
          <EditForm key={page.version} page={page} onReload={state.reload} />
          <section aria-labelledby="publish-heading" className="mt-12 border-t border-solid-gray-420 pt-6">
            <h2 id="publish-heading" className="mb-2 text-std-20B-150">
              {t('knowledge.publish.heading')}
            </h2>
            <p className="mb-3 max-w-3xl text-std-16N-170">{page.published ? t('knowledge.publish.unpublishHint') : t('knowledge.publish.publishHint')}</p>
            <ConfirmAction
              label={page.published ? t('knowledge.publish.unpublish') : t('knowledge.publish.publish')}
              question={page.published ? t('knowledge.publish.confirmUnpublish') : t('knowledge.publish.confirmPublish')}
              confirm={t('common.yes')}
              variant={page.published ? 'danger' : 'primary'}
              testId="toggle-published"
              onConfirm={() =>
                outcome.run(
                  () => setPublished(page.slug, !page.published),
                  (tr) => (page.published ? tr('knowledge.publish.unpublished') : tr('knowledge.publish.published')),
                  state.reload,
                )
              }
            />
          </section>
        </>
      ) : null}
    </>
  );
}

type Values = { titleJa: string; titleEn: string; bodyJa: string; bodyEn: string };

function EditForm({ page, onReload }: { page: KnowledgePage; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormErrors('edit.');
  const { values: v, bind } = useFormValues<Values>(form, { titleJa: page.title.ja, titleEn: page.title.en, bodyJa: page.body.ja, bodyEn: page.body.en });
  const { busy, submit } = useSubmit(form);
  const [preview, setPreview] = useState(false);
  const stale = form.formError && isApiError(form.formError) && form.formError.code === 'knowledge.stale_version';

  async function onSubmit() {
    const input = checkInput(form, knowledgeUpdateSchema, { version: page.version, ...v });
    if (!input) return;
    await submit(
      () => updatePage(page.slug, input),
      (saved) => {
        if (saved.published) navigate(`/guide/${saved.slug}`, { state: { saved: saved.version } satisfies SavedFlash });
        else onReload();
      },
    );
  }

  const labels = { titleJa: t('knowledge.edit.titleJa'), titleEn: t('knowledge.edit.titleEn'), bodyJa: t('knowledge.edit.bodyJa'), bodyEn: t('knowledge.edit.bodyEn') };
  const ctx = { parameters: page.parameters, missing: page.missingParameters };
  return (
    <>
      <RecordForm name="knowledge-edit" level={2} heading={t('knowledge.edit.formHeading')} form={form} labels={labels} onSubmit={onSubmit}>
        {stale ? (
          <div className="rounded-8 border-2 border-orange-1000 bg-orange-50 p-4" data-testid="stale-version">
            <p className="mb-3 text-std-16N-170">{t('knowledge.edit.staleHint')}</p>
            <Button variant="secondary" size="sm" onClick={onReload}>
              {t('knowledge.edit.loadLatest')}
            </Button>
          </div>
        ) : null}
        <MarkupGuide />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <fieldset className="flex flex-col gap-5" lang="ja">
            <legend className="mb-2 text-std-18B-160">{t('knowledge.edit.japanese')}</legend>
            <TextField {...bind('titleJa')} label={labels.titleJa} required maxLength={TITLE_MAX} />
            <TextArea {...bind('bodyJa')} label={labels.bodyJa} required rows={22} maxLength={BODY_MAX} textAreaClassName="font-mono text-dns-16N-130" />
          </fieldset>
          <fieldset className="flex flex-col gap-5" lang="en">
            <legend className="mb-2 text-std-18B-160">{t('knowledge.edit.english')}</legend>
            <TextField {...bind('titleEn')} label={labels.titleEn} required maxLength={TITLE_MAX} />
            <TextArea {...bind('bodyEn')} label={labels.bodyEn} required rows={22} maxLength={BODY_MAX} textAreaClassName="font-mono text-dns-16N-130" />
          </fieldset>
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy} data-testid="knowledge-save">
            {t('knowledge.edit.save')}
          </Button>
          <Button variant="secondary" aria-expanded={preview} aria-controls="knowledge-preview" onClick={() => setPreview((p) => !p)}>
            {preview ? t('knowledge.edit.hidePreview') : t('knowledge.edit.showPreview')}
          </Button>
        </div>
      </RecordForm>
      <div id="knowledge-preview" hidden={!preview}>
        {preview ? (
          <section aria-labelledby="preview-heading" className="mt-10">
            <SectionHeading id="preview-heading">{t('knowledge.edit.previewHeading')}</SectionHeading>
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              <div lang="ja" className="rounded-8 border border-solid-gray-420 p-4">
                <p className="mb-3 text-std-20B-150">{v.titleJa}</p>
                <MarkupView source={v.bodyJa} ctx={{ ...ctx, idPrefix: 'preview-ja' }} />
              </div>
              <div lang="en" className="rounded-8 border border-solid-gray-420 p-4">
                <p className="mb-3 text-std-20B-150">{v.titleEn}</p>
                <MarkupView source={v.bodyEn} ctx={{ ...ctx, idPrefix: 'preview-en' }} />
              </div>
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
