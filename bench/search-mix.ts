// The query mix of the company directory search benchmarks (search.bench.ts, peer-directus.ts):
// from a sample of companies, parts of names (3–6 characters), readings, 法人番号, a name with an
// industry, and industry + prefecture + size pages. Each entry is the query string of
// `GET /api/companies`, as parameters.

export type CompanySample = { name: string; kana: string | null; cn: string; industry: string | null; pref: string | null };
export type SearchParams = { q?: string; industry?: string; prefecture?: string; size?: 'small'; page?: number };

/** The sample the mix is drawn from: about 0.05% of the companies' pages, at most 400 rows. */
export const sampleSql = `select name, name_kana as kana, corporate_number as cn, industry_code as industry, prefecture_code as pref from companies tablesample system (0.05) limit 400`;

export function searchMix(sample: CompanySample[]): SearchParams[] {
  const out: SearchParams[] = [];
  for (const [i, s] of sample.entries()) {
    const core = s.name.replace(/株式会社|合同会社|有限会社|一般社団法人|一般財団法人|医療法人社団|医療法人|信用金庫|学校法人|社会福祉法人/g, '');
    const start = i % Math.max(1, core.length - 3);
    const len = 3 + (i % 4);
    switch (i % 6) {
      case 0:
      case 1:
        out.push({ q: core.slice(start, start + len) });
        break;
      case 2:
        out.push({ q: (s.kana ?? core).slice(0, 4) });
        break;
      case 3:
        out.push({ q: s.cn });
        break;
      case 4:
        out.push({ q: core.slice(0, 3), industry: s.industry ?? 'E' });
        break;
      default:
        out.push({ industry: s.industry ?? 'E', prefecture: s.pref ?? '13', size: 'small', page: 1 + (i % 5) });
    }
  }
  return out;
}

/** `/api/companies?…` for one entry, parameters in the order search.bench.ts always used. */
export function koryuPath(p: SearchParams): string {
  const qs: string[] = [];
  if (p.q !== undefined) qs.push(`q=${/^[0-9]{13}$/.test(p.q) ? p.q : encodeURIComponent(p.q)}`);
  if (p.industry !== undefined) qs.push(`industry=${p.industry}`);
  if (p.prefecture !== undefined) qs.push(`prefecture=${p.prefecture}`);
  if (p.size !== undefined) qs.push(`size=${p.size}`);
  if (p.page !== undefined) qs.push(`page=${p.page}`);
  return `/api/companies?${qs.join('&')}`;
}
