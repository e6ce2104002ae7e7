import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactInputSchema, FOLLOW_UPS, type FollowUp } from '../../../../common/src/schemas/events.schema.ts';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { Select } from '../../ui/select.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../criteria-data/form-kit.tsx';
import { addContact, updateContact, type EventContact, type InfoEvent, type Registration } from './events.api.ts';

/**
 * 説明会後の情報交換: the contact exchanges between companies and ministries recorded after the event
 * (名刺交換、情報交換等) and the secretariat's follow-up of each (contacted → in talks → case opened, or no further).
 */
export function ContactsPanel({ event, contacts, registrations, onChanged, onError }: { event: InfoEvent; contacts: EventContact[]; registrations: Registration[]; onChanged: (message: 'added' | 'updated') => void; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [drafts, setDrafts] = useState<Record<number, FollowUp>>({});
  const companies = [...new Map(registrations.filter((r) => r.status === 'registered').map((r) => [r.companyId, r.companyName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'ja'));
  return (
    <div className="flex flex-col gap-8">
      {contacts.length ? (
        <Table caption={t('events.contacts.caption', { n: formatNumber(contacts.length, lang) })} testId="contacts-table">
          <thead>
            <tr>
              <Th>{t('events.attendance.company')}</Th>
              <Th>{t('events.contacts.ministry')}</Th>
              <Th>{t('events.contacts.note')}</Th>
              <Th>{t('events.contacts.updatedAt')}</Th>
              <Th>{t('events.contacts.followUp')}</Th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => {
              const draft = drafts[c.id] ?? c.followUp;
              const label = t('events.contacts.followUpOf', { company: c.companyName, ministry: pick(lang, c.nameJa, c.nameEn) });
              return (
                <Tr key={c.id}>
                  <Th scope="row" className="min-w-48 font-normal">
                    {c.companyName}
                  </Th>
                  <Td className="min-w-32">{pick(lang, c.nameJa, c.nameEn)}</Td>
                  <Td className="min-w-56">{c.note}</Td>
                  <Td className="min-w-40">
                    <time dateTime={c.updatedAt}>{formatDate(c.updatedAt, lang)}</time>
                  </Td>
                  <Td className="min-w-56">
                    <div className="flex flex-wrap items-center gap-2">
                      <label htmlFor={`follow-up-${c.id}`} className="sr-only">
                        {label}
                      </label>
                      <select
                        id={`follow-up-${c.id}`}
                        className="rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170"
                        value={draft}
                        onChange={(e) => setDrafts((d) => ({ ...d, [c.id]: e.target.value as FollowUp }))}
                      >
                        {FOLLOW_UPS.map((f) => (
                          <option key={f} value={f}>
                            {t(`events.followUp.${f}`)}
                          </option>
                        ))}
                      </select>
                      {draft !== c.followUp ? (
                        <Button
                          size="sm"
                          variant="secondary"
                          aria-label={t('events.contacts.saveLabel', { what: label })}
                          onClick={() =>
                            void updateContact(event.id, c.id, { followUp: draft }).then(
                              () => onChanged('updated'),
                              (err: unknown) => onError(err),
                            )
                          }
                        >
                          {t('common.save')}
                        </Button>
                      ) : null}
                    </div>
                  </Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
      ) : (
        <p className="text-std-16N-170 text-solid-gray-700">{t('events.contacts.none')}</p>
      )}
      <ContactForm event={event} companies={companies} onAdded={() => onChanged('added')} />
    </div>
  );
}

type Values = { companyId: string; organisationId: string; followUp: FollowUp; note: string };
const empty: Values = { companyId: '', organisationId: '', followUp: 'contacted', note: '' };

function ContactForm({ event, companies, onAdded }: { event: InfoEvent; companies: [number, string][]; onAdded: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors('contact.');
  const { values: v, setValues, set, bind } = useFormValues<Values>(form, empty);
  const { busy, submit } = useSubmit(form);
  const labels = { companyId: t('events.attendance.company'), organisationId: t('events.contacts.ministry'), followUp: t('events.contacts.followUp'), note: t('events.contacts.note') };

  async function onSubmit() {
    const problems: Record<string, { ja: string; en: string }> = {};
    if (!v.companyId) problems.companyId = { ja: t('common.choose', { lng: 'ja' }), en: t('common.choose', { lng: 'en' }) };
    if (!v.organisationId) problems.organisationId = { ja: t('common.choose', { lng: 'ja' }), en: t('common.choose', { lng: 'en' }) };
    const input = checkInput(form, contactInputSchema, { ...v, companyId: Number(v.companyId) || 0, organisationId: Number(v.organisationId) || 0 }, problems);
    if (!input) return;
    await submit(
      () => addContact(event.id, input),
      () => {
        setValues(empty);
        onAdded();
      },
    );
  }

  return (
    <RecordForm name="contact" level={3} heading={t('events.contacts.addHeading')} form={form} labels={labels} onSubmit={onSubmit} className="max-w-3xl">
      <Select id={form.id('companyId')} label={labels.companyId} required value={v.companyId} error={form.error('companyId')} onChange={(e) => set('companyId', e.target.value)}>
        <option value="">{t('common.choose')}</option>
        {companies.map(([id, name]) => (
          <option key={id} value={String(id)}>
            {name}
          </option>
        ))}
      </Select>
      <Select id={form.id('organisationId')} label={labels.organisationId} required value={v.organisationId} error={form.error('organisationId')} onChange={(e) => set('organisationId', e.target.value)}>
        <option value="">{t('common.choose')}</option>
        {event.ministries.map((m) => (
          <option key={m.organisationId} value={String(m.organisationId)}>
            {pick(lang, m.nameJa, m.nameEn)}
          </option>
        ))}
      </Select>
      <Select id={form.id('followUp')} label={labels.followUp} required value={v.followUp} error={form.error('followUp')} onChange={(e) => set('followUp', e.target.value as FollowUp)} className="max-w-xs">
        {FOLLOW_UPS.map((f) => (
          <option key={f} value={f}>
            {t(`events.followUp.${f}`)}
          </option>
        ))}
      </Select>
      <TextArea {...bind('note')} label={labels.note} required={false} rows={3} maxLength={2000} />
      <div>
        <Button type="submit" disabled={busy} data-testid="contact-submit">
          {t('events.contacts.add')}
        </Button>
      </div>
    </RecordForm>
  );
}
