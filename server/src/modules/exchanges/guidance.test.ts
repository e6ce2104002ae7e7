import { describe, expect, it } from 'vitest';
import { guidanceSchema, guidanceTypeSchema } from '../../../../common/src/schemas/exchange-planner.schema.ts';
import { guidanceData, guidanceFor, guidanceTypeOf } from './guidance.ts';

// The rows of the seed's table (福利厚生制度等の適用関係, seed lines 1235–1254), in its order.
const seedRows = [
  'pension', // 年金
  'health_insurance', // 医療保険
  'accident_compensation', // 災害補償
  'retirement_allowance', // 退職金・退職手当
  'employment_insurance', // 雇用保険
  'child_allowance', // 児童手当
  'asset_formation', // 勤労者財形
  'welfare_general', // 福利厚生一般
  'company_housing', // 民間企業内福利厚生制度: 社宅・借上社宅
  'company_savings', // 企業内預金
  'company_loans', // 企業内貸付
  'company_other', // その他(カフェテリアプラン等)
];

const types = [
  ['dispatch', undefined],
  ['hire', 'continued'],
  ['hire', 'resigned'],
] as const;

// Cells as the seed prints them (PDF line-break spaces included); compared without whitespace.
const seedCells: { row: string; type: 'dispatch' | 'hire_continued' | 'hire_resigned'; seed: string }[] = [
  { row: 'pension', type: 'hire_continued', seed: '国家公務員共済組合 (受給資格期間は厚生年金被保険者期間に合算) (受給資格期間を満たした場合、国家公務員としての期間については国家公務員共済組合から支給)' },
  { row: 'pension', type: 'dispatch', seed: '国家公務員共済組合 地方公務員共済組合 (事業主負担分は派遣先企業が負担)' },
  { row: 'health_insurance', type: 'dispatch', seed: '派遣先企業等に適用される健康保険制度' },
  { row: 'accident_compensation', type: 'hire_resigned', seed: '国家公務員災害補償法' },
  { row: 'retirement_allowance', type: 'dispatch', seed: '支給・不支給の制限なし (支給の場合、国家公務員退職手当を調整)' },
  { row: 'employment_insurance', type: 'hire_continued', seed: '被保険者資格継続 (交流採用期間を所定給付日数 算定基礎期間から除外)' },
  { row: 'employment_insurance', type: 'hire_resigned', seed: '適用なし' },
  { row: 'employment_insurance', type: 'dispatch', seed: '適用なし' },
  { row: 'child_allowance', type: 'dispatch', seed: '市町村長(特別区の区長を含む) から支給' },
  { row: 'asset_formation', type: 'dispatch', seed: '利用している商品を 派遣先企業等で 取り扱っている場合に限り 継続可能' },
  { row: 'welfare_general', type: 'hire_resigned', seed: '採用先の府省等(共済組合)の提供する サービスを利用' },
  { row: 'company_housing', type: 'hire_resigned', seed: '交流採用前から貸与を受け、 規程上退職後も引き続き 貸与を認めている場合に限り 利用可能' },
  { row: 'company_savings', type: 'hire_continued', seed: '継続可能 (積み増し不可)' },
  { row: 'company_savings', type: 'hire_resigned', seed: '継続不可' },
  { row: 'company_loans', type: 'hire_resigned', seed: '継続可能 (新たな貸付不可)' },
  { row: 'company_other', type: 'hire_resigned', seed: '利用不可' },
  { row: 'company_other', type: 'dispatch', seed: '利用可能' },
  // The seed reads 「任期满后」 (an extraction error); the pamphlet's 「任期満了後」 is kept.
  { row: 'company_loans', type: 'hire_continued', seed: '継続可能 (交流採用の任期满后も 引き続き返済する場合、 新たな貸付可能)' },
];
const squash = (s: string) => s.replace(/\s+/g, '').replace('任期满后', '任期満了後');

