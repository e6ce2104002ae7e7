import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { Badge } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import type { Lookup } from '../reference/use-reference.ts';
import { ApplicationStatusBadge, Prose, useDirectionsText } from './labels.tsx';
import type { Paged, ReviewItem } from './public-call.api.ts';

type Props = {
  data: Paged<ReviewItem>;
  lookup: Lookup;
  busy: boolean;
  onAccept: (item: ReviewItem) => void;
  onReturn: (item: ReviewItem) => void;
};

/** The NPA's queue: each application with its company, the entity-type check for today, what it asks for, whom to contact, and the decision buttons. */
export function ReviewTable({ data, lookup, busy, onAccept, onReturn }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const directions = useDirectionsText();
  return (
    <Table caption={t('publicCall.review.caption', { total: formatNumber(data.total, lang) })} testId="review-table">
      <thead>
        <tr>
          <Th>{t('publicCall.company')}</Th>
          <Th>{t('publicCall.review.request')}</Th>
          <Th>{t('publicCall.contact')}</Th>
          <Th className="whitespace-nowrap">{t('publicCall.submittedAt')}</Th>
          <Th>{t('publicCall.actions')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((a) => {
          const messageId = `review-eligibility-${a.id}`;
          return (
            <Tr key={a.id}>
              <Th scope="row" className="min-w-60 font-normal whitespace-normal">
                <Link to={`/companies/${a.companyId}`} className="font-bold">
                  {a.companyName}
                </Link>
                <span className="block font-mono text-dns-14N-130 text-solid-gray-700">{a.corporateNumber}</span>
                <span className="mt-1 block">{lookup.legalType(a.legalTypeCode)}</span>
                <span className="mt-1 block">
                  <Badge tone={a.eligibility.eligible ? 'green' : 'orange'}>{t(a.eligibility.eligible ? 'publicCall.review.eligible' : 'publicCall.review.ineligible')}</Badge>
                </span>
                {!a.eligibility.eligible ? (
                  <span id={messageId} className="mt-1 block text-dns-14N-130 text-solid-gray-800" data-testid="eligibility-message">
                    {a.eligibility.message[lang]}
                  </span>
                ) : null}
              </Th>
              <Td className="min-w-64">
                <span className="block font-bold">{directions(a)}</span>
                <span className="mt-1 block">
                  <span className="text-solid-gray-700">{t('publicCall.divisionsPrefix')}</span>
                  <Prose text={a.divisions} />
                </span>
                <span className="mt-1 block">
                  <span className="text-solid-gray-700">{t('publicCall.conditionsPrefix')}</span>
                  <Prose text={a.conditions} />
                </span>
                {a.returnReason ? (
                  <span className="mt-1 block">
                    <span className="text-solid-gray-700">{t('publicCall.returnReasonPrefix')}</span>
                    <Prose text={a.returnReason} />
                  </span>
                ) : null}
              </Td>
              <Td className="min-w-52">
                <span className="block">{a.contactName}</span>
                <a href={`mailto:${a.contactEmail}`} className="block break-all">
                  {a.contactEmail}
                </a>
                {a.contactPhone ? <span className="block">{a.contactPhone}</span> : null}
              </Td>
              <Td className="min-w-44">
                <time dateTime={a.submittedAt}>{formatDate(a.submittedAt, lang)}</time>
                {a.decidedAt ? (
                  <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{t('publicCall.own.decidedOn', { date: formatDate(a.decidedAt, lang) })}</span>
                ) : null}
              </Td>
              <Td>
                {a.status === 'submitted' ? (
                  <div className="flex flex-col items-start gap-2">
                    {a.eligibility.eligible ? (
                      <Button size="sm" disabled={busy} aria-label={t('publicCall.review.acceptLabel', { company: a.companyName })} onClick={() => onAccept(a)} data-testid="accept">
                        {t('publicCall.review.accept')}
                      </Button>
                    ) : (
                      <span className="text-dns-14N-130 text-solid-gray-800">{t('publicCall.review.cannotAccept')}</span>
                    )}
                    <Button
                      size="sm"
                      variant={a.eligibility.eligible ? 'danger' : 'primary'}
                      disabled={busy}
                      aria-label={t('publicCall.review.returnLabel', { company: a.companyName })}
                      aria-describedby={a.eligibility.eligible ? undefined : messageId}
                      onClick={() => onReturn(a)}
                      data-testid="return"
                    >
                      {t('publicCall.review.return')}
                    </Button>
                  </div>
                ) : (
                  <ApplicationStatusBadge status={a.status} />
                )}
              </Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
