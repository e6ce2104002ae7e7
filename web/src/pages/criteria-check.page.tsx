import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession, type Role } from '../modules/accounts/session.tsx';
import { PasteCheckForm } from '../modules/criteria/paste-check-form.tsx';
import { StoredCheckForm } from '../modules/criteria/stored-check-form.tsx';
import { cx } from '../ui/cx.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { useUrlDraft } from '../ui/search-panel.tsx';

/** Roles that may check stored records; the others (center, company HR) paste the facts themselves. */
export const storedCheckRoles: Role[] = ['npa', 'ministry_hr'];

type Mode = 'stored' | 'paste';

export function CriteriaCheckPage() {
  const { t } = useTranslation();
  usePageTitle(t('criteria.check.title'));
  const { account } = useSession();
  const [params, setParams] = useSearchParams();
  const canStore = account != null && storedCheckRoles.includes(account.role);
  const urlMode: Mode = canStore && params.get('mode') !== 'paste' ? 'stored' : 'paste';
  // Shown at once on a click; the URL (navigation is a transition) follows, and back/forward refill it.
  const [mode, setMode] = useUrlDraft(urlMode);
  const [seed, setSeed] = useState({ text: '', n: 0 });

  const choose = (m: Mode) => {
    setMode(m);
    setParams(m === 'paste' ? { mode: 'paste' } : {}, { replace: true });
  };

  return (
    <>
      <PageHeading title={t('criteria.check.title')} lead={t(canStore ? 'criteria.check.lead' : 'criteria.check.leadPasteOnly')} />
      {canStore ? (
        <fieldset className="mb-10">
          <legend className="mb-3 text-std-17B-170 text-solid-gray-900">{t('criteria.check.modeLegend')}</legend>
          <div className="grid max-w-4xl grid-cols-1 gap-3 md:grid-cols-2">
            {(['stored', 'paste'] as const).map((m) => (
              <label
                key={m}
                className={cx(
                  'flex cursor-pointer items-start gap-3 rounded-8 border p-4 hover:bg-blue-50',
                  mode === m ? 'border-2 border-blue-900 bg-blue-50' : 'border-solid-gray-600 bg-white',
                )}
              >
                <input
                  type="radio"
                  name="criteria-mode"
                  value={m}
                  data-testid={`mode-${m}`}
                  className="mt-1.5 size-5 shrink-0 accent-blue-900"
                  checked={mode === m}
                  aria-describedby={`criteria-mode-${m}-hint`}
                  onChange={() => choose(m)}
                />
                <span className="flex flex-col">
                  <span className="text-std-16B-170">{t(`criteria.check.mode.${m}`)}</span>
                  <span id={`criteria-mode-${m}-hint`} className="text-dns-14N-130 leading-150 text-solid-gray-700">
                    {t(`criteria.check.mode.${m}Hint`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {mode === 'stored' ? (
        <StoredCheckForm
          onOpenInPaste={(text) => {
            setSeed((s) => ({ text, n: s.n + 1 }));
            choose('paste');
          }}
        />
      ) : (
        <PasteCheckForm key={seed.n} initialText={seed.text} />
      )}
    </>
  );
}
