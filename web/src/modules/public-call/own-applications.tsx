import { useTranslation } from 'react-i18next';
import type { QueryState } from '../../api-hooks.ts';
import { useLang } from '../../i18n.ts';
import { formatDate } from '../../ui/format.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { LoadedList } from '../criteria-data/form-kit.tsx';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { ApplicationStatusBadge, Prose, useDirectionsText } from './labels.tsx';
import type { CallApplication } from './public-call.api.ts';

/** The company's applications, newest first, with their status, the NPA's reason for a return, and withdrawal of an open one. */
export function OwnApplications({ state, onWithdraw }: { state: QueryState<{ items: CallApplication[] }>; onWithdraw: (a: CallApplication) => Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const directions = useDirectionsText();
  const items = state.data?.items ?? [];
  return (
    <LoadedList state={state} count={items.length} empty={t('publicCall.own.empty')}>
      {() => (
        <Table caption={t('publicCall.own.caption', { count: items.length })} testId="own-applications">
          <thead>
            <tr>
              <Th className="whitespace-nowrap">{t('publicCall.submittedAt')}</Th>
              <Th>{t('publicCall.statusLabel')}</Th>
              <Th>{t('publicCall.directions')}</Th>
              <Th>{t('publicCall.divisions')}</Th>
              <Th>{t('publicCall.own.decision')}</Th>
              <Th>{t('publicCall.actions')}</Th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <Tr key={a.id}>
                <Th scope="row" className="min-w-44 font-normal">
                  <time dateTime={a.submittedAt}>{formatDate(a.submittedAt, lang)}</time>
                </Th>
                <Td>
                  <ApplicationStatusBadge status={a.status} />
                </Td>
                <Td className="min-w-32">{directions(a)}</Td>
                <Td className="min-w-48">
                  <Prose text={a.divisions} />
                </Td>
                <Td className="min-w-56">
                  {a.decidedAt ? (
                    <span className="block">
                      {t(a.status === 'returned' ? 'publicCall.own.returnedOn' : 'publicCall.own.decidedOn', { date: formatDate(a.decidedAt, lang) })}
                    </span>
                  ) : null}
                  {a.returnReason ? (
                    <span className="mt-1 block" data-testid="return-reason">
                      <span className="font-bold">{t('publicCall.returnReasonPrefix')}</span>
                      <Prose text={a.returnReason} />
                    </span>
                  ) : null}
                  {!a.decidedAt && !a.returnReason ? '—' : null}
                </Td>
                <Td>
                  {a.status === 'submitted' || a.status === 'accepted' ? (
                    <ConfirmAction
                      label={t('publicCall.own.withdraw')}
                      question={t(a.status === 'accepted' ? 'publicCall.own.confirmWithdrawAccepted' : 'publicCall.own.confirmWithdraw')}
                      confirm={t('publicCall.own.confirmWithdrawYes')}
                      ariaLabel={t('publicCall.own.withdrawLabel', { date: formatDate(a.submittedAt, lang) })}
                      testId="withdraw"
                      onConfirm={() => onWithdraw(a)}
                    />
                  ) : null}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </LoadedList>
  );
}
