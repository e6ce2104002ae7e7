import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { roundInputSchema } from '../../../common/src/schemas/matching.schema.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../modules/criteria-data/form-kit.tsx';
import { createRound, managerRoles, useRounds, type RoundSummary } from '../modules/matching/matching.api.ts';
import { Alert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { formatDate } from '../ui/format.ts';
import { Badge, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { TextField } from '../ui/text-field.tsx';

export function RoundStatusBadge({ round }: { round: Pick<RoundSummary, 'status' | 'rankingOpen'> }) {
  const { t } = useTranslation();
  const key = round.status === 'ranking' ? (round.rankingOpen ? 'ranking' : 'rankingClosed') : round.status;
  return <Badge tone={round.status === 'run' ? 'green' : round.rankingOpen ? 'blue' : 'gray'}>{t(`matching.status.${key}`)}</Badge>;
}

function RoundsTable({ items }: { items: RoundSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={t('matching.list.caption', { count: items.length })} testId="rounds">
      <thead>
        <tr>
          <Th>{t('matching.fields.title')}</Th>
          <Th>{t('matching.fields.direction')}</Th>
          <Th>{t('matching.fields.maxRanks')}</Th>
          <Th>{t('matching.fields.proposingSide')}</Th>
          <Th>{t('matching.list.participants')}</Th>
          <Th>{t('matching.fields.rankingClosesOn')}</Th>
          <Th>{t('matching.list.status')}</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <Tr key={r.id}>
            <Th scope="row">
              <Link to={`/matching/${r.id}`}>{r.title}</Link>
            </Th>
            <Td>{t(`matching.direction.${r.direction}`)}</Td>
            <Td className="tabular-nums">{r.maxRanks}</Td>
            <Td>{t(`matching.side.${r.proposingSide}`)}</Td>
            <Td>{t('matching.list.participantCounts', { ministry: r.participants.ministry, company: r.participants.company })}</Td>
            <Td>{r.rankingClosesOn ? formatDate(r.rankingClosesOn, lang) : t('matching.list.noCloseDate')}</Td>
            <Td>
              <RoundStatusBadge round={r} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

type Draft = { title: string; direction: string; maxRanks: string; proposingSide: string; rankingClosesOn: string };

function CreateRoundForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormErrors('round-');
  const { values, bind } = useFormValues<Draft>(form, { title: '', direction: 'dispatch', maxRanks: '5', proposingSide: 'ministry', rankingClosesOn: '' });
  const { busy, submit } = useSubmit(form);
  const labels = {
    title: t('matching.fields.title'),
    direction: t('matching.fields.direction'),
    maxRanks: t('matching.fields.maxRanks'),
    proposingSide: t('matching.fields.proposingSide'),
    rankingClosesOn: t('matching.fields.rankingClosesOn'),
  };
  return (
    <RecordForm
      name="create-round"
      level={2}
      heading={t('matching.create.heading')}
      form={form}
      labels={labels}
      className="mt-10 max-w-3xl"
      onSubmit={() => {
        const n = values.maxRanks.trim() === '' ? Number.NaN : Number(values.maxRanks);
        const input = checkInput(form, roundInputSchema, {
          title: values.title,
          direction: values.direction,
          maxRanks: Number.isFinite(n) ? n : values.maxRanks,
          proposingSide: values.proposingSide,
          rankingClosesOn: values.rankingClosesOn || null,
        });
        if (!input) return;
        return submit(
          () => createRound(input),
          (round) => navigate(`/matching/${round.id}`, { state: { created: true } }),
        );
      }}
    >
      <TextField label={labels.title} required maxLength={200} {...bind('title')} />
      <Select label={labels.direction} required {...bind('direction')}>
        <option value="dispatch">{t('matching.direction.dispatch')}</option>
        <option value="hire">{t('matching.direction.hire')}</option>
      </Select>
      <TextField label={labels.maxRanks} hint={t('matching.create.maxRanksHint')} required inputMode="numeric" inputClassName="max-w-32" {...bind('maxRanks')} />
      <Select label={labels.proposingSide} hint={t('matching.create.proposingHint')} required {...bind('proposingSide')}>
        <option value="ministry">{t('matching.side.ministry')}</option>
        <option value="company">{t('matching.side.company')}</option>
      </Select>
      <TextField label={labels.rankingClosesOn} hint={t('matching.create.closesHint')} type="date" inputClassName="max-w-60" {...bind('rankingClosesOn')} />
      <div>
        <Button type="submit" disabled={busy} data-testid="create-round">
          {t('matching.create.submit')}
        </Button>
      </div>
    </RecordForm>
  );
}

/** マッチングラウンド (/matching): the center sees and creates rounds; ministries and companies see the rounds their sheets are in. */
export function MatchingPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  const manager = account ? managerRoles.includes(account.role) : false;
  const rounds = useRounds(manager);
  usePageTitle(t('matching.title'));
  return (
    <>
      <PageHeading title={t('matching.title')} lead={t(manager ? 'matching.leadManager' : 'matching.leadRanker')} />
      <Alert tone="info" className="mb-6 max-w-4xl">
        {t('matching.notBindingNote')}
      </Alert>
      <section aria-labelledby="rounds-heading">
        <SectionHeading id="rounds-heading">{t(manager ? 'matching.list.headingAll' : 'matching.list.headingMine')}</SectionHeading>
        {rounds.loading ? <Loading /> : null}
        {rounds.error ? <ErrorAlert error={rounds.error} title={t('errors.loadFailed')} onRetry={rounds.reload} /> : null}
        {rounds.data ? rounds.data.items.length ? <RoundsTable items={rounds.data.items} /> : <p className="text-std-16N-170">{t(manager ? 'matching.list.noneAll' : 'matching.list.noneMine')}</p> : null}
      </section>
      {manager ? <CreateRoundForm /> : null}
    </>
  );
}
