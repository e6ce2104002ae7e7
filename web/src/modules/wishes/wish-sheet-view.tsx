import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeLabel, PublicWishDetail } from '../../../../common/src/schemas/wishes.schema.ts';
import { pick, useLang, type Lang } from '../../i18n.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { DescriptionList, SectionHeading, type DescriptionItem } from '../../ui/primitives.tsx';
import { Prose } from '../public-call/labels.tsx';
import { usePeriodText, useStartText, useDirectionText } from './wish-card.tsx';
import { ageBandLabel, fieldOfWorkLabel, joinLabels, positionLevelLabel, WishKindBadge } from './wish-labels.tsx';

// A whole wish sheet, read-only: what the public page and its printout show. Every field the
// owner entered is here, in the order of the editor.

export type SheetForView = Pick<
  PublicWishDetail,
  'reference' | 'kind' | 'direction' | 'title' | 'owner' | 'content' | 'industries' | 'prefecture' | 'wantedMinistries' | 'expiresOn' | 'updatedAt'
> & { publishedAt: string | null };

const words = (list: readonly string[], lang: Lang, label: (c: string, l: Lang) => string, none: string) => (list.length ? joinLabels(list.map((c) => label(c, lang)), lang) : none);

function Words({ list }: { list: readonly string[] }) {
  if (!list.length) return <span>—</span>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {list.map((w) => (
        <li key={w} className="rounded-4 border border-solid-gray-420 bg-solid-gray-50 px-1.5 py-0.5 text-dns-14N-130">
          {w}
        </li>
      ))}
    </ul>
  );
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-6">
      <SectionHeading id={id} className="mt-6">
        {title}
      </SectionHeading>
      {children}
    </section>
  );
}

