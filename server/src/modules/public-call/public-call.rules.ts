// The public call's rules as pure functions (no HTTP, no SQL): what may happen to an application
// (応募) in which status and by whom, and whether a legal-entity type is eligible on a date, read
// from the dated criteria parameter `entity_types.eligible` exactly as the 交流基準's entity-type
// rule reads it (modules/criteria/engine.ts: the type is eligible when the value in force lists it).
import type { ParameterSet } from '../criteria/parameters.ts';
import { ParameterNotInForce } from '../criteria/parameters.ts';
import type { CallApplicationStatus, EntityEligibility } from '../../../../common/src/schemas/public-call.schema.ts';

export type ApplicationEvent = 'accept' | 'return' | 'withdraw';

/**
 * Allowed steps. Returned (差戻し) and withdrawn (取下げ) are final: the company applies anew.
 * Accepted applications form the roster (名簿); withdrawing one takes the company off it.
 */
export const applicationTransitions: Record<ApplicationEvent, { from: readonly CallApplicationStatus[]; to: CallApplicationStatus; by: 'npa' | 'company' }> = {
  accept: { from: ['submitted'], to: 'accepted', by: 'npa' }, // 受理
  return: { from: ['submitted'], to: 'returned', by: 'npa' }, // 差戻し (with a reason)
  withdraw: { from: ['submitted', 'accepted'], to: 'withdrawn', by: 'company' }, // 取下げ
};

/** Submitted or accepted: at most one per company (call_applications_open_uq). */
export const isOpen = (status: string): boolean => status === 'submitted' || status === 'accepted';

export function nextStatus(status: CallApplicationStatus, event: ApplicationEvent): CallApplicationStatus | null {
  const t = applicationTransitions[event];
  return t.from.includes(status) ? t.to : null;
}

const statusLabel: Record<CallApplicationStatus, { ja: string; en: string }> = {
  submitted: { ja: '審査中', en: 'under review' },
  accepted: { ja: '受理済み', en: 'accepted' },
  returned: { ja: '差戻し済み', en: 'returned' },
  withdrawn: { ja: '取下げ済み', en: 'withdrawn' },
};
const eventLabel: Record<ApplicationEvent, { ja: string; en: string }> = {
  accept: { ja: '受理', en: 'accepted' },
  return: { ja: '差戻し', en: 'returned' },
  withdraw: { ja: '取下げ', en: 'withdrawn' },
};

/** Why an event cannot happen in a status, in Japanese and English. */
export function refusal(status: CallApplicationStatus, event: ApplicationEvent): { ja: string; en: string } {
  return {
    ja: `この応募は${statusLabel[status].ja}のため、${eventLabel[event].ja}できません。`,
    en: `This application is ${statusLabel[status].en}, so it cannot be ${eventLabel[event].en}.`,
  };
}

type EntityType = { code: string; nameJa: string; nameEn: string };
export type TypeNames = { nameJa: string; nameEn: string };

/**
 * Whether the legal-entity type `code` is eligible on `asOf` (YYYY-MM-DD): the value of
 * `entity_types.eligible` in force on that day lists it. When a later value lists it, says from
 * when. `names` name a type the parameter never lists (e.g. 独立行政法人, from the reference table).
 */
export function entityTypeEligibility(params: ParameterSet, code: string, asOf: string, names?: TypeNames): EntityEligibility {
  let inForce: EntityType[] = [];
  try {
    inForce = params.resolve<EntityType[]>('entity_types.eligible', asOf).value;
  } catch (err) {
    if (!(err instanceof ParameterNotInForce)) throw err;
  }
  const match = inForce.find((t) => t.code === code);
  if (match) {
    return {
      eligible: true,
      asOf,
      legalTypeCode: code,
      eligibleFrom: null,
      message: { ja: `法人の種類（${match.nameJa}）は${asOf}時点で官民人事交流の対象です。`, en: `The legal-entity type (${match.nameEn}) is eligible on ${asOf}.` },
    };
  }
  const later = params.all
    .find((p) => p.id === 'entity_types.eligible')
    ?.values.find((v) => v.from > asOf && (v.value as EntityType[]).some((t) => t.code === code));
  const named = (later?.value as EntityType[] | undefined)?.find((t) => t.code === code) ?? names;
  const ja = named?.nameJa ?? code;
  const en = named?.nameEn ?? code;
  return {
    eligible: false,
    asOf,
    legalTypeCode: code,
    eligibleFrom: later?.from ?? null,
    message: {
      ja: `法人の種類（${ja}）は${asOf}時点で官民人事交流の対象ではありません。${later ? `${later.from}から対象です。` : ''}受理できないため、理由を付して差し戻してください。`,
      en: `The legal-entity type (${en}) is not eligible on ${asOf}.${later ? ` It is eligible from ${later.from}.` : ''} It cannot be accepted: return it with the reason.`,
    },
  };
}
