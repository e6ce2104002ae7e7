import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { fieldMessages } from '../../../../common/src/messages.ts';
import {
  AGE_BANDS,
  companySheetSchema,
  FIELDS_OF_WORK,
  ministryDispatchWishSchema,
  ministryHireWishSchema,
  POSITION_LEVELS,
  type WishKind,
} from '../../../../common/src/schemas/wishes.schema.ts';
import type { ReferenceBundle } from '../../../../common/src/schemas/reference.schema.ts';
import { api, isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, fieldErrorsFrom, fieldIdOf, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Select } from '../../ui/select.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import type { CompanyDetail } from '../companies/companies.api.ts';
import { CompanyPicker } from '../criteria/plan-fields.tsx';
import type { Organisation } from '../organisations/organisations.api.ts';
import { CheckboxGroup } from './checkbox-group.tsx';
import { emptyDraft, fromContent, newHost, newSend, toInput, wholeNumber, type HostDraft, type SendDraft, type WishDraft } from './wish-draft.ts';
import { vocabularyOptions } from './wish-labels.tsx';
import { formFieldOf } from './wish-query.ts';
import { createWish, transitionWish, updateWish, type WishSheetDetail } from './wishes.api.ts';

// 交流希望シートの作成・編集: the three kinds in one form (a ministry's dispatch or hire wish, a
// company's sheet with repeatable hosting places and candidate profiles). Checked with the shared
// schema before sending; the server's field errors come back by each field and in the summary.

const P = 'wish.';
const fid = (path: string) => fieldIdOf(`${P}${path}`);
const schemaOf: Record<WishKind, ZodType> = { ministry_dispatch: ministryDispatchWishSchema, ministry_hire: ministryHireWishSchema, company: companySheetSchema };

/** What a successful action leads to, for the page's message. */
export type EditorOutcome = 'created' | 'saved' | 'published' | 'closed' | 'reopened';

type Props = {
  kind: WishKind;
  /** The stored sheet (null: a new one). */
  detail: WishSheetDetail | null;
  organisations: Organisation[];
  reference: ReferenceBundle | undefined;
  today: string;
  /**
   * A save or state change went through: the sheet as the server now has it. `outcome` null: saved,
   * but the publish that followed was refused (the editor shows why; `publishError` carries it for a
   * new sheet, whose page is left for the sheet's own).
   */
  onDone: (detail: WishSheetDetail, outcome: EditorOutcome | null, publishError?: ApiError) => void;
  /** The version was stale: fetch the sheet again (the form is then refilled from it). */
  onReload: () => void;
  /** A save or state change starts (the page clears the previous outcome's message). */
  onStart?: () => void;
};

