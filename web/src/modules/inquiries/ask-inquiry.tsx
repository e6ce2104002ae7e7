import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { inquiryInputSchema } from '../../../../common/src/schemas/inquiries.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../criteria-data/form-kit.tsx';
import { askInquiry, mayAsk } from './inquiries.api.ts';

export type AskInquirySheet = { reference: string; ownerSide: 'ministry' | 'company' };

/**
 * 「この希望について問い合わせる」 on a published sheet's page: subject and question, sent to the
 * contact window; then the new thread opens. Shown only to the other side's HR (a company's on a
 * ministry's sheet, a ministry's on a company's); nothing for anyone else.
 */
export function AskInquiry({ sheet, account }: { sheet: AskInquirySheet; account: Pick<SessionAccount, 'role'> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormErrors('ask.');
  const { values: v, bind } = useFormValues(form, { subject: '', body: '' });
  const { busy, submit } = useSubmit(form);
  if (!mayAsk(account.role, sheet.ownerSide)) return null;

  async function onSubmit() {
    const input = checkInput(form, inquiryInputSchema, { sheetReference: sheet.reference, subject: v.subject, body: v.body });
    if (!input) return;
    await submit(
      () => askInquiry(input),
      (d) => navigate(`/inquiries/${d.id}`, { state: { asked: true } }),
    );
  }

  const labels = { subject: t('inquiries.ask.subject'), body: t('inquiries.ask.body') };
  return (
    <section aria-labelledby="ask-form-heading" className="max-w-3xl" data-testid="ask-inquiry">
      <RecordForm name="ask" level={2} heading={t('inquiries.ask.heading')} form={form} labels={labels} onSubmit={onSubmit} describedBy="ask-lead">
        <p id="ask-lead" className="text-std-16N-170 text-solid-gray-800">
          {t('inquiries.ask.lead')}
        </p>
        <TextField {...bind('subject')} label={labels.subject} required maxLength={200} className="max-w-2xl" />
        <TextArea {...bind('body')} label={labels.body} hint={t('inquiries.ask.bodyHint')} required rows={6} maxLength={5000} />
        <div>
          <Button type="submit" disabled={busy} data-testid="ask-submit">
            {t('inquiries.ask.submit')}
          </Button>
        </div>
      </RecordForm>
    </section>
  );
}
