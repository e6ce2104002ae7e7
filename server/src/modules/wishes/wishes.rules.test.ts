// The pure rules of wish sheets, as data: effective status, transitions, the default expiry,
// contacts masked on public pages, regions; and the row derived from each kind of sheet.
import { describe, expect, it } from 'vitest';
import cases from './wishes.rules.cases.json' with { type: 'json' };
import { wishSheetInputSchema, type WishEffectiveStatus, type WishStatus } from '../../../../common/src/schemas/wishes.schema.ts';
import { defaultExpiry, deriveRow, effectiveStatus, maskContacts, nextWishStatus, prefecturesOfRegion, regionKey, summaryOf, type WishEvent } from './wishes.rules.ts';

describe('effective status', () => {
  it.each(cases.effectiveStatus)('$status, expires $expiresOn, today $today → $effective', ({ status, expiresOn, today, effective }) => {
    expect(effectiveStatus(status as WishStatus, expiresOn, today)).toBe(effective);
  });
});

describe('transitions', () => {
  const events: WishEvent[] = ['update', 'publish', 'close', 'reopen'];
  it.each(cases.transitions)('from $from', (row) => {
    for (const e of events) expect(nextWishStatus(row.from as WishEffectiveStatus, e), e).toBe(row[e]);
  });
});

describe('default expiry', () => {
  it.each(cases.defaultExpiry)('$today → $expires', ({ today, expires }) => {
    expect(defaultExpiry(today)).toBe(expires);
  });
});

describe('contacts masked on public pages', () => {
  it.each(cases.maskContacts)('$in', ({ in: input, out }) => {
    expect(maskContacts(input)).toBe(out);
  });
});

describe('regions', () => {
  it.each(cases.regions)('$region', ({ region, codes }) => {
    expect(prefecturesOfRegion(region)).toEqual(codes);
  });
});

describe('region filter keys', () => {
  it.each(cases.regionKeys)('$region → $key', ({ region, key }) => {
    expect(regionKey(region)).toBe(key);
  });
});

describe('derived row', () => {
  const owner = { nameJa: 'テスト商事株式会社', nameEn: 'テスト商事株式会社' };
  it('a company sheet: direction from hosts and sends, unions of fields and age bands, search text with readings', () => {
    const s = wishSheetInputSchema.parse({
      kind: 'company',
      companyId: 1,
      industryCode: 'G',
      prefectureCode: '27',
      title: 'ＤＸ推進部で受入れ',
      hosts: [{ place: '人事部', fields: ['hr'], duties: '連絡先 info@example.jp', ageBands: ['30s'] }],
      sends: [{ fields: ['data', 'hr'], ageBand: '40s' }],
      periodMonths: { min: 12, max: 24 },
      start: { from: '2027-04', to: '2027-09' },
    });
    const r = deriveRow(s, owner, ['経済産業省']);
    expect(r).toMatchObject({ direction: 'both', fieldCodes: ['hr', 'data'], ageBands: ['30s', '40s'], industryCodes: ['G'], prefectureCode: '27', periodMinMonths: 12, startTo: '2027-09' });
    expect(r.searchText).toContain('dx推進部');
    expect(r.searchText).toContain('大阪府');
    expect(r.searchText).toContain('情報通信業'); // JSIC G
    expect(r.searchText).toContain('ジンジ'); // reading of 人事
    expect(r.searchText).toContain('ケイザイサンギョウショウ');
    expect(r.searchText).not.toContain('info@example.jp');
    expect(r.searchGrams).toContain('dx');
    // Facet keys: both directions, its industry, prefecture and region, its fields; age bands named.
    expect([...r.facetKeys].sort()).toEqual(
      ['a:30s', 'a:40s', 'd:dispatch', 'd:hire', 'f:data', 'f:hr', 'i:G', 'p:27', 'r:kinki', 's:company'].sort(),
    );
    expect(summaryOf(s)).toBe('人事部：連絡先 info@example.jp');
  });
  it('a ministry hire wish is a hire; its post and duties are searchable', () => {
    const s = wishSheetInputSchema.parse({
      kind: 'ministry_hire',
      organisationCode: 'mof',
      title: '採用',
      post: '主計官',
      duties: '予算の査定',
      fields: ['finance'],
      periodMonths: { min: 24, max: 36 },
      start: { from: '2027-04', to: '2027-04' },
    });
    const r = deriveRow(s, { nameJa: '財務省', nameEn: 'Ministry of Finance' });
    expect(r).toMatchObject({ direction: 'hire', industryCodes: [], prefectureCode: null });
    expect(r.searchText).toContain('主計官');
    expect(r.searchText).toContain('ministry of finance');
    expect(r.searchText).toContain('ヨサン');
    // No industry and no age band named: open to all of them (one key each).
    const keys = r.facetKeys;
    expect(keys.filter((k) => k.startsWith('i:'))).toHaveLength(20);
    expect(keys.filter((k) => k.startsWith('a:'))).toEqual(['a:20s', 'a:30s', 'a:40s', 'a:50s_plus']);
    expect(keys).toContain('d:hire');
    expect(keys).not.toContain('d:dispatch');
    const withCode = deriveRow(s, { nameJa: '財務省', nameEn: 'Ministry of Finance', organisationCode: 'mof' });
    expect(withCode.facetKeys).toContain('o:mof');
  });
});
