// Shared pieces of the public statistics pages: download links, the source line, and the
// history dialog of a figure (every published version with its source).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yearTextLabel } from '../../../../common/src/stat-charts.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Table, Td, Th, Tr } from '../../ui/table.tsx';
import { exportHref, fetchHistory, type FigureHistory } from './published.api.ts';

export function DownloadLinks({ path, extra, label }: { path: string; extra?: Record<string, string>; label: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-std-16N-170">
      <span>{t('statistics.download', { what: label })}</span>
      {(['csv', 'xlsx', 'json'] as const).map((f) => (
        <a key={f} href={exportHref(path, f, lang, extra)} download={f === 'json' ? undefined : ''} className="underline">
          {t(`statistics.format.${f}`)}
        </a>
      ))}
    </p>
  );
}

export const measureLabel = (t: (k: string, o?: Record<string, unknown>) => string, m: string) => t(`statistics.measure.${m}`, { defaultValue: m });
export const dimensionLabel = (t: (k: string, o?: Record<string, unknown>) => string, d: string) => (d === '' ? '' : t(`statistics.dimension.${d}`, { defaultValue: d }));

/** A button that opens a dialog listing the published versions of the given measures of one year. */
export function HistoryButton({ series, year, measures, kind, label, dimension = '' }: { series: string; year: number; measures: readonly string[]; kind: 'fiscal' | 'calendar'; label: string; dimension?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<FigureHistory[] | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void Promise.all(measures.map((m) => fetchHistory(series, year, m, dimension))).then((r) => {
      if (live) setData(r.filter((x): x is FigureHistory => x !== null));
    });
    return () => {
      live = false;
    };
  }, [open, series, year, measures, dimension]);

  const yl = yearTextLabel(year, kind, lang);
  return (
    <>
      <Button
        variant="tertiary"
        size="sm"
        aria-label={t('statistics.history.open', { year: yl, what: label })}
        data-testid={`history-${year}`}
        onClick={() => {
          setOpen(true);
          ref.current?.showModal();
        }}
      >
        {t('statistics.history.button')}
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={`hist-title-${series}-${year}-${dimension}-${measures.join('-')}`}
        className="m-auto w-[min(56rem,95vw)] rounded-8 border border-solid-gray-420 p-6 backdrop:bg-black/40"
        onClose={() => setOpen(false)}
        data-testid={`history-dialog-${year}`}
      >
        <h2 id={`hist-title-${series}-${year}-${dimension}-${measures.join('-')}`} className="mb-3 text-std-20B-150">
          {t('statistics.history.title', { year: yl, what: label })}
        </h2>
        <p className="mb-4 text-std-16N-170">{t('statistics.history.lead')}</p>
        {open && data === null ? <p>{t('statistics.loading')}</p> : null}
        {data ? (
          <Table caption={t('statistics.history.caption', { year: yl })}>
            <thead>
              <tr>
                <Th>{t('statistics.history.measure')}</Th>
                <Th className="text-right">{t('statistics.history.value')}</Th>
                <Th>{t('statistics.history.publication')}</Th>
                <Th>{t('statistics.history.where')}</Th>
                <Th>{t('statistics.history.status')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.flatMap((h) =>
                h.versions.map((v, i) => (
                  <Tr key={`${h.measure}-${i}`}>
                    <Th scope="row">{measureLabel(t, h.measure)}</Th>
                    <Td className="text-right tabular-nums">{v.value === null ? t('statistics.notPrinted') : v.value.toLocaleString('en-US')}</Td>
                    <Td>
                      {lang === 'ja' ? v.source.titleJa : v.source.titleEn}
                      {v.source.edition ? (lang === 'ja' ? `（${v.source.edition}）` : `, ${v.source.edition}`) : ''}
                    </Td>
                    <Td>
                      {[v.source.table, v.source.lines ? t('statistics.line', { lines: v.source.lines }) : null].filter(Boolean).join(' ')}
                      {v.source.text ? <span className="block text-std-16N-170 text-solid-gray-700">「{v.source.text}」</span> : null}
                    </Td>
                    <Td>
                      {v.latest ? t('statistics.history.latest') : t('statistics.history.earlier')}
                      {v.flaggedRevision ? ` · ${t('statistics.history.flagged')}` : ''}
                    </Td>
                  </Tr>
                )),
              )}
            </tbody>
          </Table>
        ) : null}
        <div className="mt-4">
          <Button variant="secondary" onClick={() => ref.current?.close()}>
            {t('statistics.close')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