export function WishSheetView({ sheet, actions }: { sheet: SheetForView; actions?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const periodText = usePeriodText();
  const startText = useStartText();
  const directionText = useDirectionText();
  const c = sheet.content;
  const labels = (l: CodeLabel[]) => joinLabels(l.map((x) => x[lang]), lang);
  const anyIndustry = t('wishes.sheet.anyIndustry');
  const noLimit = t('wishes.sheet.noLimit');

  const overview: DescriptionItem[] = [
    { term: t('wishes.sheet.kind'), value: t(`wishes.kind.${sheet.kind}`) },
    { term: t('wishes.sheet.direction'), value: directionText(sheet.direction) },
    { term: t('wishes.sheet.owner'), value: pick(lang, sheet.owner.nameJa, sheet.owner.nameEn) },
    { term: t('wishes.sheet.reference'), value: sheet.reference },
    { term: t('wishes.sheet.period'), value: periodText(c.periodMonths) },
    { term: t('wishes.sheet.start'), value: startText(c.start) },
  ];
  if (sheet.publishedAt) overview.push({ term: t('wishes.sheet.published'), value: formatDate(sheet.publishedAt, lang) });
  overview.push({ term: t('wishes.sheet.updated'), value: formatDate(sheet.updatedAt, lang) });
  overview.push({ term: t('wishes.sheet.expiresOn'), value: sheet.expiresOn ? formatDate(sheet.expiresOn, lang) : t('wishes.sheet.noExpiry') });

  let body: ReactNode;
  if (c.kind === 'company') {
    const company: DescriptionItem[] = [
      { term: t('wishes.sheet.industry'), value: sheet.industries.length ? labels(sheet.industries) : '—' },
      { term: t('wishes.sheet.prefecture'), value: sheet.prefecture ? sheet.prefecture[lang] : '—' },
      { term: t('wishes.sheet.wantedMinistries'), value: sheet.wantedMinistries.length ? labels(sheet.wantedMinistries) : t('wishes.sheet.anyMinistry') },
    ];
    body = (
      <>
        <Section id="sheet-company" title={t('wishes.sheet.companySection')}>
          <DescriptionList items={company} />
        </Section>
        <Section id="sheet-hosts" title={t('wishes.sheet.hostsSection')}>
          <p className="mb-3 text-std-16N-170 text-solid-gray-800">{t('wishes.sheet.hostsLead')}</p>
          {c.hosts.length === 0 ? <p className="text-std-16N-170">{t('wishes.sheet.noHosts')}</p> : null}
          {c.hosts.map((h, i) => (
            <section key={i} aria-labelledby={`sheet-host-${i}`} className="mb-4">
              <h3 id={`sheet-host-${i}`} className="mb-2 text-std-18B-160">
                {t('wishes.sheet.hostHeading', { n: i + 1, place: h.place })}
              </h3>
              <DescriptionList
                items={[
                  { term: t('wishes.sheet.fields'), value: words(h.fields, lang, fieldOfWorkLabel, '—') },
                  { term: t('wishes.sheet.hostDuties'), value: <Prose text={h.duties} /> },
                  { term: t('wishes.sheet.hostSkills'), value: <Words list={h.skills} /> },
                  { term: t('wishes.sheet.ageBands'), value: words(h.ageBands, lang, ageBandLabel, noLimit) },
                ]}
              />
            </section>
          ))}
        </Section>
        <Section id="sheet-sends" title={t('wishes.sheet.sendsSection')}>
          <p className="mb-3 text-std-16N-170 text-solid-gray-800">{t('wishes.sheet.sendsLead')}</p>
          {c.sends.length === 0 ? <p className="text-std-16N-170">{t('wishes.sheet.noSends')}</p> : null}
          {c.sends.map((s, i) => (
            <section key={i} aria-labelledby={`sheet-send-${i}`} className="mb-4">
              <h3 id={`sheet-send-${i}`} className="mb-2 text-std-18B-160">
                {t('wishes.sheet.sendHeading', { n: i + 1 })}
              </h3>
              <DescriptionList
                items={[
                  { term: t('wishes.sheet.fields'), value: words(s.fields, lang, fieldOfWorkLabel, '—') },
                  { term: t('wishes.sheet.sendSkills'), value: <Words list={s.skills} /> },
                  { term: t('wishes.sheet.ageBand'), value: s.ageBand ? ageBandLabel(s.ageBand, lang) : '—' },
                  { term: t('wishes.sheet.positionLevel'), value: s.positionLevel ? positionLevelLabel(s.positionLevel, lang) : '—' },
                ]}
              />
            </section>
          ))}
        </Section>
      </>
    );
  } else {
    const items: DescriptionItem[] = [];
    if (c.kind === 'ministry_hire') {
      items.push({ term: t('wishes.sheet.post'), value: c.post }, { term: t('wishes.sheet.duties'), value: <Prose text={c.duties} /> });
    }
    items.push(
      { term: t(c.kind === 'ministry_hire' ? 'wishes.sheet.fields' : 'wishes.sheet.fieldsDispatch'), value: words(c.fields, lang, fieldOfWorkLabel, '—') },
      { term: t('wishes.sheet.industries'), value: sheet.industries.length ? labels(sheet.industries) : anyIndustry },
      { term: t(c.kind === 'ministry_hire' ? 'wishes.sheet.skillsHire' : 'wishes.sheet.skillsDispatch'), value: <Words list={c.skills} /> },
    );
    if (c.kind === 'ministry_hire') items.push({ term: t('wishes.sheet.experience'), value: <Prose text={c.experience} /> });
    items.push(
      { term: t('wishes.sheet.ageBands'), value: words(c.ageBands, lang, ageBandLabel, noLimit) },
      { term: t('wishes.sheet.positionLevels'), value: words(c.positionLevels, lang, positionLevelLabel, noLimit) },
      { term: t('wishes.sheet.headcount'), value: t('wishes.sheet.people', { count: c.headcount, n: formatNumber(c.headcount, lang) }) },
    );
    body = (
      <Section id="sheet-wish" title={t(c.kind === 'ministry_hire' ? 'wishes.sheet.hireSection' : 'wishes.sheet.dispatchSection')}>
        <DescriptionList items={items} />
      </Section>
    );
  }

  return (
    <div data-testid="wish-sheet">
      {/* The kind and number again in the overview: the printout leaves this line out. */}
      <div className="mb-2 flex flex-wrap items-center gap-2" data-print-hide>
        <WishKindBadge kind={sheet.kind} />
        <span className="text-dns-14N-130 text-solid-gray-700">{t('wishes.sheet.referenceShort', { reference: sheet.reference })}</span>
      </div>
      {actions}
      <Section id="sheet-overview" title={t('wishes.sheet.overviewSection')}>
        <DescriptionList items={overview} />
      </Section>
      {body}
      <Section id="sheet-notes" title={t('wishes.sheet.notesSection')}>
        <p className="text-std-16N-170">
          <Prose text={c.notes} />
        </p>
      </Section>
      <p className="hidden text-dns-14N-130 print:block">{t('wishes.sheet.printFooter', { reference: sheet.reference, url: `${window.location.origin}/wishes/${sheet.reference}` })}</p>
    </div>
  );
}
