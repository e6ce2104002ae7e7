import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { fullName, fullReading, type Person } from './people.api.ts';
import { DateText, KindBadge, useGenderLabel } from './person-labels.tsx';

export function PeopleResults({ rows, caption }: { rows: Person[]; caption: string }) {
  const { t } = useTranslation();
  const genderLabel = useGenderLabel();
  return (
    <Table caption={caption} captionHidden testId="people-results">
      <thead>
        <tr>
          <Th>{t('people.colName')}</Th>
          <Th>{t('people.colKind')}</Th>
          <Th>{t('people.colBirthDate')}</Th>
          <Th>{t('people.colGender')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          const reading = fullReading(p);
          return (
            <Tr key={p.id}>
              <Th scope="row" className="min-w-48 font-normal whitespace-normal">
                <Link to={`/people/${p.id}`} className="font-bold">
                  {fullName(p)}
                </Link>
                {reading ? <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">{reading}</span> : null}
              </Th>
              <Td className="whitespace-nowrap">
                <KindBadge kind={p.kind} />
              </Td>
              <Td className="min-w-48">
                <DateText value={p.birthDate} />
              </Td>
              <Td className="whitespace-nowrap">{genderLabel(p.gender)}</Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
