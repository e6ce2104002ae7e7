// The survey results report (アンケート集計報告, PDF): per question its n, the seed-style headline,
// a chart — a stacked 100% bar per item for scales and matrices (as in seed 004's charts), bars of
// the share of n for choices — and a table of the counts; numbers summarised; free text listed;
// then the gap analysis (認識差). Charts: the statistics report's ECharts SSR → SVG → svg-to-pdfkit
// path (statistics/report/chart-svg.ts) with common/src/stat-charts.ts' stacked bar builder, in the
// embedded Noto Sans JP (exchanges/documents/pdf.ts). Pure: results in, bytes out.
import SVGtoPDF from 'svg-to-pdfkit';
import { JapaneseDocument } from '../exchanges/documents/pdf.ts';
import { stackedBreakdownOption } from '../../../../common/src/stat-charts.ts';
import { renderChartSvg, svgFontCallback } from '../statistics/report/chart-svg.ts';
import type { SurveyGapResponse, SurveyQuestionResult, SurveyResultsResponse } from '../../../../common/src/schemas/surveys-api.schema.ts';

type L = 'ja' | 'en';
const pct = (s: number) => `${(Math.round(s * 1000) / 10).toFixed(1)}%`;
const grey = '#595959';

function chart(jd: JapaneseDocument, svg: string, height: number, alt: string) {
  jd.ensureSpace(height + 30);
  const y = jd.doc.y;
  SVGtoPDF(jd.doc, svg, jd.left, y, { width: jd.width, height, preserveAspectRatio: 'xMidYMid meet', fontCallback: svgFontCallback('jp', 'jp-bold'), warningCallback: () => undefined });
  jd.doc.x = jd.left;
  jd.doc.y = y + height + 2;
  small(jd, alt);
}

function small(jd: JapaneseDocument, text: string, color = grey) {
  jd.doc.font('jp').fontSize(8).fillColor(color);
  jd.doc.text(jd.t(text), jd.left, jd.doc.y, { width: jd.width, lineGap: 1.5 });
  jd.doc.fillColor('#1a1a1a').moveDown(0.3);
}

function questionBlock(jd: JapaneseDocument, q: SurveyQuestionResult, lang: L) {
  const ja = lang === 'ja';
  const no = q.no === undefined ? '' : ja ? `問${q.no}${q.part ? `-${q.part}` : ''}　` : `Q${q.no}${q.part ? `-${q.part}` : ''}  `;
  jd.heading(`${no}${q.title[lang]}`, 11);
  if (q.suppressed || q.n === null) {
    small(jd, ja ? '回答数が少ないため、結果を表示しません。' : 'Not shown: too few answers.');
    return;
  }
  small(jd, `n = ${q.n}${q.eligible !== q.n ? (ja ? `（対象 ${q.eligible}）` : ` (asked ${q.eligible})`) : ''}`, '#1a1a1a');
  if (q.headline) jd.paragraph(q.headline[lang], { size: 10 });
  if (q.type === 'matrix' || q.type === 'scale') {
    const items = q.type === 'matrix' ? q.items.filter((i) => i.n !== null) : [{ id: q.id, label: q.title, n: q.n, options: q.options, positive: q.positive ?? null }];
    if (!items.length) return;
    const options = items[0]!.options;
    const option = stackedBreakdownOption({
      categories: items.map((i) => `${i.label[lang]}${q.type === 'matrix' ? `（n=${i.n}）` : ''}`),
      series: options.map((o, k) => ({ name: o.label[lang], values: items.map((i) => Math.round((i.options[k]?.share ?? 0) * 1000) / 10) })),
      lang,
      horizontal: true,
      unit: '%',
    });
    (option as { xAxis: { max?: number } }).xAxis.max = 100;
    const h = Math.min(520, 70 + items.length * 26);
    chart(
      jd,
      renderChartSvg(option, { width: 720, height: Math.round(h * 1.4) }),
      h,
      items.map((i) => `${i.label[lang]}: ${i.options.map((o) => `${o.label[lang]} ${o.count} (${pct(o.share)})`).join(', ')}`).join(' / '),
    );
    return;
  }
  if (q.type === 'number') {
    jd.paragraph(ja ? `最小 ${q.min ?? '—'}、最大 ${q.max ?? '—'}、平均 ${q.mean === null ? '—' : q.mean.toFixed(1)}、中央値 ${q.median ?? '—'}` : `Min ${q.min ?? '—'}, max ${q.max ?? '—'}, mean ${q.mean === null ? '—' : q.mean.toFixed(1)}, median ${q.median ?? '—'}`, { size: 9.5 });
    return;
  }
  if (q.type === 'text') {
    const shown = q.texts.slice(0, 40);
    for (const t of shown) jd.paragraph(`・${t}`, { size: 9 });
    if (q.texts.length > shown.length) small(jd, ja ? `ほか${q.texts.length - shown.length}件（CSV/Excelに全件）` : `and ${q.texts.length - shown.length} more (all in the CSV/xlsx)`);
    return;
  }
  const option = stackedBreakdownOption({
    categories: q.options.map((o) => o.label[lang]),
    series: [{ name: ja ? '割合（nに対する％）' : 'Share of n (%)', values: q.options.map((o) => Math.round(o.share * 1000) / 10) }],
    lang,
    horizontal: true,
    unit: '%',
  });
  const h = Math.min(520, 60 + q.options.length * 22);
  chart(jd, renderChartSvg(option, { width: 720, height: Math.round(h * 1.4) }), h, q.options.map((o) => `${o.label[lang]} ${o.count} (${pct(o.share)})`).join(', '));
}

