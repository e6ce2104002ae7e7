import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { postInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { copyMessage, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang, type Lang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate } from '../../ui/format.ts';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import type { Post } from '../people/people.api.ts';
import type { PostColumn } from '../people/post-history.tsx';
import { addPost, deletePost, type PostItem } from './criteria-data.api.ts';
import { checkInput, DeleteAction, RecordForm, UnitFieldset, unitChoiceProblems, useFormErrors, useFormValues, useOutcome, useSubmit } from './form-kit.tsx';

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
        onConfirm={() => outcome.run(() => deletePost(person.id, p.id), (t, lang) => t('criteriaData.posts.deleted', { post: postName(t, lang, p) }), onChanged)}
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
  const { values: v, setValues, set, bind } = useFormValues<Values>(form, empty);
  const { busy, submit } = useSubmit(form);

  async function onSubmit() {
    const problems: FieldErrors = unitChoiceProblems(v);
    if (!v.postTitleJa.trim()) problems.postTitleJa = copyMessage('required');
    if (!v.startDate) problems.startDate = copyMessage('required');
    const input = checkInput(
      form,
      postInputSchema,
      {
        unitId: Number(v.unitId) || 1,
        postTitleJa: v.postTitleJa.trim() || '—',
        postTitleEn: v.postTitleEn.trim() || null,
        startDate: v.startDate || '2000-01-01',
        endDate: v.endDate || null,
        handlesLicensing: v.handlesLicensing,
      },
      problems,
    );
    if (!input) return;
    await submit(
      () => addPost(person.id, input),
      (added) => {
        setValues(empty);
        onAdded(added);
      },
    );
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
    <RecordForm
      name="post"
      level={3}
      heading={t('criteriaData.posts.addHeading')}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      className="mt-6 max-w-3xl rounded-8 border border-solid-gray-420 p-5"
      describedBy="post-form-lead"
    >
      <p id="post-form-lead" className="-mt-3 text-std-16N-170 text-solid-gray-800">
        {t('criteriaData.posts.lead')}
      </p>
      <UnitFieldset legend={t('criteriaData.posts.unitLegend')} form={form} own={own} value={v} onChange={(u) => setValues((d) => ({ ...d, ...u }))} />
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <TextField {...bind('postTitleJa')} label={labels.postTitleJa} hint={t('criteriaData.posts.titleHint')} required maxLength={200} autoComplete="off" />
        <TextField {...bind('postTitleEn')} label={labels.postTitleEn} hint={t('criteriaData.posts.titleEnHint')} required={false} maxLength={200} autoComplete="off" lang="en" />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('criteriaData.posts.period')}</legend>
        <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
          <TextField {...bind('startDate')} type="date" label={labels.startDate} required />
          <TextField {...bind('endDate')} type="date" label={labels.endDate} hint={t('criteriaData.posts.endDateHint')} required={false} />
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
    </RecordForm>
  );
}
