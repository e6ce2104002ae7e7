// Which workflow steps tell whom by e-mail, and what the mail says (ja then en). Pure: the service
// finds the recipients' addresses and writes the mails to the outbox in the step's transaction.
import type { CaseEventName } from '../../../../common/src/schemas/exchanges.schema.ts';

export type Party = 'npa' | 'ministry' | 'company';
export type Notice = { to: Party[]; subject: { ja: string; en: string }; body: { ja: string; en: string } };
type CaseFacts = { reference: string; plannedStart: string; plannedEnd: string; state: string };

const line = (c: CaseFacts) => ({
  ja: `案件番号 ${c.reference}（開始予定日 ${c.plannedStart}、終了予定日 ${c.plannedEnd}）`,
  en: `Case ${c.reference} (planned start ${c.plannedStart}, planned end ${c.plannedEnd})`,
});

const notices: Partial<Record<CaseEventName, { to: Party[]; ja: string; en: string }>> = {
  submit: { to: ['npa'], ja: '入力支援シート等が提出されました', en: 'Input-support sheet submitted' },
  query: { to: ['ministry'], ja: '人事院から照会があります', en: 'The NPA has a query' },
  answer: { to: ['npa'], ja: '照会への回答がありました', en: 'The ministry answered a query' },
  approve_informally: { to: ['ministry', 'company'], ja: '内諾となりました', en: 'Informally approved (内諾)' },
  reject: { to: ['ministry', 'company'], ja: '計画は承認されませんでした', en: 'The plan was not approved' },
  apply_formally: { to: ['npa'], ja: '正式な申請書類が提出されました', en: 'Formal application submitted' },
  certify: { to: ['ministry', 'company'], ja: '計画が認定されました（認定通知を掲載しました）', en: 'The plan was certified (notice attached to the case)' },
  extend: { to: ['ministry', 'company'], ja: '延長が承認されました', en: 'The extension was approved' },
  withdraw: { to: ['npa', 'ministry', 'company'], ja: '案件が取り下げられました', en: 'The case was withdrawn' },
};

export function noticeFor(event: CaseEventName, c: CaseFacts, note: string | null): Notice | null {
  const n = notices[event];
  if (!n) return null;
  const l = line(c);
  const extra = note ? `\n\n${note}` : '';
  return {
    to: n.to,
    subject: { ja: `【koryu】${n.ja}：${c.reference}`, en: `[koryu] ${n.en}: ${c.reference}` },
    body: {
      ja: `${n.ja}。\n${l.ja}${extra}\n\nkoryu の案件画面で内容を確認してください。`,
      en: `${n.en}.\n${l.en}${extra}\n\nSee the case in koryu.`,
    },
  };
}