describe('guidance on the type of exchange', () => {
  it('reads guidance.json (every row has a value for every type)', () => {
    expect(() => guidanceData()).not.toThrow();
    expect(guidanceData().welfare.map((r) => r.id)).toEqual(seedRows);
  });

  it.each(types)('%s %s: every row of the seed table, with ja and en, and the response schema', (direction, hireType) => {
    const g = guidanceFor(direction, hireType);
    expect(guidanceSchema.parse(g)).toEqual(g);
    expect(g.welfare.rows.map((r) => r.id)).toEqual(seedRows);
    for (const r of g.welfare.rows) expect(r.value.ja && r.value.en && r.label.ja && r.label.en).toBeTruthy();
    expect(g.welfare.rows.filter((r) => r.group?.id === 'company_benefits').map((r) => r.id)).toEqual(['company_housing', 'company_savings', 'company_loans', 'company_other']);
    expect(g.welfare.footnotes.map((f) => f.mark)).toEqual(direction === 'hire' ? ['※1', '※2'] : ['※2']);
    for (const party of ['person', 'ministry', 'company'] as const) {
      expect(g.duties[party].length, party).toBeGreaterThan(0);
      for (const d of g.duties[party]) expect(d.text.ja && d.text.en && d.citation.instrument).toBeTruthy();
    }
  });

  it.each(seedCells.map((c) => [c.row, c.type, c] as const))('%s / %s matches the seed', (_row, _type, c) => {
    const [direction, hireType] = c.type === 'dispatch' ? (['dispatch', undefined] as const) : (['hire', c.type === 'hire_continued' ? 'continued' : 'resigned'] as const);
    const row = guidanceFor(direction, hireType).welfare.rows.find((r) => r.id === c.row)!;
    expect(squash(row.value.ja)).toBe(squash(c.seed));
  });

  it('differs between the two hire types where the seed splits the column, and agrees where it merges it', () => {
    const cont = guidanceFor('hire', 'continued').welfare.rows;
    const res = guidanceFor('hire', 'resigned').welfare.rows;
    const differing = cont.filter((r, i) => r.value.ja !== res[i]!.value.ja).map((r) => r.id);
    expect(differing).toEqual(['employment_insurance', 'company_housing', 'company_savings', 'company_loans', 'company_other']);
  });

  it('carries the duty constraints of each side from the seed and the law', () => {
    const dispatch = guidanceFor('dispatch');
    const ids = (g: typeof dispatch) => [...g.duties.person, ...g.duties.ministry, ...g.duties.company].map((d) => d.id);
    expect(ids(dispatch)).toEqual(expect.arrayContaining(['dispatch.status', 'dispatch.no_influence', 'dispatch.service_duties', 'dispatch.pay']));
    expect(dispatch.duties.person.find((d) => d.id === 'dispatch.status')!.text.ja).toContain('国家公務員としての身分も保有');
    expect(dispatch.duties.person.find((d) => d.id === 'dispatch.service_duties')!.text.ja).toContain('守秘義務（第100条）');
    const hire = guidanceFor('hire', 'continued');
    expect(ids(hire)).toEqual(expect.arrayContaining(['hire.no_home_company_work', 'hire.no_licensing_post', 'hire.service_duties', 'hire.continued_employment']));
    expect(ids(hire)).not.toContain('hire.resigned_reemployment');
    expect(ids(guidanceFor('hire', 'resigned'))).toContain('hire.resigned_reemployment');
    expect(hire.duties.person.find((d) => d.id === 'hire.no_home_company_work')!.citation).toMatchObject({ article: '第21条第2項', verified: false });
    expect(hire.duties.ministry.find((d) => d.id === 'hire.no_licensing_post')!.citation.article).toBe('第20条');
    // Items added from the law (not from the seeds) say so.
    expect(hire.duties.person.find((d) => d.id === 'hire.service_duties')!.citation.note).toContain('not from the seeds');
    // Nothing about a dispatch leaks into a hire, nor the other way round.
    expect(ids(dispatch).every((id) => id.startsWith('dispatch.'))).toBe(true);
    expect(ids(hire).every((id) => id.startsWith('hire.'))).toBe(true);
  });

  it('needs a hire type for a hire and none for a dispatch', () => {
    expect(guidanceTypeOf('dispatch')).toBe('dispatch');
    expect(guidanceTypeOf('hire', 'resigned')).toBe('hire_resigned');
    expect(() => guidanceFor('hire')).toThrow(RangeError);
    expect(() => guidanceFor('dispatch', 'continued')).toThrow(RangeError);
    expect(guidanceTypeSchema.options).toHaveLength(3);
  });
});
