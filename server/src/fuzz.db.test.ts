// Bad input (issue 9, item 6): property-based fuzzing of every write route from its zod schema,
// SQL-injection / XSS / unicode probes in every free-text field, and malformed or oversized uploads.
// Short here (about 650 inputs, 6 per write route); `npm run fuzz -- --runs N` runs the same fuzzer for longer.
// KORYU_FUZZ_SEED replays a run (the seed is printed).
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { orgUnits, people, postAssignments } from './db/schema.ts';
import { createCompany, loginAs, orgId, type Session } from './test/app.ts';
import { fuzzApp, fuzzRoutes, SQL_PROBES, summary, XSS_PROBES, type FuzzApp } from './test/fuzz/route-fuzz.ts';
import { rowsOf } from './db/client.ts';
import { sql } from 'drizzle-orm';
import { tableOrder } from './db/schema.ts';

let f: FuzzApp;
const seed = Number(process.env.KORYU_FUZZ_SEED ?? 20261123);

beforeAll(async () => {
  f = await fuzzApp();
});
afterAll(async () => f?.close());

describe('fuzzing every write route from its zod schema', () => {
  it('valid, probe and mutated inputs: no 5xx, every 4xx with code + ja + en, no SQL error, no server-logged error', async () => {
    const started = Date.now();
    await fuzzRoutes(f, { perRoute: { valid: 2, probe: 2, mutated: 2 }, seed, checkWrites: 'sample' });
    const st = f.stats;
    console.log(`fuzz (seed ${seed}, ${f.routes.length} write routes, ${((Date.now() - started) / 1000).toFixed(1)} s)\n${summary(st)}`);
    expect(f.routes.length).toBeGreaterThan(100);
    expect(st.inputs).toBeGreaterThanOrEqual(f.routes.length * 6);
    expect(st.failures.map((x) => `${x.route} [${x.mode}] ${x.status}: ${x.detail.slice(0, 300)}`)).toEqual([]);
    expect(st.dbErrors.map((e) => `${e.state} ${e.route}: ${e.message}`)).toEqual([]);
    expect(st.logErrors).toEqual([]);
    expect(Object.keys(st.statuses).filter((s) => Number(s) >= 500)).toEqual([]);
    // Not vacuous: inputs got through validation and were stored, probes included.
    const ok = Object.entries(st.statuses).filter(([s]) => s.startsWith('2')).reduce((a, [, n]) => a + n, 0);
    expect(ok).toBeGreaterThan(20);
    expect(st.twoxxWithProbe).toBeGreaterThan(2);
    expect(st.probesEchoed).toBeGreaterThan(0);
    expect(st.writeChecks).toBeGreaterThan(50);
  }, 150_000);

  it('stores SQL and XSS probes verbatim and returns them as JSON data; search with probes is only a search', async () => {
    const npa = await f.session('npa');
    const companyId = await createCompany(f.t, '探針株式会社');
    const failures: string[] = [];
    for (const probe of [...SQL_PROBES, ...XSS_PROBES]) {
      const patch = await npa.req('PATCH', `/api/companies/${companyId}`, { name: probe });
      const div = await npa.req('POST', `/api/companies/${companyId}/divisions`, { name: probe });
      const read = await npa.req('GET', `/api/companies/${companyId}`);
      if (patch.statusCode !== 200 || div.statusCode !== 201) failures.push(`${probe}: ${patch.statusCode} ${div.statusCode} ${patch.body.slice(0, 200)}`);
      if (!String(read.headers['content-type']).startsWith('application/json')) failures.push(`${probe}: served as ${read.headers['content-type']}`);
      const body = read.json() as { name: string; divisions?: { name: string }[] };
      if (body.name !== probe) failures.push(`${probe}: name came back as ${body.name}`);
      if (body.divisions && !body.divisions.some((d) => d.name === probe)) failures.push(`${probe}: division not returned verbatim`);
      for (const url of [`/api/companies?q=${encodeURIComponent(probe)}`, `/api/public/companies?q=${encodeURIComponent(probe)}`]) {
        const res = await npa.req('GET', url);
        if (res.statusCode >= 500 || (res.statusCode >= 400 && !res.json().error?.message?.ja)) failures.push(`${url}: ${res.statusCode}`);
      }
    }
    // The probe company is found by its own (last) name, and `%_%` matches nothing else literally.
    const like = (await npa.req('GET', `/api/companies?q=${encodeURIComponent('%_%')}&pageSize=200`)).json() as { items: { name: string }[] };
    expect(like.items.every((i) => i.name.includes('%_%'))).toBe(true);
    expect(failures).toEqual([]);
    expect(f.stats.dbErrors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------- uploads

async function counts(): Promise<Record<string, number>> {
  const q = sql.join(
    tableOrder.map((tb) => sql`(select count(*)::int from ${sql.identifier(tb)}) as ${sql.identifier(tb)}`),
    sql`, `,
  );
  const r = rowsOf<Record<string, number>>(await f.t.db.db.execute(sql`select ${q}`))[0]!;
  // Sessions and login bookkeeping are not what an upload writes.
  for (const k of Object.keys(r)) if (/session|login/i.test(k)) delete r[k];
  return r;
}

/** A zip of the given entries (stored, or deflated), written by hand: not an xlsx unless the entries make one. */
function zip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('契約');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('uploads: malformed, hostile and oversized files are refused cleanly and write nothing', () => {
  let npa: Session;
  let ministry: Session;
  let caseId = 0;
  let goodXlsx: Buffer;
  let files: { label: string; type: string; bytes: Buffer }[];

  beforeAll(async () => {
    npa = await f.session('npa');
    ministry = await loginAs(f.t, 'ministry_hr');
    const meti = await orgId(f.t, '経済産業省');
    const db = f.t.db.db;
    const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.organisationId, meti), eq(orgUnits.kind, 'division'))).limit(1);
    const companyId = await createCompany(f.t, '取込試験株式会社');
    const [{ id: personId }] = (await db.insert(people).values({ kind: 'official', familyName: '取込', givenName: '太郎', organisationId: meti }).returning({ id: people.id })) as [{ id: number }];
    await db.insert(postAssignments).values({ personId, unitId: unit!.id, postTitleJa: '係長', startDate: '2020-04-01', handlesLicensing: false });
    const c = await ministry.req('POST', '/api/exchanges/cases', {
      direction: 'dispatch',
      unitId: unit!.id,
      postTitle: '係長',
      companyId,
      personId,
      plannedStart: '2031-04-01',
      plannedEnd: '2033-03-31',
    });
    expect(c.statusCode, c.body).toBe(201);
    caseId = c.json().id;
    goodXlsx = await workbook([
      ['府省等', '法人番号', '年度', '契約額'],
      ['経済産業省', '1234567890123', 2024, 1000],
    ]);
    const manyRows = await workbook([['府省等', '法人番号', '年度', '契約額'], ...Array.from({ length: 5_000 }, (_, i) => ['存在しない省', `${i}`, 2024, i])]);
    // Shared strings that inflate to ~9 MB from a small file (a decompression bomb).
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst>${'<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>'.repeat(150_000)}</sst>`), deflate: true },
    ]);
    const sjisHeader = Buffer.from([0x95, 0x7b, 0x8f, 0xc8, 0x93, 0x99, 0x2c, 0x96, 0x40, 0x90, 0x6c, 0x94, 0xd4, 0x8d, 0x86, 0x2c, 0x94, 0x4e, 0x93, 0x78, 0x2c, 0x8c, 0x5f, 0x96, 0xf1, 0x8a, 0x7a, 0x0a]);
    files = [
      { label: 'random bytes named xlsx', type: XLSX, bytes: randomBytes(8192) },
      { label: 'truncated xlsx', type: XLSX, bytes: goodXlsx.subarray(0, Math.floor(goodXlsx.length / 2)) },
      { label: 'a zip that is not an xlsx', type: XLSX, bytes: zip([{ name: 'hello.txt', data: Buffer.from('hello') }]) },
      { label: 'xlsx decompression bomb (huge shared strings)', type: XLSX, bytes: bomb },
      { label: 'xlsx with 5,000 rows, all bad', type: XLSX, bytes: manyRows },
      { label: 'a PDF', type: XLSX, bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF') },
      { label: 'empty body', type: 'text/csv', bytes: Buffer.alloc(0) },
      { label: 'CSV with invalid UTF-8', type: 'text/csv', bytes: Buffer.concat([Buffer.from('府省等,法人番号,年度,契約額\n'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0x2c, 0x31, 0x0a])]) },
      { label: 'CSV in Shift_JIS', type: 'text/csv', bytes: Buffer.concat([sjisHeader, Buffer.from([0x8c, 0x6f, 0x8d, 0xcf, 0x8e, 0x59, 0x8b, 0xc6, 0x8f, 0xc8]), Buffer.from(',1234567890123,2024,1000\n')]) },
      { label: 'CSV with BOM and bad rows', type: 'text/csv', bytes: Buffer.from('\uFEFF府省等,法人番号,年度,契約額\n経済産業省,123,abc,-1\n') },
      { label: 'CSV with unbalanced quotes', type: 'text/csv', bytes: Buffer.from('府省等,法人番号,年度,契約額\n"経済産業省,1234567890123,2024,1000\n') },
      { label: 'CSV with formula cells', type: 'text/csv', bytes: Buffer.from('府省等,法人番号,年度,契約額,出典\n=HYPERLINK("http://x"),+1234567890123,@SUM(1),-1+1,=cmd|\' /C calc\'!A0\n') },
      { label: 'CSV with NUL and lone surrogate', type: 'text/csv', bytes: Buffer.from('府省等,法人番号,年度,契約額\n経済\u0000産業省,1234567890123,2024,1000\n\uD800,1,2,3\n') },
      { label: 'CSV with SQL and XSS probes', type: 'text/csv', bytes: Buffer.from(`府省等,法人番号,年度,契約額,出典\n${SQL_PROBES.concat(XSS_PROBES).map((p) => `"${p.replace(/"/g, '""')}",1234567890123,2024,1,"${p.replace(/"/g, '""')}"`).join('\n')}\n`) },
      { label: 'a huge single line', type: 'text/csv', bytes: Buffer.from(`府省等,法人番号,年度,契約額\n${'x'.repeat(1024 * 1024)}\n`) },
    ];
  }, 120_000);

  const routes = () => [
    { url: '/api/contracts/import', limit: 20 * 1024 * 1024, s: npa },
    { url: '/api/statistics/published/import', limit: 5 * 1024 * 1024, s: npa },
    { url: `/api/exchanges/cases/${caseId}/input-sheet`, limit: 5 * 1024 * 1024, s: ministry },
  ];

  it('malformed xlsx / CSV / PDF files: 4xx with code + ja + en, row counts unchanged', async () => {
    const before = await counts();
    const failures: string[] = [];
    const seen: string[] = [];
    for (const r of routes()) {
      for (const file of files) {
        const t0 = Date.now();
        const res = await r.s.req('POST', r.url, file.bytes, { 'content-type': file.type });
        if (process.env.KORYU_FUZZ_VERBOSE) console.log(`${r.url} ${file.label}: ${res.statusCode} ${Date.now() - t0} ms`);
        const e = res.statusCode < 500 ? (res.json() as { error?: { code?: string; message?: { ja?: string; en?: string } } }).error : undefined;
        seen.push(`${r.url.replace(/\d+/, ':id')} ${file.label}: ${res.statusCode} ${e?.code}`);
        if (res.statusCode < 400 || res.statusCode >= 500 || !e?.code || !e.message?.ja || !e.message?.en) failures.push(`${r.url} ${file.label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    // A malformed percent-escape in the file name header is a name, not a server error.
    const named = await ministry.req('POST', `/api/exchanges/cases/${caseId}/input-sheet`, goodXlsx, { 'content-type': XLSX, 'x-filename': '%E0%A4%A.xlsx' });
    seen.push(`input-sheet with X-Filename %E0%A4%A: ${named.statusCode} ${named.json().error?.code}`);
    if (named.statusCode >= 500 || !named.json().error?.message?.ja) failures.push(`x-filename: ${named.statusCode} ${named.body.slice(0, 200)}`);
    console.log(seen.join('\n'));
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(f.stats.dbErrors).toEqual([]);
    expect(f.stats.logErrors).toEqual([]);
  }, 120_000);

  it('bodies over the limit: 413 with ja/en, nothing written, and the server keeps answering', async () => {
    const before = await counts();
    const cases = [
      ...routes().map((r) => ({ url: r.url, s: r.s, type: r.url.includes('input-sheet') ? XLSX : 'text/csv', bytes: Buffer.alloc(r.limit + 1, 0x41) })),
      { url: '/api/surveys/definitions', s: npa, type: 'application/json', bytes: Buffer.from(JSON.stringify({ key: 'x', pad: 'あ'.repeat(400_000) })) },
      { url: '/api/companies', s: npa, type: 'application/json', bytes: Buffer.from(JSON.stringify({ name: 'x'.repeat(1_100_000) })) },
    ];
    for (const c of cases) {
      const res = await c.s.req('POST', c.url, c.bytes, { 'content-type': c.type });
      expect(res.statusCode, c.url).toBe(413);
      expect(res.json().error.message.ja, c.url).toBeTruthy();
      expect(res.json().error.message.en, c.url).toBeTruthy();
    }
    expect(await counts()).toEqual(before);
    expect((await npa.req('GET', '/api/health')).statusCode).toBeLessThan(500);
    expect((await npa.req('GET', `/api/exchanges/cases/${caseId}`)).statusCode).toBe(200);
  }, 60_000);
});
