import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { postInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { copyMessage, validate, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang, type Lang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate } from '../../ui/format.ts';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import { UnitSelect } from '../criteria/unit-select.tsx';
import type { Post } from '../people/people.api.ts';
import type { PostColumn } from '../people/post-history.tsx';
import { addPost, deletePost, type PostItem } from './criteria-data.api.ts';
import { DeleteAction, FormErrorSummary, useFormErrors, useOutcome } from './form-kit.tsx';

type Named = Pick<Post, 'unitNameJa' | 'unitNameEn' | 'postTitleJa' | 'postTitleEn'>;
const postName = (t: TFunction, lang: Lang, p: Named) => t('people.detail.postAt', { title: pick(lang, p.postTitleJa, p.postTitleEn), unit: pick(lang, p.unitNameJa, p.unitNameEn) });

/**
 * 官職歴の追加・削除, for those who may change the official's criteria facts: `status` (the latest
 * outcome, announced and focused) goes above the history, `column` gives each post a delete button,
 * `form` adds a post. `onChanged` reloads the person.
 */
export function usePostHistoryEdit(person: { id: number; organisationId: number | null }, onChanged: () => void) {
  const { t } = useTranslation();
  const lang = useLang();
  const outcome = useOutcome();

  const column: PostColumn = {
    header: t('criteriaData.actions'),
    cell: (p) => (
      <DeleteAction
        label={t('criteriaData.posts.rowLabel', { post: postName(t, lang, p), start: formatDate(p.startDate, lang) })}
        onConfirm={async () => {
          try {
            await deletePost(person.id, p.id);
            outcome.show({ ok: (t, lang) => t('criteriaData.posts.deleted', { post: postName(t, lang, p) }) });
            onChanged();
          } catch (err) {
            outcome.show({ error: err });
          }
        }}
      />
    ),
  };
  const form = (
    <PostForm
      person={person}
      onAdded={(p) => {
        outcome.show({ ok: (t, lang) => t('criteriaData.posts.added', { post: postName(t, lang, p) }) });
        onChanged();
      }}
    />
  );
  return { status: outcome.view('posts-outcome'), column, form };
}

const P = 'post.';

type Values = { organisationId: string; unitId: string; postTitleJa: string; postTitleEn: string; startDate: string; endDate: string; handlesLicensing: boolean };

function PostForm({ person, onAdded }: { person: { id: number; organisationId: number | null }; onAdded: (p: PostItem) => void }) {
  const { t } = useTranslation();
  const { account } = useSession();
  // A ministry's HR adds posts in its own units only; the NPA starts from the official's ministry.
  const own = account?.role === 'ministry_hr' ? account.organisationId : null;
  const startOrganisation = own ?? person.organisationId;
  const empty: Values = {
    organisationId: startOrganisation != null ? String(startOrganisation) : '',
    unitId: '',
    postTitleJa: '',
    postTitleEn: '',
    startDate: '',
    endDate: '',
    handlesLicensing: true,
  };
  const form = useFormErrors(P);
  const [v, setV] = useState<Values>(empty);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((d) => ({ ...d, [k]: value }));
    form.clear(k);
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems: FieldErrors = {};
    // Without a ministry the unit list is disabled: the error belongs to the ministry.
    if (!v.organisationId) problems.organisationId = copyMessage('choose');
    else if (!v.unitId) problems.unitId = copyMessage('choose');
    if (!v.postTitleJa.trim()) problems.postTitleJa = copyMessage('required');
    if (!v.startDate) problems.startDate = copyMessage('required');
    const checked = validate(postInputSchema, {
      unitId: Number(v.unitId) || 1,
      postTitleJa: v.postTitleJa.trim() || '—',
      postTitleEn: v.postTitleEn.trim() || null,
      startDate: v.startDate || '2000-01-01',
      endDate: v.endDate || null,
      handlesLicensing: v.handlesLicensing,
    });
    if (!checked.ok) for (const [k, m] of Object.entries(checked.errors)) problems[k] ??= m;
    if (Object.keys(problems).length || !checked.ok) return form.fail(problems);
    setBusy(true);
    try {
      const added = await addPost(person.id, checked.value);
      form.reset();
      setV(empty);
      onAdded(added);
    } catch (err) {
      form.failWith(err);
    } finally {
      setBusy(false);
    }
  }

  const labels = {
    organisationId: t('criteriaData.organisation'),
    unitId: t('criteriaData.unit'),
    postTitleJa: t('criteriaData.posts.title'),
    postTitleEn: t('criteriaData.posts.titleEn'),
    startDate: t('criteriaData.startDate'),
    endDate: t('criteriaData.endDate'),
    handlesLicensing: t('criteriaData.posts.handlesLicensing'),
  };
  const hintId = `${form.id('handlesLicensing')}-hint`;
  return (
    <div className="mt-6 max-w-3xl rounded-8 border border-solid-gray-420 p-5">
      <FormErrorSummary form={form} prefix={P} fields={Object.entries(labels).map(([field, label]) => ({ field, label }))} />
      <form noValidate onSubmit={onSubmit} aria-labelledby="post-form-heading" aria-describedby="post-form-lead" className="flex flex-col gap-5" data-testid="post-form">
        <h3 id="post-form-heading" className="text-std-18B-160">
          {t('criteriaData.posts.addHeading')}
        </h3>
        <p id="post-form-lead" className="-mt-3 text-std-16N-170 text-solid-gray-800">
          {t('criteriaData.posts.lead')}
        </p>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('criteriaData.posts.unitLegend')}</legend>
          <UnitSelect
            idPrefix={form.id('')}
            organisationId={v.organisationId}
            unitId={v.unitId}
            onlyOrganisationId={own}
            required
            organisationHint={own != null ? t('criteriaData.ownOrganisationOnly') : undefined}
            unitError={form.error('unitId')}
            organisationError={form.error('organisationId')}
            onChange={({ organisationId, unitId }) => {
              setV((d) => ({ ...d, organisationId, unitId }));
              form.clear('unitId');
              form.clear('organisationId');
            }}
          />
        </fieldset>
        <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <TextField
            id={form.id('postTitleJa')}
            label={labels.postTitleJa}
            hint={t('criteriaData.posts.titleHint')}
            required
            maxLength={200}
            autoComplete="off"
            value={v.postTitleJa}
            error={form.error('postTitleJa')}
            onChange={(e) => set('postTitleJa', e.target.value)}
          />
          <TextField
            id={form.id('postTitleEn')}
            label={labels.postTitleEn}
            hint={t('criteriaData.posts.titleEnHint')}
            required={false}
            maxLength={200}
            autoComplete="off"
            lang="en"
            value={v.postTitleEn}
            error={form.error('postTitleEn')}
            onChange={(e) => set('postTitleEn', e.target.value)}
          />
        </div>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('criteriaData.posts.period')}</legend>
          <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
            <TextField id={form.id('startDate')} type="date" label={labels.startDate} required value={v.startDate} error={form.error('startDate')} onChange={(e) => set('startDate', e.target.value)} />
            <TextField
              id={form.id('endDate')}
              type="date"
              label={labels.endDate}
              hint={t('criteriaData.posts.endDateHint')}
              required={false}
              value={v.endDate}
              error={form.error('endDate')}
              onChange={(e) => set('endDate', e.target.value)}
            />
          </div>
        </fieldset>
        <div className="flex flex-col gap-1">
          <label className="flex cursor-pointer items-center gap-3">
            <input
              id={form.id('handlesLicensing')}
              type="checkbox"
              className="size-5 shrink-0 accent-blue-900"
              checked={v.handlesLicensing}
              aria-describedby={hintId}
              onChange={(e) => set('handlesLicensing', e.target.checked)}
            />
            <span className="text-std-16B-170">{labels.handlesLicensing}</span>
          </label>
          <p id={hintId} className="pl-8 text-dns-14N-130 leading-150 text-solid-gray-700">
            {t('criteriaData.posts.handlesLicensingHint')}
          </p>
        </div>
        <div>
          <Button type="submit" variant="secondary" disabled={busy} data-testid="post-submit">
            {t('criteriaData.posts.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
