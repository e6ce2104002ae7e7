import { useTranslation } from 'react-i18next';
import { pick, useLang, type Lang } from '../../i18n.ts';
import { Select } from '../../ui/select.tsx';
import { useOrganisation, useOrganisations, type OrgUnitNode } from '../organisations/organisations.api.ts';

type Props = {
  idPrefix: string;
  organisationId: string;
  unitId: string;
  onChange: (v: { organisationId: string; unitId: string }) => void;
  /** Only these organisations may be chosen (a ministry's HR checks its own units). */
  onlyOrganisationId?: number | null;
  required?: boolean;
  organisationHint?: string;
  unitHint?: string;
  unitError?: string;
  organisationError?: string;
  /** The text of the empty choices when the unit is optional. */
  emptyLabels?: { organisation: string; unit: string };
};

export type UnitOption = { id: number; label: string };

/** Every unit under a top-level one, labelled with its path below that unit ("課 › 室"). */
function descendants(node: OrgUnitNode, lang: Lang, prefix = ''): UnitOption[] {
  return node.children.flatMap((c) => {
    const label = `${prefix}${pick(lang, c.nameJa, c.nameEn)}`;
    return [{ id: c.id, label }, ...descendants(c, lang, `${label} › `)];
  });
}

export function unitName(units: OrgUnitNode[] | undefined, id: number, lang: Lang): string | null {
  for (const u of units ?? []) {
    if (u.id === id) return pick(lang, u.nameJa, u.nameEn);
    const inner = unitName(u.children, id, lang);
    if (inner) return `${pick(lang, u.nameJa, u.nameEn)} › ${inner}`;
  }
  return null;
}

/** The ministry or agency, then one of its units grouped by bureau. */
export function UnitSelect({ idPrefix, organisationId, unitId, onChange, onlyOrganisationId, required, organisationHint, unitHint, unitError, organisationError, emptyLabels }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const organisations = useOrganisations();
  const tree = useOrganisation(organisationId || undefined);
  const orgs = (organisations.data?.items ?? []).filter((o) => onlyOrganisationId == null || o.id === onlyOrganisationId);

  return (
    <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <Select
        id={`${idPrefix}organisationId`}
        label={t('criteria.check.organisation')}
        hint={organisationHint}
        required={required}
        error={organisationError}
        value={organisationId}
        onChange={(e) => onChange({ organisationId: e.target.value, unitId: '' })}
      >
        <option value="">{emptyLabels?.organisation ?? t('common.choose')}</option>
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {pick(lang, o.nameJa, o.nameEn)}
          </option>
        ))}
      </Select>
      <Select
        id={`${idPrefix}unitId`}
        label={t('criteria.check.unit')}
        hint={unitHint}
        required={required}
        error={unitError}
        disabled={!organisationId}
        value={unitId}
        onChange={(e) => onChange({ organisationId, unitId: e.target.value })}
      >
        <option value="">{organisationId ? (emptyLabels?.unit ?? t('common.choose')) : t('criteria.check.unitChooseOrganisationFirst')}</option>
        {(tree.data?.units ?? []).map((top) => (
          <optgroup key={top.id} label={pick(lang, top.nameJa, top.nameEn)}>
            <option value={top.id}>{pick(lang, top.nameJa, top.nameEn)}</option>
            {descendants(top, lang).map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
    </div>
  );
}
