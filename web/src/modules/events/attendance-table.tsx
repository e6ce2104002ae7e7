import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { recordAttendance, type EventFigures, type Registration } from './events.api.ts';
import { RegistrationStatus, RegistrationWhere } from './own-registrations.tsx';

const text = (v: number | null) => (v === null ? '' : String(v));

/**
 * 申込みと出席: every registration with its attendees (the organisers' read is audited), and an
 * input per live registration for the people who came (on site) or watched (online). Blank: not
 * recorded yet; 0: nobody came.
 */
export function AttendanceTable({ eventId, items, onSaved, onError }: { eventId: number; items: Registration[]; onSaved: (f: EventFigures) => void; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [values, setValues] = useState<Record<number, string>>(() => Object.fromEntries(items.map((r) => [r.id, text(r.attendedCount)])));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function save() {
    const problems: Record<number, string> = {};
    const changed: { registrationId: number; attendedCount: number | null }[] = [];
    for (const r of items) {
      if (r.status !== 'registered') continue;
      const raw = (values[r.id] ?? '').normalize('NFKC').trim();
      const value = raw === '' ? null : Number(raw);
      if (value !== null && (!Number.isInteger(value) || value < 0 || value > r.attendeeCount)) {
        problems[r.id] = t('events.attendance.range', { max: r.attendeeCount });
        continue;
      }
      if (value !== r.attendedCount) changed.push({ registrationId: r.id, attendedCount: value });
    }
    setErrors(problems);
    setAttempt((a) => a + 1);
    if (Object.keys(problems).length || !changed.length) return;
    setBusy(true);
    try {
      onSaved(await recordAttendance(eventId, { items: changed }));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }

  const summary = items
    .filter((r) => errors[r.id])
    .map((r) => ({ message: t('errorSummary.item', { label: t('events.attendance.label', { company: r.companyName }), message: errors[r.id] }), fieldId: `attended-${r.id}` }));
  return (
    <div className="flex flex-col gap-4">
      <ErrorSummary items={summary} focusKey={attempt} />
      <Table caption={t('events.attendance.caption', { n: formatNumber(items.length, lang) })} testId="attendance-table">
        <thead>
          <tr>
            <Th>{t('events.attendance.company')}</Th>
            <Th>{t('events.own.where')}</Th>
            <Th>{t('events.own.attendees')}</Th>
            <Th>{t('events.own.wanted')}</Th>
            <Th>{t('events.own.status')}</Th>
            <Th className="text-right whitespace-nowrap">{t('events.attendance.registered')}</Th>
            <Th>{t('events.attendance.attended')}</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <Tr key={r.id}>
              <Th scope="row" className="min-w-48 font-normal">
                {r.companyName}
              </Th>
              <Td className="min-w-40">
                <RegistrationWhere r={r} />
              </Td>
              <Td className="min-w-48">
                {r.attendees.map((a) => a.name + (a.title ? `（${a.title}）` : '')).join('、')}
              </Td>
              <Td className="min-w-32">{r.wanted.map((w) => pick(lang, w.nameJa, w.nameEn)).join('、')}</Td>
              <Td>
                <RegistrationStatus r={r} />
              </Td>
              <Td className="text-right tabular-nums">{formatNumber(r.attendeeCount, lang)}</Td>
              <Td>
                {r.status === 'registered' ? (
                  <>
                    <label htmlFor={`attended-${r.id}`} className="sr-only">
                      {t('events.attendance.label', { company: r.companyName })}
                    </label>
                    <input
                      id={`attended-${r.id}`}
                      inputMode="numeric"
                      maxLength={4}
                      className={`w-20 rounded-8 border bg-white px-3 py-2 text-right text-std-16N-170 tabular-nums ${errors[r.id] ? 'border-2 border-error-1' : 'border-solid-gray-600'}`}
                      value={values[r.id] ?? ''}
                      aria-invalid={errors[r.id] ? true : undefined}
                      aria-describedby={errors[r.id] ? `attended-${r.id}-error` : undefined}
                      onChange={(e) => setValues((v) => ({ ...v, [r.id]: e.target.value }))}
                    />
                    {errors[r.id] ? (
                      <p id={`attended-${r.id}-error`} className="mt-1 text-dns-14N-130 text-error-2">
                        <span aria-hidden="true">＊</span>
                        {errors[r.id]}
                      </p>
                    ) : null}
                  </>
                ) : (
                  '—'
                )}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <p className="text-dns-14N-130 text-solid-gray-700">{t('events.attendance.hint')}</p>
      <div>
        <Button disabled={busy} onClick={() => void save()} data-testid="attendance-save">
          {t('events.attendance.save')}
        </Button>
      </div>
    </div>
  );
}
