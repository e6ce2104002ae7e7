import { useTranslation } from 'react-i18next';
import type { ReferenceBundle } from '../../../../common/src/schemas/reference.schema.ts';
import { pick, useLang } from '../../i18n.ts';
import { Select, type SelectProps } from '../../ui/select.tsx';

/** A filter over the industries (日本標準産業分類 大分類), each with its code, "all" first. */
export function IndustrySelect({ industries, ...select }: Omit<SelectProps, 'children'> & { industries: ReferenceBundle['industries'] | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Select {...select}>
      <option value="">{t('common.all')}</option>
      {industries?.map((i) => (
        <option key={i.code} value={i.code}>
          {i.code} {pick(lang, i.nameJa, i.nameEn)}
        </option>
      ))}
    </Select>
  );
}
