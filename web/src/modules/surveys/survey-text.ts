// Question numbers and display conditions in words (表示条件, the NPA's preview). Pure: no React, no
// i18n instance, so it is tested in node (condition-text.test.ts).
import type { SurveyDefinition, SurveyQuestion } from '../../../../common/src/schemas/survey-definition.schema.ts';
import type { Lang } from '../../i18n.ts';
import { optionsOf } from './survey-logic.ts';

/** 問8-2 / Q8-2 */
export function questionNumber(q: Pick<SurveyQuestion, 'no' | 'part'>, lang: Lang): string {
  if (q.no === undefined) return '';
  const n = `${q.no}${q.part ? `-${q.part}` : ''}`;
  return lang === 'ja' ? `問${n}` : `Q${n}`;
}

/** Describes a display condition in words for the preview (表示条件). */
export function conditionText(def: SurveyDefinition, c: NonNullable<SurveyQuestion['condition']>, lang: Lang): string {
  const qs = def.sections.flatMap((s) => s.questions);
  const join = (xs: string[], word: { ja: string; en: string }) => xs.join(lang === 'ja' ? `、${word.ja}` : ` ${word.en} `);
  switch (c.kind) {
    case 'all':
      return join(c.conditions.map((x) => conditionText(def, x, lang)), { ja: 'かつ', en: 'and' });
    case 'any':
      return join(c.conditions.map((x) => conditionText(def, x, lang)), { ja: 'または', en: 'or' });
    case 'not':
      return lang === 'ja' ? `次に当たらない：${conditionText(def, c.condition, lang)}` : `not: ${conditionText(def, c.condition, lang)}`;
    case 'attribute': {
      const a = def.attributes.find((x) => x.id === c.attribute);
      const label = a ? a.label[lang] : c.attribute;
      const value = (v: unknown) => {
        const o = a?.options?.find((x) => x.id === v);
        return o ? o.label[lang] : String(v);
      };
      const vs = Array.isArray(c.value) ? c.value.map(value).join(lang === 'ja' ? '・' : ', ') : value(c.value);
      const ops: Record<string, { ja: string; en: string }> = {
        eq: { ja: `「${label}」が${vs}`, en: `"${label}" is ${vs}` },
        ne: { ja: `「${label}」が${vs}以外`, en: `"${label}" is not ${vs}` },
        in: { ja: `「${label}」が${vs}のいずれか`, en: `"${label}" is one of ${vs}` },
        onOrAfter: { ja: `「${label}」が${vs}以降`, en: `"${label}" is on or after ${vs}` },
        before: { ja: `「${label}」が${vs}より前`, en: `"${label}" is before ${vs}` },
        gte: { ja: `「${label}」が${vs}以上`, en: `"${label}" is at least ${vs}` },
        lte: { ja: `「${label}」が${vs}以下`, en: `"${label}" is at most ${vs}` },
        present: { ja: `「${label}」がある`, en: `"${label}" is given` },
      };
      return ops[c.op]![lang];
    }
    case 'answer': {
      const q = qs.find((x) => x.id === c.question);
      const num = q ? questionNumber(q, lang) || q.title[lang] : c.question;
      const opts = q ? optionsOf(q) : [];
      const vs = (c.values ?? []).map((v) => (lang === 'ja' ? `「${opts.find((o) => o.id === v)?.label.ja ?? v}」` : `"${opts.find((o) => o.id === v)?.label.en ?? v}"`)).join(lang === 'ja' ? '' : ' or ');
      const ops: Record<string, { ja: string; en: string }> = {
        anyOf: { ja: `${num}で${vs}のいずれかを選んだ場合`, en: `${num} was answered ${vs}` },
        noneOf: { ja: `${num}で${vs}を選ばなかった場合`, en: `${num} answered none of ${vs}` },
        answered: { ja: `${num}に回答した場合`, en: `${num} was answered` },
        gte: { ja: `${num}が${c.value}以上の場合`, en: `${num} is at least ${c.value}` },
        lte: { ja: `${num}が${c.value}以下の場合`, en: `${num} is at most ${c.value}` },
      };
      return ops[c.op]![lang];
    }
  }
}

/**
 * 回答数／対象数 of a round. An anonymous round whose answers were loaded without targets (e.g. the
 * demo's 552 participant answers) has answers but no targets: its answers alone, with no rate
 * (`surveys.rounds.answersOnly`), never 0/0.
 */
export function responsesText(
  r: { submitted: number; targets: number; responseRate: number },
  lang: Lang,
  t: (key: 'surveys.rounds.answersOnly', opts: { count: number; n: string }) => string,
): string {
  const n = (x: number) => x.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
  if (r.targets === 0 && r.submitted > 0) return t('surveys.rounds.answersOnly', { count: r.submitted, n: n(r.submitted) });
  return `${n(r.submitted)} / ${n(r.targets)}（${Math.round(r.responseRate * 1000) / 10}%）`;
}
