import { useTranslation } from 'react-i18next';
import { cx } from './cx.ts';

export type LangCode = 'ja' | 'en';

const options: Array<{ code: LangCode; label: string }> = [
  { code: 'ja', label: '日本語' },
  { code: 'en', label: 'English' },
];

/** Two toggle buttons; aria-pressed announces which language is on. Labels stay in their own language. */
export function LanguageSwitch({ current, onChange }: { current: LangCode; onChange: (lang: LangCode) => void }) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={t('lang.groupLabel')} className="inline-flex rounded-8 border border-solid-gray-600 bg-white p-0.5">
      {options.map((o) => {
        const on = o.code === current;
        return (
          <button
            key={o.code}
            type="button"
            lang={o.code}
            aria-pressed={on}
            data-testid={`lang-${o.code}`}
            onClick={() => {
              if (!on) onChange(o.code);
            }}
            className={cx(
              'min-h-9 min-w-16 rounded-6 px-3 text-oln-14B-100',
              on ? 'bg-blue-900 text-white' : 'bg-white text-blue-900 underline hover:bg-blue-50',
            )}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