export function WishEditor({ kind, detail, organisations, reference, today, onDone, onReload, onStart }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const role = account?.role;
  const [draft, setDraft] = useState<WishDraft>(() => {
    if (detail) return fromContent(detail.content, detail.owner.nameJa);
    const d = emptyDraft(kind, today);
    if (role === 'company_hr') return { ...d, companyId: account?.companyId ?? null, companyLabel: account?.companyName ?? '' };
    return d;
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [stale, setStale] = useState(0); // > 0: the last save met a newer version (counts the times, to refocus)
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  // A ministry's HR writes for its own ministry: its code from the organisation list.
  const ownOrganisation = role === 'ministry_hr' ? organisations.find((o) => o.id === account?.organisationId) : undefined;
  useEffect(() => {
    if (!detail && ownOrganisation && draft.organisationCode === '') setDraft((d) => ({ ...d, organisationCode: ownOrganisation.code }));
  }, [detail, ownOrganisation, draft.organisationCode]);

  // A company's new sheet starts with the company's registered industry and prefecture.
  useEffect(() => {
    if (detail || kind !== 'company' || role !== 'company_hr' || !account?.companyId) return;
    let live = true;
    api
      .get<CompanyDetail>(`/api/companies/${account.companyId}`)
      .then((c) => {
        if (!live) return;
        setDraft((d) => ({
          ...d,
          industryCode: d.industryCode || (c.industryCode && /^[A-T]$/.test(c.industryCode) ? c.industryCode : ''),
          prefectureCode: d.prefectureCode || (c.prefectureCode ?? ''),
        }));
      })
      .catch(() => undefined); // a convenience only
    return () => {
      live = false;
    };
  }, [detail, kind, role, account?.companyId]);

  // The stored sheet as last answered (its version is the one to send next).
  const [base, setBase] = useState<WishSheetDetail | null>(detail);
  const editable = base === null || base.actions.edit;
  const isCompany = kind === 'company';
  const isHire = kind === 'ministry_hire';

  const clear = (path: string) => setErrors((e) => (`${P}${path}` in e ? Object.fromEntries(Object.entries(e).filter(([p]) => p !== `${P}${path}`)) : e));
  const set = <K extends keyof WishDraft>(k: K, v: WishDraft[K], path: string = k) => {
    setDraft((d) => ({ ...d, [k]: v }));
    clear(path);
  };
  const setHost = (i: number, patch: Partial<HostDraft>, path: string) => {
    setDraft((d) => ({ ...d, hosts: d.hosts.map((h, j) => (j === i ? { ...h, ...patch } : h)) }));
    clear(`hosts.${i}.${path}`);
    clear('hosts');
  };
  const setSend = (i: number, patch: Partial<SendDraft>, path: string) => {
    setDraft((d) => ({ ...d, sends: d.sends.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
    clear(`sends.${i}.${path}`);
  };
  const err = (path: string) => errors[`${P}${path}`]?.[lang];

  // ---------------------------------------------------------------- the fields, in form order (summary order)
  const L = (k: string) => t(`wishes.editor.fields.${k}`);
  const fieldList: Array<{ path: string; label: string }> = [];
  if (isCompany) fieldList.push({ path: 'companyId', label: L('company') });
  else fieldList.push({ path: 'organisationCode', label: L('organisation') });
  fieldList.push({ path: 'title', label: L('title') });
  if (isHire) fieldList.push({ path: 'post', label: L('post') }, { path: 'duties', label: L('duties') });
  if (!isCompany) {
    fieldList.push(
      { path: 'fields', label: L(isHire ? 'fieldsHire' : 'fieldsDispatch') },
      { path: 'industries', label: L('industries') },
      { path: 'skills', label: L(isHire ? 'skillsHire' : 'skillsDispatch') },
    );
    if (isHire) fieldList.push({ path: 'experience', label: L('experience') });
    fieldList.push({ path: 'ageBands', label: L('ageBands') }, { path: 'positionLevels', label: L('positionLevels') }, { path: 'headcount', label: L('headcount') });
  } else {
    fieldList.push({ path: 'industryCode', label: L('industryCode') }, { path: 'prefectureCode', label: L('prefectureCode') }, { path: 'hosts', label: L('hostsAndSends') });
    draft.hosts.forEach((_, i) => {
      const n = t('wishes.editor.hostN', { n: i + 1 });
      for (const f of ['place', 'fields', 'duties', 'skills', 'ageBands']) fieldList.push({ path: `hosts.${i}.${f}`, label: `${n} ${L(`host.${f}`)}` });
    });
    fieldList.push({ path: 'sends', label: L('sends') });
    draft.sends.forEach((_, i) => {
      const n = t('wishes.editor.sendN', { n: i + 1 });
      for (const f of ['fields', 'skills', 'ageBand', 'positionLevel']) fieldList.push({ path: `sends.${i}.${f}`, label: `${n} ${L(`send.${f}`)}` });
    });
    fieldList.push({ path: 'wantedMinistries', label: L('wantedMinistries') });
  }
  fieldList.push(
    { path: 'periodMonths.min', label: L('periodMin') },
    { path: 'periodMonths.max', label: L('periodMax') },
    { path: 'start.from', label: L('startFrom') },
    { path: 'start.to', label: L('startTo') },
    { path: 'expiresOn', label: L('expiresOn') },
    { path: 'notes', label: L('notes') },
  );
  const shown = new Set(fieldList.map((f) => f.path));

  /** Errors keyed by the field that shows them ('skills.2' → 'skills'); others keep their path for the summary. */
  const keyed = (problems: FieldErrors): FieldErrors => {
    const out: FieldErrors = {};
    for (const [path, m] of Object.entries(problems)) {
      const key = `${P}${formFieldOf(path, shown) ?? path}`;
      out[key] ??= m;
    }
    return out;
  };
  const fail = (problems: FieldErrors, apiErr: ApiError | null) => {
    setErrors(keyed(problems));
    setFormError(apiErr);
    setStale(0);
    setAttempt((a) => a + 1);
  };

  function clientProblems(): FieldErrors | null {
    const problems: FieldErrors = {};
    if (Number.isNaN(wholeNumber(draft.periodMin))) problems['periodMonths.min'] = fieldMessages['period.range'];
    if (Number.isNaN(wholeNumber(draft.periodMax))) problems['periodMonths.max'] = fieldMessages['period.range'];
    if (!isCompany && Number.isNaN(wholeNumber(draft.headcount))) problems.headcount = { ja: t('wishes.editor.headcountError', { lng: 'ja' }), en: t('wishes.editor.headcountError', { lng: 'en' }) };
    if (isCompany && !draft.companyId) problems.companyId = copyMessage('choose');
    if (!isCompany && !draft.organisationCode) problems.organisationCode = copyMessage('choose');
    const checked = validate(schemaOf[kind], toInput(draft));
    if (!checked.ok) for (const [k, m] of Object.entries(checked.errors)) problems[k] ??= m;
    return Object.keys(problems).length ? problems : null;
  }

  const refused = (e: unknown) => {
    const apiErr = isApiError(e) ? e : unexpectedError();
    if (apiErr.status === 409 && apiErr.code === 'wish.stale') {
      setErrors({});
      setFormError(null);
      setStale((n) => n + 1);
      return;
    }
    fail(fieldErrorsFrom(apiErr), apiErr);
  };

  async function save(publish: boolean) {
    const problems = clientProblems();
    onStart?.();
    if (problems) return fail(problems, null);
    setBusy(true);
    try {
      const body = toInput(draft);
      let saved = base === null ? await createWish(body) : await updateWish(base.id, base.version, body);
      let outcome: EditorOutcome = base === null ? 'created' : 'saved';
      if (publish && saved.status !== 'published') {
        try {
          saved = await transitionWish(saved.id, 'publish', saved.version);
          outcome = 'published';
        } catch (e) {
          // Saved, but not published (e.g. an expiry date in the past): the sheet is kept, the reason shown.
          setBase(saved);
          if (base === null) onDone(saved, null, isApiError(e) ? e : unexpectedError());
          else {
            onDone(saved, null);
            refused(e);
          }
          return;
        }
      }
      setBase(saved);
      setErrors({});
      setFormError(null);
      onDone(saved, outcome);
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  }

  async function transition(action: 'close' | 'reopen' | 'publish') {
    if (!base) return;
    onStart?.();
    setBusy(true);
    try {
      const saved = await transitionWish(base.id, action, base.version);
      setBase(saved);
      setErrors({});
      setFormError(null);
      onDone(saved, action === 'close' ? 'closed' : action === 'reopen' ? 'reopened' : 'published');
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  }

  const items = summaryItems(errors, lang, fieldList.map((f) => ({ path: `${P}${f.path}`, label: f.label })), (label, message) => t('errorSummary.item', { label, message }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  const fieldOptions = vocabularyOptions(FIELDS_OF_WORK, lang);
  const ageOptions = vocabularyOptions(AGE_BANDS, lang);
  const levelOptions = vocabularyOptions(POSITION_LEVELS, lang);
  const industryOptions = (reference?.industries ?? []).map((i) => ({ value: i.code, label: `${i.code} ${pick(lang, i.nameJa, i.nameEn)}` }));
  const ministryOptions = organisations.map((o) => ({ value: o.code, label: pick(lang, o.nameJa, o.nameEn) }));
  const published = base?.status === 'published';

  return (
    <>
      {stale > 0 ? (
        <Alert ref={staleRef} tone="error" live="assertive" title={t('wishes.editor.stale.title')} className="mb-6" testId="wish-stale">
          <p>{t('wishes.editor.stale.body')}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={onReload} data-testid="wish-reload">
            {t('wishes.editor.stale.reload')}
          </Button>
        </Alert>
      ) : null}
      {formError && items.length === 0 ? <ErrorAlert error={formError} title={t('wishes.editor.failed')} /> : null}
      <ErrorSummary items={items} title={formError && items.length > 0 ? formError.messages[lang] : undefined} focusKey={attempt} />
      <Alert tone="info" className="mb-6" testId="wish-public-notice">
        {t('wishes.editor.publicNotice')}
      </Alert>
      {!editable ? (
        <Alert tone="info" className="mb-6">
          {t('wishes.editor.notEditable')}
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} aria-labelledby="wish-form-heading" className="flex max-w-4xl flex-col gap-8" data-testid="wish-form">
        <h2 id="wish-form-heading" className="text-std-24B-150 text-solid-gray-900">
          {t(`wishes.editor.heading.${kind}`)}
        </h2>
        <fieldset disabled={!editable || busy} className="flex flex-col gap-8">
          <Group legend={t('wishes.editor.groups.basics')}>
            {isCompany ? (
              role === 'npa' && base === null ? (
                <CompanyPicker
                  id={fid('companyId')}
                  legend={L('company')}
                  error={err('companyId')}
                  selected={draft.companyId ? { id: draft.companyId, label: draft.companyLabel } : null}
                  onSelect={(c) => {
                    setDraft((d) => ({ ...d, companyId: c?.id ?? null, companyLabel: c?.name ?? '', industryCode: d.industryCode || (c?.industryCode && /^[A-T]$/.test(c.industryCode) ? c.industryCode : ''), prefectureCode: d.prefectureCode || (c?.prefectureCode ?? '') }));
                    clear('companyId');
                  }}
                />
              ) : (
                <Fixed id={fid('companyId')} label={L('company')} value={draft.companyLabel || '—'} error={err('companyId')} />
              )
            ) : role === 'npa' && base === null ? (
              <Select id={fid('organisationCode')} label={L('organisation')} required className="max-w-md" value={draft.organisationCode} error={err('organisationCode')} onChange={(e) => set('organisationCode', e.target.value)}>
                <option value="">{t('common.choose')}</option>
                {ministryOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            ) : (
              <Fixed
                id={fid('organisationCode')}
                label={L('organisation')}
                value={(() => {
                  const o = organisations.find((x) => x.code === draft.organisationCode);
                  return o ? pick(lang, o.nameJa, o.nameEn) : draft.organisationCode || '—';
                })()}
                error={err('organisationCode')}
              />
            )}
            <TextField id={fid('title')} label={L('title')} hint={t(`wishes.editor.hints.title.${kind}`)} required maxLength={200} value={draft.title} error={err('title')} onChange={(e) => set('title', e.target.value)} data-testid="wish-title" />
            {isHire ? (
              <>
                <TextField id={fid('post')} label={L('post')} hint={t('wishes.editor.hints.post')} required maxLength={200} className="max-w-2xl" value={draft.post} error={err('post')} onChange={(e) => set('post', e.target.value)} />
                <TextArea id={fid('duties')} label={L('duties')} required rows={4} maxLength={4000} value={draft.duties} error={err('duties')} onChange={(e) => set('duties', e.target.value)} />
              </>
            ) : null}
          </Group>

          {!isCompany ? (
            <Group legend={t(isHire ? 'wishes.editor.groups.hireWish' : 'wishes.editor.groups.dispatchWish')}>
              <CheckboxGroup
                id={fid('fields')}
                legend={L(isHire ? 'fieldsHire' : 'fieldsDispatch')}
                hint={t('wishes.editor.hints.fields')}
                required
                options={fieldOptions}
                value={draft.fields}
                error={err('fields')}
                onChange={(v) => set('fields', v)}
                testId="wish-fields"
              />
              <CheckboxGroup id={fid('industries')} legend={L('industries')} hint={t('wishes.editor.hints.industries')} required={false} options={industryOptions} columns={2} value={draft.industries} error={err('industries')} onChange={(v) => set('industries', v)} />
              <TextArea id={fid('skills')} label={L(isHire ? 'skillsHire' : 'skillsDispatch')} hint={t('wishes.editor.hints.skills')} required={false} rows={2} value={draft.skills} error={err('skills')} onChange={(e) => set('skills', e.target.value)} />
              {isHire ? <TextArea id={fid('experience')} label={L('experience')} required={false} rows={3} maxLength={2000} value={draft.experience} error={err('experience')} onChange={(e) => set('experience', e.target.value)} /> : null}
              <CheckboxGroup id={fid('ageBands')} legend={L('ageBands')} hint={t('wishes.editor.hints.ageBands')} required={false} options={ageOptions} columns={4} value={draft.ageBands} error={err('ageBands')} onChange={(v) => set('ageBands', v)} />
              <CheckboxGroup id={fid('positionLevels')} legend={L('positionLevels')} hint={t('wishes.editor.hints.positionLevels')} required={false} options={levelOptions} value={draft.positionLevels} error={err('positionLevels')} onChange={(v) => set('positionLevels', v)} />
              <TextField id={fid('headcount')} label={L('headcount')} inputMode="numeric" required className="max-w-xs" value={draft.headcount} error={err('headcount')} onChange={(e) => set('headcount', e.target.value)} />
            </Group>
          ) : (
            <CompanyParts
              draft={draft}
              reference={reference}
              fieldOptions={fieldOptions}
              ageOptions={ageOptions}
              levelOptions={levelOptions}
              ministryOptions={ministryOptions}
              err={err}
              set={set}
              setHost={setHost}
              setSend={setSend}
              addHost={() => {
                setDraft((d) => ({ ...d, hosts: [...d.hosts, newHost()] }));
                clear('hosts');
                setTimeout(() => document.getElementById(fid(`hosts.${draft.hosts.length}.place`))?.focus(), 0);
              }}
              removeHost={(i) => {
                setDraft((d) => ({ ...d, hosts: d.hosts.filter((_, j) => j !== i) }));
                setErrors({});
                setTimeout(() => document.getElementById(fid('hosts'))?.focus(), 0);
              }}
              addSend={() => {
                setDraft((d) => ({ ...d, sends: [...d.sends, newSend()] }));
                clear('hosts');
                setTimeout(() => document.getElementById(fid(`sends.${draft.sends.length}.fields`))?.focus(), 0);
              }}
              removeSend={(i) => {
                setDraft((d) => ({ ...d, sends: d.sends.filter((_, j) => j !== i) }));
                setErrors({});
                setTimeout(() => document.getElementById(fid('sends'))?.focus(), 0);
              }}
            />
          )}

          <Group legend={t('wishes.editor.groups.timing')}>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-std-16B-170 text-solid-gray-900">{L('period')}</legend>
              <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{t('wishes.editor.hints.period')}</p>
              <div className="grid max-w-xl grid-cols-1 gap-5 sm:grid-cols-2">
                <TextField id={fid('periodMonths.min')} label={L('periodMin')} inputMode="numeric" required value={draft.periodMin} error={err('periodMonths.min')} onChange={(e) => set('periodMin', e.target.value, 'periodMonths.min')} />
                <TextField id={fid('periodMonths.max')} label={L('periodMax')} inputMode="numeric" required value={draft.periodMax} error={err('periodMonths.max')} onChange={(e) => set('periodMax', e.target.value, 'periodMonths.max')} />
              </div>
            </fieldset>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-std-16B-170 text-solid-gray-900">{L('start')}</legend>
              <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{t('wishes.editor.hints.start')}</p>
              <div className="grid max-w-xl grid-cols-1 gap-5 sm:grid-cols-2">
                <TextField id={fid('start.from')} type="month" label={L('startFrom')} required value={draft.startFrom} error={err('start.from')} onChange={(e) => set('startFrom', e.target.value, 'start.from')} />
                <TextField id={fid('start.to')} type="month" label={L('startTo')} required value={draft.startTo} error={err('start.to')} onChange={(e) => set('startTo', e.target.value, 'start.to')} />
              </div>
            </fieldset>
            <TextField id={fid('expiresOn')} type="date" label={L('expiresOn')} hint={t('wishes.editor.hints.expiresOn')} required={false} className="max-w-xs" value={draft.expiresOn} error={err('expiresOn')} onChange={(e) => set('expiresOn', e.target.value)} />
            <TextArea id={fid('notes')} label={L('notes')} hint={t('wishes.editor.hints.notes')} required={false} rows={4} maxLength={4000} value={draft.notes} error={err('notes')} onChange={(e) => set('notes', e.target.value)} />
          </Group>
        </fieldset>

        <div className="flex flex-wrap items-center gap-3 border-t border-solid-gray-420 pt-6">
          {editable ? (
            <>
              <Button type="submit" variant={published ? 'primary' : 'secondary'} size="lg" disabled={busy} data-testid="wish-save">
                {t(published ? 'wishes.editor.actions.savePublished' : 'wishes.editor.actions.saveDraft')}
              </Button>
              {!published ? (
                <Button variant="primary" size="lg" disabled={busy} onClick={() => void save(true)} data-testid="wish-publish">
                  {t('wishes.editor.actions.publish')}
                </Button>
              ) : null}
            </>
          ) : null}
          {base?.actions.reopen ? (
            <Button variant="secondary" disabled={busy} onClick={() => void transition('reopen')} data-testid="wish-reopen">
              {t('wishes.editor.actions.reopen')}
            </Button>
          ) : null}
          {base?.actions.close ? (
            <ConfirmAction
              label={t('wishes.editor.actions.close')}
              question={t('wishes.editor.actions.closeQuestion')}
              confirm={t('wishes.editor.actions.closeConfirm')}
              disabled={busy}
              testId="wish-close"
              onConfirm={() => transition('close')}
            />
          ) : null}
        </div>
      </form>
    </>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-6 rounded-8 border border-solid-gray-420 p-5">
      <legend className="px-2 text-std-20B-150 text-solid-gray-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A value the account cannot change (its own ministry or company), shown where the field would be. */
function Fixed({ id, label, value, error }: { id: string; label: string; value: string; error?: string }) {
  return (
    <div id={id} tabIndex={-1} className="flex flex-col gap-1">
      <p className="text-std-16B-170 text-solid-gray-800">{label}</p>
      <p className="text-std-16N-170">{value}</p>
      {error ? (
        <p className="text-dns-16N-130 text-error-2">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Option = { value: string; label: string };

type CompanyPartsProps = {
  draft: WishDraft;
  reference: ReferenceBundle | undefined;
  fieldOptions: Option[];
  ageOptions: Option[];
  levelOptions: Option[];
  ministryOptions: Option[];
  err: (path: string) => string | undefined;
  set: <K extends keyof WishDraft>(k: K, v: WishDraft[K], path?: string) => void;
  setHost: (i: number, patch: Partial<HostDraft>, path: string) => void;
  setSend: (i: number, patch: Partial<SendDraft>, path: string) => void;
  addHost: () => void;
  removeHost: (i: number) => void;
  addSend: () => void;
  removeSend: (i: number) => void;
};

/** A company's sheet: its industry and prefecture, the places that can host an official, the people it would send, the ministries it wants. */
function CompanyParts({ draft, reference, fieldOptions, ageOptions, levelOptions, ministryOptions, err, set, setHost, setSend, addHost, removeHost, addSend, removeSend }: CompanyPartsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const L = (k: string) => t(`wishes.editor.fields.${k}`);
  return (
    <>
      <Group legend={t('wishes.editor.groups.company')}>
        <div className="grid max-w-3xl grid-cols-1 gap-5 sm:grid-cols-2">
          <Select id={fid('industryCode')} label={L('industryCode')} required={false} value={draft.industryCode} error={err('industryCode')} onChange={(e) => set('industryCode', e.target.value)}>
            <option value="">{t('common.notSet')}</option>
            {reference?.industries.map((i) => (
              <option key={i.code} value={i.code}>
                {i.code} {pick(lang, i.nameJa, i.nameEn)}
              </option>
            ))}
          </Select>
          <Select id={fid('prefectureCode')} label={L('prefectureCode')} required={false} value={draft.prefectureCode} error={err('prefectureCode')} onChange={(e) => set('prefectureCode', e.target.value)}>
            <option value="">{t('common.notSet')}</option>
            {reference?.prefectures.map((p) => (
              <option key={p.code} value={p.code}>
                {pick(lang, p.nameJa, p.nameEn)}
              </option>
            ))}
          </Select>
        </div>
        <p className="text-std-16N-170 text-solid-gray-800">{t('wishes.editor.hints.hostsAndSends')}</p>
        {err('hosts') ? (
          <p className="text-dns-16N-130 text-error-2" id={`${fid('hosts')}-error`}>
            <span aria-hidden="true">＊</span>
            {err('hosts')}
          </p>
        ) : null}
      </Group>

      <Group legend={t('wishes.editor.groups.hosts')}>
        <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{t('wishes.editor.hints.hosts')}</p>
        {draft.hosts.map((h, i) => (
          <fieldset key={h.key} className="flex flex-col gap-5 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4" data-testid={`wish-host-${i}`}>
            <legend className="px-2 text-std-18B-160 text-solid-gray-900">{t('wishes.editor.hostN', { n: i + 1 })}</legend>
            <TextField id={fid(`hosts.${i}.place`)} label={L('host.place')} hint={t('wishes.editor.hints.place')} required maxLength={200} value={h.place} error={err(`hosts.${i}.place`)} onChange={(e) => setHost(i, { place: e.target.value }, 'place')} />
            <CheckboxGroup id={fid(`hosts.${i}.fields`)} legend={L('host.fields')} required options={fieldOptions} value={h.fields} error={err(`hosts.${i}.fields`)} onChange={(v) => setHost(i, { fields: v }, 'fields')} />
            <TextArea id={fid(`hosts.${i}.duties`)} label={L('host.duties')} required={false} rows={3} maxLength={2000} value={h.duties} error={err(`hosts.${i}.duties`)} onChange={(e) => setHost(i, { duties: e.target.value }, 'duties')} />
            <TextArea id={fid(`hosts.${i}.skills`)} label={L('host.skills')} hint={t('wishes.editor.hints.skills')} required={false} rows={2} value={h.skills} error={err(`hosts.${i}.skills`)} onChange={(e) => setHost(i, { skills: e.target.value }, 'skills')} />
            <CheckboxGroup id={fid(`hosts.${i}.ageBands`)} legend={L('host.ageBands')} hint={t('wishes.editor.hints.ageBands')} required={false} options={ageOptions} columns={4} value={h.ageBands} error={err(`hosts.${i}.ageBands`)} onChange={(v) => setHost(i, { ageBands: v }, 'ageBands')} />
            <div>
              <Button variant="danger" size="sm" onClick={() => removeHost(i)} aria-label={t('wishes.editor.removeHostLabel', { n: i + 1 })}>
                {t('wishes.editor.remove')}
              </Button>
            </div>
          </fieldset>
        ))}
        <div>
          <Button id={fid('hosts')} variant="secondary" onClick={addHost} disabled={draft.hosts.length >= 20} aria-describedby={err('hosts') ? `${fid('hosts')}-error` : undefined} data-testid="wish-add-host">
            {t('wishes.editor.addHost')}
          </Button>
        </div>
      </Group>

      <Group legend={t('wishes.editor.groups.sends')}>
        <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{t('wishes.editor.hints.sends')}</p>
        {draft.sends.map((s, i) => (
          <fieldset key={s.key} className="flex flex-col gap-5 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4" data-testid={`wish-send-${i}`}>
            <legend className="px-2 text-std-18B-160 text-solid-gray-900">{t('wishes.editor.sendN', { n: i + 1 })}</legend>
            <CheckboxGroup id={fid(`sends.${i}.fields`)} legend={L('send.fields')} required options={fieldOptions} value={s.fields} error={err(`sends.${i}.fields`)} onChange={(v) => setSend(i, { fields: v }, 'fields')} />
            <TextArea id={fid(`sends.${i}.skills`)} label={L('send.skills')} hint={t('wishes.editor.hints.skills')} required={false} rows={2} value={s.skills} error={err(`sends.${i}.skills`)} onChange={(e) => setSend(i, { skills: e.target.value }, 'skills')} />
            <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
              <Select id={fid(`sends.${i}.ageBand`)} label={L('send.ageBand')} required={false} value={s.ageBand} error={err(`sends.${i}.ageBand`)} onChange={(e) => setSend(i, { ageBand: e.target.value }, 'ageBand')}>
                <option value="">{t('common.notSet')}</option>
                {ageOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
              <Select id={fid(`sends.${i}.positionLevel`)} label={L('send.positionLevel')} required={false} value={s.positionLevel} error={err(`sends.${i}.positionLevel`)} onChange={(e) => setSend(i, { positionLevel: e.target.value }, 'positionLevel')}>
                <option value="">{t('common.notSet')}</option>
                {levelOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Button variant="danger" size="sm" onClick={() => removeSend(i)} aria-label={t('wishes.editor.removeSendLabel', { n: i + 1 })}>
                {t('wishes.editor.remove')}
              </Button>
            </div>
          </fieldset>
        ))}
        <div>
          <Button id={fid('sends')} variant="secondary" onClick={addSend} disabled={draft.sends.length >= 20} data-testid="wish-add-send">
            {t('wishes.editor.addSend')}
          </Button>
        </div>
      </Group>

      <Group legend={t('wishes.editor.groups.ministries')}>
        <CheckboxGroup id={fid('wantedMinistries')} legend={L('wantedMinistries')} hint={t('wishes.editor.hints.wantedMinistries')} required={false} options={ministryOptions} value={draft.wantedMinistries} error={err('wantedMinistries')} onChange={(v) => set('wantedMinistries', v)} />
      </Group>
    </>
  );
}
