// `koryu stats import FILE [--revision] [--lang ja|en]` and `koryu stats check [--lang ja|en]`.
// Messages in Japanese or English per --lang or KORYU_LANG (both when neither is set).
// Exit codes: 0 ok; 1 refused / check failed; 2 usage or unreadable file.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { CsvFormatError, parseFiguresCsv } from './import.ts';
import { checkStored, importFigures, seedPublishedStatistics, StatsImportRejected } from './published.service.ts';

type Lang = 'ja' | 'en' | 'both';
const say = (lang: Lang, ja: string, en: string) => (lang === 'ja' ? ja : lang === 'en' ? en : `${ja}\n${en}`);

export const STATS_HELP = `  stats import FILE [--revision] [--lang ja|en]
                                 import published figures (CSV with a source column, docs/statistics-import.md);
                                 refused (exit 1, nothing stored) if a consistency check breaks, unless --revision
  stats check [--lang ja|en]     check every stored published series; exit 1 with the messages if one fails`;

export async function statsCommand(
  sub: string | undefined,
  rest: string[],
  withDb: <T>(fn: (d: Database) => Promise<T>) => Promise<T>,
  ctx: () => RequestContext,
): Promise<number | null> {
  if (sub !== 'import' && sub !== 'check') return null;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { revision: { type: 'boolean', default: false }, lang: { type: 'string' } },
  });
  const l = values.lang ?? process.env.KORYU_LANG ?? '';
  const lang: Lang = l.startsWith('ja') ? 'ja' : l.startsWith('en') ? 'en' : 'both';

  if (sub === 'check') {
    return withDb(async (d) => {
      await seedPublishedStatistics(d);
      const issues = await checkStored(d.db);
      if (!issues.length) {
        console.log(say(lang, '公表数値の整合性チェック: 問題はありません。', 'Published figures: every consistency check passes.'));
        return 0;
      }
      for (const i of issues) console.error(say(lang, i.messageJa, i.messageEn));
      console.error(say(lang, `${issues.length}件の不整合があります。`, `${issues.length} consistency issue(s).`));
      return 1;
    });
  }

  const file = positionals[0] ? path.resolve(positionals[0]) : null;
  if (!file || !fs.existsSync(file)) {
    console.error(say(lang, `ファイルがありません: ${file ?? '(指定なし)'}`, `No such file: ${file ?? '(none given)'}`));
    return 2;
  }
  let records: Record<string, string>[];
  try {
    records = parseFiguresCsv(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof CsvFormatError) {
      console.error(say(lang, err.messageJa, err.messageEn));
      return 2;
    }
    throw err;
  }
  return withDb(async (d) => {
    await seedPublishedStatistics(d);
    try {
      const r = await importFigures(d.db, ctx(), records, { revision: values.revision, label: `cli:${path.basename(file)}` });
      console.log(
        say(
          lang,
          `取込完了: ${r.rows}行（新規${r.inserted}、登録済み${r.unchanged}）${r.flaggedRevision ? '、改訂として記録' : ''}`,
          `Imported: ${r.rows} rows (${r.inserted} new, ${r.unchanged} already stored)${r.flaggedRevision ? ', flagged as a revision' : ''}`,
        ),
      );
      for (const i of r.issues) console.log(say(lang, `改訂により: ${i.messageJa}`, `Accepted as a revision: ${i.messageEn}`));
      return 0;
    } catch (err) {
      if (err instanceof StatsImportRejected) {
        console.error(say(lang, err.messages.ja, err.messages.en));
        return 1;
      }
      throw err;
    }
  });
}
