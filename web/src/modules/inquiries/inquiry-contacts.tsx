import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app-errors.tsx';
import { pick, useLang } from '../../i18n.ts';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { DescriptionList, Loading, SectionHeading } from '../../ui/primitives.tsx';
import type { useOutcome } from '../criteria-data/form-kit.tsx';
import { agreeToExchange, useInquiryContacts, withdrawAgreement, type InquiryContacts, type InquiryDetail } from './inquiries.api.ts';

type Outcome = ReturnType<typeof useOutcome>;

/**
 * 連絡先の交換: what agreeing means, where each side stands (in words, not colour), and the agree /
 * withdraw buttons for the two sides. The window sees only whether contacts were exchanged.
 */
export function AgreementPanel({ inquiry, outcome, onChanged }: { inquiry: InquiryDetail; outcome: Outcome; onChanged: () => void }) {
  const { t } = useTranslation();
  const state = (agreed: boolean) => t(agreed ? 'inquiries.agreement.agreed' : 'inquiries.agreement.notAgreed');
  const exchanged = inquiry.askerAgreed && inquiry.ownerAgreed;
  if (inquiry.mySide === 'center') {
    return (
      <section aria-labelledby="agreement-heading" className="mt-10 max-w-4xl" data-testid="agreement-panel">
        <SectionHeading id="agreement-heading">{t('inquiries.agreement.heading')}</SectionHeading>
        <p className="text-std-16N-170" data-testid="agreement-state">
          {t('inquiries.agreement.centerState', {
            state: exchanged ? t('inquiries.agreement.centerExchanged') : t('inquiries.agreement.centerPending', { asker: state(inquiry.askerAgreed), owner: state(inquiry.ownerAgreed) }),
          })}
        </p>
      </section>
    );
  }
  const mine = inquiry.mySide === 'asker' ? inquiry.askerAgreed : inquiry.ownerAgreed;
  const theirs = inquiry.mySide === 'asker' ? inquiry.ownerAgreed : inquiry.askerAgreed;
  return (
    <section aria-labelledby="agreement-heading" className="mt-10 max-w-4xl" data-testid="agreement-panel">
      <SectionHeading id="agreement-heading">{t('inquiries.agreement.heading')}</SectionHeading>
      <p className="mb-4 text-std-16N-170 text-solid-gray-800" id="agreement-explain">
        {t('inquiries.agreement.explain')}
      </p>
      <DescriptionList
        items={[
          { term: t('inquiries.agreement.you'), value: <span data-testid="agreement-mine">{state(mine)}</span> },
          { term: t('inquiries.agreement.other'), value: <span data-testid="agreement-theirs">{state(theirs)}</span> },
        ]}
      />
      <div className="mt-4 flex flex-wrap gap-3">
        {inquiry.can.agree ? (
          <ConfirmAction
            label={t('inquiries.agreement.agree')}
            question={t('inquiries.agreement.confirmAgree')}
            confirm={t('inquiries.agreement.confirmAgreeYes')}
            variant="primary"
            testId="agree"
            onConfirm={() =>
              outcome.run(
                () => agreeToExchange(inquiry.id, inquiry.version),
                (t) => t(theirs ? 'inquiries.agreement.exchanged' : 'inquiries.agreement.agreedDone'),
                onChanged,
              )
            }
          />
        ) : null}
        {inquiry.can.withdrawAgreement ? (
          <ConfirmAction
            label={t('inquiries.agreement.withdraw')}
            question={t('inquiries.agreement.confirmWithdraw')}
            confirm={t('inquiries.agreement.confirmWithdrawYes')}
            variant="secondary"
            testId="withdraw-agreement"
            onConfirm={() => outcome.run(() => withdrawAgreement(inquiry.id, inquiry.version), (t) => t('inquiries.agreement.withdrawn'), onChanged)}
          />
        ) : null}
      </div>
    </section>
  );
}

/** Both sides' contacts, once exchanged, for the two sides only (the server audits each read). */
export function ContactsPanel({ inquiry }: { inquiry: InquiryDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useInquiryContacts(inquiry.id, inquiry.can.readContacts);
  if (!inquiry.can.readContacts) return null;
  const c = state.data;
  return (
    <section aria-labelledby="contacts-heading" className="mt-10 max-w-6xl" data-testid="contacts-panel">
      <SectionHeading id="contacts-heading">{t('inquiries.contacts.heading')}</SectionHeading>
      <p className="mb-4 text-dns-14N-130 text-solid-gray-700">{t('inquiries.contacts.auditNote')}</p>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {c ? (
        <>
          <p className="mb-4 text-std-16N-170">{t('inquiries.contacts.exchangedAt', { at: formatDateTime(c.exchangedAt, lang) })}</p>
          <div className="grid gap-6 lg:grid-cols-2">
            {(['asker', 'owner'] as const).map((side) => (
              <ContactCard key={side} contact={c[side]} heading={t(`inquiries.side.${side}`)} />
            ))}
          </div>
          {c.sheetContact ? (
            <div className="mt-6">
              <h3 className="mb-2 text-std-18B-160">{t('inquiries.contacts.sheetContact')}</h3>
              <DescriptionList
                items={[
                  ...(c.sheetContact.name ? [{ term: t('inquiries.contacts.name'), value: c.sheetContact.name }] : []),
                  ...(c.sheetContact.email ? [{ term: t('inquiries.contacts.email'), value: <a href={`mailto:${c.sheetContact.email}`}>{c.sheetContact.email}</a> }] : []),
                  ...(c.sheetContact.phone ? [{ term: t('inquiries.contacts.phone'), value: c.sheetContact.phone }] : []),
                ]}
              />
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function ContactCard({ contact, heading }: { contact: InquiryContacts['asker']; heading: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div data-testid={`contact-${contact.side}`}>
      <h3 className="mb-2 text-std-18B-160">{heading}</h3>
      <DescriptionList
        items={[
          { term: t('inquiries.contacts.organisation'), value: lang === 'ja' ? `${contact.organisationName.ja}（${t(`inquiries.party.${contact.type}`)}）` : `${pick(lang, contact.organisationName.ja, contact.organisationName.en)} (${t(`inquiries.party.${contact.type}`)})` },
          { term: t('inquiries.contacts.name'), value: contact.displayName },
          { term: t('inquiries.contacts.email'), value: <a href={`mailto:${contact.email}`}>{contact.email}</a> },
        ]}
      />
    </div>
  );
}
