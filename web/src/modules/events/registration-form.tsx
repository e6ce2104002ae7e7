import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationInputSchema } from '../../../../common/src/schemas/events.schema.ts';
import type { FieldErrors } from '../../form-errors.ts';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { errorId } from '../../ui/field.tsx';
import { formatNumber } from '../../ui/format.ts';
import { TextField } from '../../ui/text-field.tsx';
import { checkInput, RecordForm, useFormErrors, useSubmit } from '../criteria-data/form-kit.tsx';
import { registerForEvent, type InfoEvent, type Registration } from './events.api.ts';
import { replayPeriod, sessionTime } from './labels.tsx';

type Person = { name: string; title: string };
const blank: Person = { name: '', title: '' };

/**
 * 説明会への申込み (company HR): a session on site or the online replay, the people who will come
 * (names and titles, repeatable), and the ministries the company wishes to talk with. A session
 * shown as full can still be chosen: the seats may have changed, and the server's answer says why.
 */
export function RegistrationForm({ event, onRegistered, onAttempt }: { event: InfoEvent; onRegistered: (r: Registration) => void; onAttempt?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors('reg.');
  const openSessions = event.sessions.filter((s) => s.open);
  const [choice, setChoice] = useState<string>('');
  const [people, setPeople] = useState<Person[]>([{ ...blank }]);
  const [wanted, setWanted] = useState<number[]>([]);
  const { busy, submit } = useSubmit(form);
  const talks = event.ministries.filter((m) => m.participation === 'talks');
  const online = choice === 'online';

  const setPerson = (i: number, k: keyof Person, v: string) => {
    setPeople((ps) => ps.map((p, j) => (j === i ? { ...p, [k]: v } : p)));
    form.clear(`attendees.${i}.${k}`);
    form.clear('attendees');
  };

  async function onSubmit() {
    onAttempt?.();
    const data = {
      mode: online ? 'online' : 'onsite',
      sessionId: online || !choice ? null : Number(choice),
      attendees: people,
      wantedOrganisationIds: online ? [] : wanted,
    };
    const problems: FieldErrors = {};
    if (people.length > event.maxAttendees) problems.attendees = { ja: t('events.register.tooMany', { lng: 'ja', max: event.maxAttendees }), en: t('events.register.tooMany', { lng: 'en', max: event.maxAttendees }) };
    const input = checkInput(form, registrationInputSchema, data, problems);
    if (!input) return;
    await submit(
      () => registerForEvent(event.id, input),
      (r) => {
        setChoice('');
        setPeople([{ ...blank }]);
        setWanted([]);
        onRegistered(r);
      },
    );
  }

  const labels: Record<string, string> = { sessionId: t('events.register.choice'), attendees: t('events.register.attendees') };
  people.forEach((_, i) => {
    labels[`attendees.${i}.name`] = t('events.register.name', { n: i + 1 });
    labels[`attendees.${i}.title`] = t('events.register.title', { n: i + 1 });
  });
  labels.wantedOrganisationIds = t('events.register.wanted');
  const choiceError = form.error('sessionId');
  const attendeesError = form.error('attendees');
  const wantedError = Object.keys(form.errors).find((k) => k.startsWith(`${form.prefix}wantedOrganisationIds`));
  const replay = replayPeriod(event, lang, t);

  return (
    <RecordForm name="register" level={2} heading={t('events.register.heading')} form={form} labels={labels} onSubmit={onSubmit} className="max-w-3xl" describedBy="register-lead">
      <p id="register-lead" className="text-std-16N-170 text-solid-gray-800">
        {t('events.register.lead')}
      </p>
      <fieldset className="flex flex-col gap-2" aria-describedby={choiceError ? errorId(form.id('sessionId')) : undefined}>
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">
          {labels.sessionId}
          <span className="ml-2 text-dns-14N-130 text-error-2">{t('common.required')}</span>
        </legend>
        {openSessions.map((s, i) => (
          <label key={s.id} className="flex cursor-pointer items-start gap-3 text-std-16N-170">
            <input
              id={i === 0 ? form.id('sessionId') : undefined}
              type="radio"
              name="register-choice"
              value={String(s.id)}
              className="mt-1 size-5 shrink-0 accent-blue-900"
              checked={choice === String(s.id)}
              aria-invalid={choiceError ? true : undefined}
              onChange={() => {
                setChoice(String(s.id));
                form.clear('sessionId');
              }}
              data-testid={`register-session-${s.id}`}
            />
            <span>
              <span className="font-bold">{s.place}</span> {sessionTime(s.startsAt, s.endsAt, lang)}
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {s.seatsLeft === 0 ? t('events.register.fullHint') : t('events.seats.left', { count: s.seatsLeft, n: formatNumber(s.seatsLeft, lang) })}
              </span>
            </span>
          </label>
        ))}
        {event.replayOpen ? (
          <label className="flex cursor-pointer items-start gap-3 text-std-16N-170">
            <input
              id={openSessions.length === 0 ? form.id('sessionId') : undefined}
              type="radio"
              name="register-choice"
              value="online"
              className="mt-1 size-5 shrink-0 accent-blue-900"
              checked={online}
              onChange={() => {
                setChoice('online');
                form.clear('sessionId');
              }}
              data-testid="register-online"
            />
            <span>
              <span className="font-bold">{t('events.register.online')}</span>
              {replay ? <span className="block text-dns-14N-130 text-solid-gray-700">{replay}</span> : null}
            </span>
          </label>
        ) : null}
        {choiceError ? (
          <p id={errorId(form.id('sessionId'))} className="text-dns-16N-130 text-error-2">
            <span aria-hidden="true">＊</span>
            {choiceError}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-4" aria-describedby={['register-attendees-hint', attendeesError ? errorId(form.id('attendees')) : null].filter(Boolean).join(' ')}>
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">
          {labels.attendees}
          <span className="ml-2 text-dns-14N-130 text-error-2">{t('common.required')}</span>
        </legend>
        <p id="register-attendees-hint" className="text-dns-14N-130 text-solid-gray-700">
          {t('events.register.attendeesHint', { max: event.maxAttendees })}
        </p>
        {people.map((p, i) => (
          <div key={i} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4 sm:flex-row sm:items-start" data-testid={`attendee-${i}`}>
            <TextField
              id={form.id(`attendees.${i}.name`)}
              label={labels[`attendees.${i}.name`]}
              required
              autoComplete="off"
              maxLength={100}
              value={p.name}
              error={form.error(`attendees.${i}.name`)}
              onChange={(e) => setPerson(i, 'name', e.target.value)}
              className="flex-1"
            />
            <TextField
              id={form.id(`attendees.${i}.title`)}
              label={labels[`attendees.${i}.title`]}
              required={false}
              autoComplete="off"
              maxLength={100}
              value={p.title}
              error={form.error(`attendees.${i}.title`)}
              onChange={(e) => setPerson(i, 'title', e.target.value)}
              className="flex-1"
            />
            {people.length > 1 ? (
              <Button variant="tertiary" size="sm" className="sm:mt-9" aria-label={t('events.register.removeLabel', { n: i + 1 })} onClick={() => setPeople((ps) => ps.filter((_, j) => j !== i))}>
                {t('events.register.remove')}
              </Button>
            ) : null}
          </div>
        ))}
        {attendeesError ? (
          <p id={errorId(form.id('attendees'))} className="text-dns-16N-130 text-error-2">
            <span aria-hidden="true">＊</span>
            {attendeesError}
          </p>
        ) : null}
        <div>
          <Button variant="secondary" size="sm" disabled={people.length >= event.maxAttendees} onClick={() => setPeople((ps) => [...ps, { ...blank }])} data-testid="register-add-attendee">
            {t('events.register.add')}
          </Button>
        </div>
      </fieldset>

      {!online && talks.length ? (
        <fieldset className="flex flex-col gap-2" aria-describedby="register-wanted-hint">
          <legend className="mb-2 text-std-17B-170 text-solid-gray-900">
            {labels.wantedOrganisationIds}
            <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{t('common.optional')}</span>
          </legend>
          <p id="register-wanted-hint" className="text-dns-14N-130 text-solid-gray-700">
            {t('events.register.wantedHint')}
          </p>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {talks.map((m, i) => (
              <label key={m.organisationId} className="flex cursor-pointer items-center gap-3 text-std-16N-170">
                <input
                  id={i === 0 ? form.id('wantedOrganisationIds') : undefined}
                  type="checkbox"
                  className="size-5 shrink-0 accent-blue-900"
                  checked={wanted.includes(m.organisationId)}
                  onChange={(e) => {
                    setWanted((w) => (e.target.checked ? [...w, m.organisationId] : w.filter((x) => x !== m.organisationId)));
                    for (const k of Object.keys(form.errors)) if (k.startsWith(`${form.prefix}wantedOrganisationIds`)) form.clear(k.slice(form.prefix.length));
                  }}
                />
                {pick(lang, m.nameJa, m.nameEn)}
              </label>
            ))}
          </div>
          {wantedError ? (
            <p className="text-dns-16N-130 text-error-2">
              <span aria-hidden="true">＊</span>
              {form.errors[wantedError]?.[lang]}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" disabled={busy} data-testid="register-submit">
          {t('events.register.submit')}
        </Button>
      </div>
    </RecordForm>
  );
}