/** Renders the report; `today` is the date printed. */
export async function renderSurveyReport(r: SurveyResultsResponse, gaps: SurveyGapResponse | null, lang: L, today: string): Promise<Buffer> {
  const ja = lang === 'ja';
  const title = r.round.title[lang];
  const jd = new JapaneseDocument({ title, subject: ja ? 'アンケート集計' : 'Survey results', keywords: 'koryu, survey', lang: ja ? 'ja-JP' : 'en-GB' }, { createdAt: new Date(`${today}T00:00:00+09:00`) });
  jd.title(title, 15);
  jd.right(ja ? `実施期間　${r.round.opensOn}～${r.round.closesOn}` : `Fielded ${r.round.opensOn} – ${r.round.closesOn}`, 9);
  jd.right(ja ? `作成日　${today}` : `Produced on ${today}`, 9);
  const filter = Object.entries(r.filter).map(([k, v]) => `${k}=${v}`).join(', ');
  small(
    jd,
    ja
      ? `回答数 ${r.respondents ?? '—'}（配布先 ${r.round.targets}）。各問の n は、その問に回答した数（有効回答数）。${r.round.anonymous ? `無記名。回答数が${r.minN}未満の問は非表示。` : ''}${filter ? `絞り込み：${filter}` : ''}`
      : `Respondents ${r.respondents ?? '—'} (of ${r.round.targets} asked). Each question's n is the number who answered it.${r.round.anonymous ? ` Anonymous: questions with n below ${r.minN} are hidden.` : ''}${filter ? ` Filter: ${filter}` : ''}`,
  );
  for (const s of r.sections) {
    jd.heading(s.title[lang], 12.5);
    for (const q of r.questions.filter((x) => x.section === s.id)) questionBlock(jd, q, lang);
  }
  if (gaps && gaps.gaps.length) {
    jd.heading(ja ? '認識差（府省等の取組と参加者の希望）' : 'Gap: what organisations focus on and what participants want', 12.5);
    for (const g of gaps.gaps) {
      jd.heading(g.title[lang], 11);
      if (g.headline) jd.paragraph(g.headline[lang], { size: 10 });
      const rows = g.rows.filter((x) => x.organisation || x.participant);
      if (!rows.length) {
        small(jd, ja ? '比較する参加者アンケートの結果がありません。' : 'No participant results to compare with.');
        continue;
      }
      const option = stackedBreakdownOption({
        categories: rows.map((x) => x.participantLabel[lang]),
        series: [
          { name: ja ? '参加者（希望）' : 'Participants (want)', values: rows.map((x) => (x.participant ? Math.round(x.participant.share * 1000) / 10 : null)) },
          { name: ja ? '府省等（力を入れている）' : 'Organisations (focus on)', values: rows.map((x) => (x.organisation ? Math.round(x.organisation.share * 1000) / 10 : null)) },
        ],
        lang,
        horizontal: true,
        unit: '%',
      });
      // side by side, not stacked
      for (const s of (option as { series: { stack?: string }[] }).series) delete s.stack;
      const h = Math.min(560, 70 + rows.length * 34);
      chart(jd, renderChartSvg(option, { width: 720, height: Math.round(h * 1.4) }), h, rows.map((x) => `${x.participantLabel[lang]}: ${x.participant ? pct(x.participant.share) : '—'} / ${x.organisation ? pct(x.organisation.share) : '—'}`).join('; '));
    }
  }
  return jd.end(ja ? 'koryu アンケート集計' : 'koryu survey results');
}
