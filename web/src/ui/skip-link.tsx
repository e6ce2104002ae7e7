import { useTranslation } from 'react-i18next';

export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation();
  return (
    <a
      href={`#${targetId}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
      className="sr-only z-50 rounded-8 bg-yellow-300 text-std-16B-170 text-black visited:text-black focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:px-4 focus:py-3"
    >
      {t('skipLink')}
    </a>
  );
}
