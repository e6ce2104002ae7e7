import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n.ts';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { telHref, type Organisation } from './organisations.api.ts';

type Props = { caption: string; nameHeader: string; rows: Organisation[]; testId?: string };

export function ContactsTable({ caption, nameHeader, rows, testId }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={caption} testId={testId}>
      <thead>
        <tr>
          <Th>{nameHeader}</Th>
          <Th>{t('contacts.colOffice')}</Th>
          <Th>{t('contacts.colPhone')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => {
          const name = pick(lang, o.nameJa, o.nameEn);
          return (
            <Tr key={o.id}>
              <Th scope="row" className="min-w-24 font-bold">
                {name}
              </Th>
              <Td>{pick(lang, o.hrOfficeJa, o.hrOfficeEn) || '—'}</Td>
              <Td className="whitespace-nowrap">
                {o.phone ? (
                  <a href={telHref(o.phone)}>
                    {o.phone}
                  </a>
                ) : (
                  '—'
                )}
              </Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
