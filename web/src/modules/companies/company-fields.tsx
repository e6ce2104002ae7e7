import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCorporateNumber, normalizeCorporateNumber } from '../../../../common/src/corporate-number.ts';
import { fieldMessages } from '../../../../common/src/messages.ts';
import { fieldIdOf, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang } from '../../i18n.ts';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { eligibleLegalTypes, type Industry, type LegalEntityType, type Prefecture } from '../reference/use-reference.ts';
import { isoDateInJapan } from '../../ui/format.ts';

export type CompanyFormValues = {
  corporateNumber: string;
  name: string;
  nameKana: string;
  legalTypeCode: string;
  capitalYen: string;
  employees: string;
  industryCode: string;
  prefectureCode: string;
  address: string;
};

export const emptyCompany: CompanyFormValues = {
  corporateNumber: '',
  name: '',
  nameKana: '',
  legalTypeCode: '',
  capitalYen: '',
  employees: '',
  industryCode: '',
  prefectureCode: '',
  address: '',
};

export const companyFieldOrder: Array<keyof CompanyFormValues> = [
  'corporateNumber',
  'name',
  'nameKana',
  'legalTypeCode',
  'capitalYen',
  'employees',
  'industryCode',
  'prefectureCode',
  'address',
];

export const companyFieldLabelKeys: Record<keyof CompanyFormValues, string> = {
  corporateNumber: 'register.corporateNumber',
  name: 'register.name',
  nameKana: 'register.nameKana',
  legalTypeCode: 'register.legalType',
  capitalYen: 'register.capital',
  employees: 'register.employees',
  industryCode: 'register.industry',
  prefectureCode: 'register.prefecture',
  address: 'register.address',
};

const wholeNumber = (s: string): number | null | 'invalid' => {
  const v = s.normalize('NFKC').replace(/[,\s]/g, '');
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : 'invalid';
};

/**
 * Form strings → the API body. Numbers that are not whole numbers are reported here (with the
 * shared message) rather than sent, since the server only sees JSON numbers.
 */
export function toCompanyBody(v: CompanyFormValues, prefix: string): { body: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const capital = wholeNumber(v.capitalYen);
  const employees = wholeNumber(v.employees);
  if (capital === 'invalid') errors[`${prefix}capitalYen`] = fieldMessages['integer.nonnegative'];
  if (employees === 'invalid') errors[`${prefix}employees`] = fieldMessages['integer.nonnegative'];
  const body: Record<string, unknown> = {
    corporateNumber: v.corporateNumber,
    name: v.name,
    legalTypeCode: v.legalTypeCode,
    capitalYen: capital === 'invalid' ? null : capital,
    employees: employees === 'invalid' ? null : employees,
    industryCode: v.industryCode || null,
    prefectureCode: v.prefectureCode || null,
    address: v.address.trim() || null,
  };
  if (v.nameKana.trim()) body.nameKana = v.nameKana;
  return { body, errors };
}

type Props = {
  values: CompanyFormValues;
  onChange: (field: keyof CompanyFormValues, value: string) => void;
  errors: FieldErrors;
  /** Path prefix of the server's field paths, e.g. 'company.' for registration. */
  prefix: string;
  legalTypes: LegalEntityType[];
  industries: Industry[];
  prefectures: Prefecture[];
  withCorporateNumber?: boolean;
};

