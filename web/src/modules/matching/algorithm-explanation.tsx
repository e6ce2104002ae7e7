import { useTranslation } from 'react-i18next';

/**
 * How a round finds its proposals, in plain words (deferred acceptance, who proposes, stability,
 * capacities, barred pairs), for the round's settings. The same text for the center and the
 * participants: everyone can see how the result comes about.
 */
export function AlgorithmExplanation({ proposingSide, maxRanks, headingId = 'algorithm-heading' }: { proposingSide: 'ministry' | 'company'; maxRanks: number; headingId?: string }) {
  const { t } = useTranslation();
  const proposer = t(`matching.side.${proposingSide}`);
  const receiver = t(`matching.side.${proposingSide === 'ministry' ? 'company' : 'ministry'}`);
  const steps = ['step1', 'step2', 'step3'] as const;
  return (
    <section aria-labelledby={headingId} className="max-w-4xl rounded-8 border border-solid-gray-420 bg-white p-5" data-testid="algorithm">
      <h2 id={headingId} className="text-std-20B-150 text-solid-gray-900">
        {t('matching.algorithm.heading')}
      </h2>
      <p className="mt-2 text-std-16N-175">{t('matching.algorithm.intro', { n: maxRanks })}</p>
      <ol className="mt-3 list-decimal space-y-2 pl-8 text-std-16N-175">
        {steps.map((s) => (
          <li key={s}>{t(`matching.algorithm.${s}`, { proposer, receiver })}</li>
        ))}
      </ol>
      <h3 className="mt-4 text-std-18B-160">{t('matching.algorithm.guaranteesHeading')}</h3>
      <ul className="mt-2 list-disc space-y-2 pl-8 text-std-16N-175">
        <li>{t('matching.algorithm.stable')}</li>
        <li>{t('matching.algorithm.proposerOptimal', { proposer, receiver })}</li>
        <li>{t('matching.algorithm.capacities')}</li>
        <li>{t('matching.algorithm.barred')}</li>
        <li>
          <strong>{t('matching.algorithm.notBinding')}</strong>
        </li>
      </ul>
    </section>
  );
}
