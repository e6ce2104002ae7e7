import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { pick, useLang } from '../../i18n.ts';
import type { Post } from '../people/people.api.ts';
import type { PostColumn } from '../people/post-history.tsx';
import { setPostLicensing } from './criteria-data.api.ts';

/**
 * 許認可等の事務を所掌: a column of the post history. Those who may change it get a checkbox per post
 * that saves at once (the result is announced); others read 所掌する / 所掌しない.
 */
export function usePostLicensing(personId: number, canWrite: boolean) {
  const { t } = useTranslation();
  const lang = useLang();
  const [saved, setSaved] = useState<Record<number, boolean>>({});
  const [busy, setBusy] = useState<number | null>(null);
  // The last saved change, worded when shown (it follows a change of language).
  const [last, setLast] = useState<{ post: Post; on: boolean } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const valueOf = (p: Post) => saved[p.id] ?? p.handlesLicensing ?? true;
  const postName = (p: Post) => `${pick(lang, p.unitNameJa, p.unitNameEn)} ${pick(lang, p.postTitleJa, p.postTitleEn)}`;

  // The box follows the click at once; a refused change puts it back and says why.
  async function change(p: Post, next: boolean) {
    const previous = valueOf(p);
    setSaved((s) => ({ ...s, [p.id]: next }));
    setBusy(p.id);
    setFailure(null);
    setLast(null);
    try {
      const r = await setPostLicensing(personId, p.id, next);
      setSaved((s) => ({ ...s, [p.id]: r.handlesLicensing }));
      setLast({ post: p, on: r.handlesLicensing });
    } catch (err) {
      setSaved((s) => ({ ...s, [p.id]: previous }));
      setFailure(isApiError(err) ? err : unexpectedError());
    } finally {
      setBusy(null);
    }
  }

  const column: PostColumn = {
    header: t('criteriaData.licensing.column'),
    cell: (p) => {
      const on = valueOf(p);
      if (!canWrite) return <span data-testid={`licensing-${p.id}`}>{t(on ? 'criteriaData.licensing.on' : 'criteriaData.licensing.off')}</span>;
      return (
        <label className="flex cursor-pointer items-center gap-2">
          <input
            type="checkbox"
            className="size-5 shrink-0 accent-blue-900"
            data-testid={`licensing-${p.id}`}
            checked={on}
            disabled={busy === p.id}
            onChange={(e) => void change(p, e.target.checked)}
          />
          <span>
            <span className="sr-only">{postName(p)}：</span>
            {t('criteriaData.licensing.checkbox')}
          </span>
        </label>
      );
    },
  };

  const status = (
    <>
      <p className="mb-3 max-w-4xl text-std-16N-170 text-solid-gray-700">{t(canWrite ? 'criteriaData.licensing.noteWrite' : 'criteriaData.licensing.note')}</p>
      <div role="status" className="text-std-16N-170 text-success-2" data-testid="licensing-status">
        {last ? (
          <p className="mb-3">
            <span aria-hidden="true">✓ </span>
            {t(last.on ? 'criteriaData.licensing.savedOn' : 'criteriaData.licensing.savedOff', { post: postName(last.post) })}
          </p>
        ) : null}
      </div>
      {failure ? <ErrorAlert error={failure} /> : null}
    </>
  );
  return { column, status };
}