export function CompanyFields({ values, onChange, errors, prefix, legalTypes, industries, prefectures, withCorporateNumber = true }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [cnBlurred, setCnBlurred] = useState(false);
  const err = (field: keyof CompanyFormValues) => errors[`${prefix}${field}`]?.[lang];
  const id = (field: keyof CompanyFormValues) => fieldIdOf(`${prefix}${field}`);

  const cn = normalizeCorporateNumber(values.corporateNumber);
  const cnCheck = cn === '' ? null : checkCorporateNumber(cn);
  const cnInstant =
    cnCheck && !cnCheck.ok && (cn.length >= 13 || cnBlurred) ? fieldMessages[`corporate_number.${cnCheck.reason}`][lang] : undefined;
  const cnError = err('corporateNumber') ?? cnInstant;

  const today = isoDateInJapan(new Date());
  const eligible = eligibleLegalTypes(legalTypes, today);
  const current = legalTypes.find((lt) => lt.code === values.legalTypeCode);
  if (current && !eligible.includes(current)) eligible.push(current);
  const anyStarred = eligible.some((lt) => lt.starred);
  const regions = [...new Set(prefectures.map((p) => pick(lang, p.regionJa, p.regionEn)))];

  return (
    <div className="flex flex-col gap-6">
      {withCorporateNumber ? (
        <TextField
          id={id('corporateNumber')}
          label={t('register.corporateNumber')}
          hint={t('register.corporateNumberHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={40}
          inputClassName="max-w-xs font-mono tracking-wider"
          value={values.corporateNumber}
          onChange={(e) => onChange('corporateNumber', e.target.value)}
          onBlur={() => setCnBlurred(true)}
          error={cnError}
          status={cnCheck?.ok ? t('register.corporateNumberOk') : undefined}
          liveMessages
        />
      ) : null}
      <TextField
        id={id('name')}
        label={t('register.name')}
        hint={t('register.nameHint')}
        required
        autoComplete="organization"
        maxLength={200}
        value={values.name}
        onChange={(e) => onChange('name', e.target.value)}
        error={err('name')}
      />
      <TextField
        id={id('nameKana')}
        required={false}
        label={t('register.nameKana')}
        hint={t('register.nameKanaHint')}
        maxLength={200}
        value={values.nameKana}
        onChange={(e) => onChange('nameKana', e.target.value)}
        error={err('nameKana')}
      />
      <Select
        id={id('legalTypeCode')}
        label={t('register.legalType')}
        hint={
          <>
            {t('register.legalTypeHint')}
            {anyStarred ? (
              <>
                <br />
                {t('register.starNote')}
              </>
            ) : null}
          </>
        }
        required
        value={values.legalTypeCode}
        onChange={(e) => onChange('legalTypeCode', e.target.value)}
        error={err('legalTypeCode')}
      >
        <option value="">{t('common.choose')}</option>
        {eligible.map((lt) => (
          <option key={lt.code} value={lt.code}>
            {pick(lang, lt.nameJa, lt.nameEn)}
            {lt.starred ? ' *' : ''}
          </option>
        ))}
      </Select>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id={id('capitalYen')}
          required={false}
          label={t('register.capital')}
          hint={t('register.capitalHint')}
          inputMode="numeric"
          value={values.capitalYen}
          onChange={(e) => onChange('capitalYen', e.target.value)}
          error={err('capitalYen')}
        />
        <TextField
          id={id('employees')}
          required={false}
          label={t('register.employees')}
          hint={t('register.employeesHint')}
          inputMode="numeric"
          value={values.employees}
          onChange={(e) => onChange('employees', e.target.value)}
          error={err('employees')}
        />
      </div>
      <Select
        id={id('industryCode')}
        required={false}
        label={t('register.industry')}
        value={values.industryCode}
        onChange={(e) => onChange('industryCode', e.target.value)}
        error={err('industryCode')}
      >
        <option value="">{t('common.choose')}</option>
        {industries.map((i) => (
          <option key={i.code} value={i.code}>
            {i.code} {pick(lang, i.nameJa, i.nameEn)}
          </option>
        ))}
      </Select>
      <div className="flex flex-col gap-6">
        <Select
          className="max-w-xs"
          id={id('prefectureCode')}
          required={false}
          label={t('register.prefecture')}
          value={values.prefectureCode}
          onChange={(e) => onChange('prefectureCode', e.target.value)}
          error={err('prefectureCode')}
        >
          <option value="">{t('common.choose')}</option>
          {regions.map((region) => (
            <optgroup key={region} label={region}>
              {prefectures
                .filter((p) => pick(lang, p.regionJa, p.regionEn) === region)
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {pick(lang, p.nameJa, p.nameEn)}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
        <TextField
          id={id('address')}
          required={false}
          label={t('register.address')}
          autoComplete="street-address"
          maxLength={300}
          value={values.address}
          onChange={(e) => onChange('address', e.target.value)}
          error={err('address')}
        />
      </div>
    </div>
  );
}
