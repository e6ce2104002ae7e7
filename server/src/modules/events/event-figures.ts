// Figures per information session (説明会), computed from the records alone — the shape of the seed's
// report (001 別添5): 参加法人及び府省数 28法人（41人）・12府省（うち3府省は意見交換のみ）on site, and
// 視聴状況 34法人40人 online; plus the contact exchanges after the event and their follow-up.
// Pure: no SQL. Rules:
// - registered: registrations not cancelled; organisations are distinct companies, people the sum
//   of the registered attendee counts;
// - attended (on site) / watched (online): registrations not cancelled whose recorded attendance is
//   above 0; organisations distinct, people the sum of the recorded counts;
// - attendancePending: registrations not cancelled with no attendance recorded yet;
// - organisationsTotal: companies that attended on site or watched online, each counted once;
// - ministries: the participating ministries, and how many for the exchange of views only;
// - contacts: every recorded exchange, with the distinct companies and ministries and the
//   follow-up breakdown (every status present, zero when none).
import { FOLLOW_UPS, type EventFigures, type FollowUp, type Participation, type RegistrationMode } from '../../../../common/src/schemas/events.schema.ts';

export type FigureRegistration = {
  companyId: number;
  mode: RegistrationMode;
  status: 'registered' | 'cancelled';
  attendeeCount: number;
  attendedCount: number | null;
};
export type FigureMinistry = { organisationId: number; participation: Participation };
export type FigureContact = { companyId: number; organisationId: number; followUp: FollowUp };
export type FigureRecords = { registrations: readonly FigureRegistration[]; ministries: readonly FigureMinistry[]; contacts: readonly FigureContact[] };

function modeFigures(rows: readonly FigureRegistration[]) {
  const live = rows.filter((r) => r.status === 'registered');
  const came = live.filter((r) => (r.attendedCount ?? 0) > 0);
  return {
    registered: { organisations: new Set(live.map((r) => r.companyId)).size, people: live.reduce((n, r) => n + r.attendeeCount, 0) },
    attended: { organisations: new Set(came.map((r) => r.companyId)).size, people: came.reduce((n, r) => n + (r.attendedCount ?? 0), 0) },
    cancelled: rows.length - live.length,
    attendancePending: live.filter((r) => r.attendedCount === null).length,
  };
}

export function eventFigures(records: FigureRecords): EventFigures {
  const onsiteRows = records.registrations.filter((r) => r.mode === 'onsite');
  const onlineRows = records.registrations.filter((r) => r.mode === 'online');
  const attendedAny = new Set(records.registrations.filter((r) => r.status === 'registered' && (r.attendedCount ?? 0) > 0).map((r) => r.companyId));
  const byFollowUp = Object.fromEntries(FOLLOW_UPS.map((f) => [f, 0])) as Record<FollowUp, number>;
  for (const c of records.contacts) byFollowUp[c.followUp]++;
  const viewsOnly = records.ministries.filter((m) => m.participation === 'views_only').length;
  return {
    onsite: modeFigures(onsiteRows),
    online: modeFigures(onlineRows),
    organisationsTotal: attendedAny.size,
    ministries: { total: records.ministries.length, talks: records.ministries.length - viewsOnly, viewsOnly },
    contacts: {
      total: records.contacts.length,
      organisations: new Set(records.contacts.map((c) => c.companyId)).size,
      ministries: new Set(records.contacts.map((c) => c.organisationId)).size,
      byFollowUp,
    },
  };
}
