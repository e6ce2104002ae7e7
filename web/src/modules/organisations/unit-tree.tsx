import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n.ts';
import { Badge, type BadgeTone } from '../../ui/primitives.tsx';
import type { OrgUnitNode } from './organisations.api.ts';

const kindTone: Record<OrgUnitNode['kind'], BadgeTone> = {
  bureau: 'blue',
  division: 'gray',
  regional_office: 'green',
  office: 'purple',
};

function UnitLabel({ unit }: { unit: OrgUnitNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Badge tone={kindTone[unit.kind]}>{t(`organisations.unitKind.${unit.kind}`)}</Badge>
      <span>{pick(lang, unit.nameJa, unit.nameEn)}</span>
    </span>
  );
}

function UnitList({ units }: { units: OrgUnitNode[] }) {
  return (
    <ul className="mt-2 ml-3 space-y-2 border-l-2 border-solid-gray-200 pl-5">
      {units.map((u) => (
        <li key={u.id} className="text-std-16N-170">
          <UnitLabel unit={u} />
          {u.children.length > 0 ? <UnitList units={u.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** Top-level units are headed sections (navigable by heading); their descendants are nested lists. */
export function UnitTree({ units, headingLevel }: { units: OrgUnitNode[]; headingLevel: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {units.map((u) => (
        <section key={u.id} aria-labelledby={`unit-${u.id}`} className="rounded-8 border border-solid-gray-420 p-4">
          <H id={`unit-${u.id}`} className="text-std-18B-160 text-solid-gray-900">
            <UnitLabel unit={u} />
          </H>
          {u.children.length > 0 ? <UnitList units={u.children} /> : null}
        </section>
      ))}
    </div>
  );
}
