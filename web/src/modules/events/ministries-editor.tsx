import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app-errors.tsx';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Loading } from '../../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { useOrganisations } from '../organisations/organisations.api.ts';
import { setMinistries, type InfoEvent } from './events.api.ts';

type Choice = '' | 'talks' | 'views_only';

/** 参加府省等: for each ministry, not taking part, presenting and taking talks, or the exchange of views only. */
export function MinistriesEditor({ event, onSaved, onError }: { event: InfoEvent; onSaved: (e: InfoEvent) => void; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const orgs = useOrganisations();
  const [choices, setChoices] = useState<Record<number, Choice>>(() => Object.fromEntries(event.ministries.map((m) => [m.organisationId, m.participation])));
  const [busy, setBusy] = useState(false);
  const ministries = orgs.data?.items.filter((o) => o.kind === 'ministry') ?? [];
  const chosen = Object.entries(choices).filter(([, c]) => c !== '');

  async function save() {
    setBusy(true);
    try {
      onSaved(await setMinistries(event.id, { ministries: chosen.map(([id, c]) => ({ organisationId: Number(id), participation: c as 'talks' | 'views_only' })) }));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }

  if (orgs.loading) return <Loading />;
  if (orgs.error) return <ErrorAlert error={orgs.error} title={t('errors.loadFailed')} onRetry={orgs.reload} />;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170 text-solid-gray-800" aria-live="polite">
        {t('events.ministriesEditor.summary', { total: chosen.length, views: chosen.filter(([, c]) => c === 'views_only').length })}
      </p>
      <Table caption={t('events.ministriesEditor.caption')} captionHidden testId="ministries-editor">
        <thead>
          <tr>
            <Th>{t('events.ministriesEditor.ministry')}</Th>
            <Th>{t('events.ministriesEditor.participation')}</Th>
          </tr>
        </thead>
        <tbody>
          {ministries.map((o) => {
            const name = pick(lang, o.nameJa, o.nameEn);
            return (
              <Tr key={o.id}>
                <Th scope="row" className="font-normal">
                  <label htmlFor={`ministry-${o.id}`}>{name}</label>
                </Th>
                <Td>
                  <select
                    id={`ministry-${o.id}`}
                    className="rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170"
                    value={choices[o.id] ?? ''}
                    onChange={(e) => setChoices((c) => ({ ...c, [o.id]: e.target.value as Choice }))}
                  >
                    <option value="">{t('events.participation.none')}</option>
                    <option value="talks">{t('events.participation.talks')}</option>
                    <option value="views_only">{t('events.participation.views_only')}</option>
                  </select>
                </Td>
              </Tr>
            );
          })}
        </tbody>
      </Table>
      <div>
        <Button disabled={busy} onClick={() => void save()} data-testid="ministries-save">
          {t('events.ministriesEditor.save')}
        </Button>
      </div>
    </div>
  );
}
