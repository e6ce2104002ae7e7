import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { parseMarkup, type Block, type Inline } from '../../../../common/src/markup.ts';
import type { KnowledgeParameter } from '../../../../common/src/schemas/knowledge.schema.ts';
import { Table, Td, Th } from '../../ui/table.tsx';

// Renders a knowledge page's text (common/src/markup.ts) as React elements — never as an HTML
// string — so whatever an editor writes shows as text. {{param:…}} shows the criteria parameter's
// value in force on the page's date with a numbered note pointing to its citation (ParameterNotes).

type Lang = 'ja' | 'en';

export type ParameterContext = {
  parameters: readonly KnowledgeParameter[];
  missing: readonly string[];
  /** Prefix of the note anchors, so two texts on one page keep their ids apart. */
  idPrefix: string;
  /** Set by the renderer where a placeholder stands alone as a block (a list may be shown). */
  block?: boolean;
};

export const noteId = (prefix: string, id: string) => `${prefix}-param-${id.replace(/\./g, '-')}`;

const formatNumber = (n: number, lang: Lang) => new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB').format(n);

/** Yen as the pamphlet writes it in Japanese (2,000万円, 3億円); in English with all digits. */
export function formatYen(v: number, lang: Lang): string {
  if (lang === 'en') return `¥${formatNumber(v, 'en')}`;
  if (v < 10_000 || v % 10_000 !== 0) return `${formatNumber(v, 'ja')}円`;
  const oku = Math.floor(v / 100_000_000);
  const man = (v % 100_000_000) / 10_000;
  return `${oku ? `${formatNumber(oku, 'ja')}億` : ''}${man ? `${formatNumber(man, 'ja')}万` : ''}円`;
}

/** A parameter's value as running text, or — where it stands alone (`block`) — a list of entity types as a list. */
export function formatValue(p: KnowledgeParameter, format: 'value' | 'number', lang: Lang, t: TFunction, block = false): ReactNode {
  const v = p.value;
  if (typeof v === 'number') {
    if (format === 'number') return formatNumber(v, lang);
    const formatted = formatNumber(v, lang);
    switch (p.unit) {
      case 'yen':
        return formatYen(v, lang);
      case 'percent':
        return `${formatted}%`;
      case 'years':
      case 'count':
      case 'persons':
        return t(`knowledge.units.${p.unit}`, { count: v, formatted });
      default:
        return formatted;
    }
  }
  if (Array.isArray(v)) {
    const items = v.map((e, i) => {
      if (e && typeof e === 'object' && 'nameJa' in e && 'nameEn' in e) {
        const entity = e as { code?: string; nameJa: string; nameEn: string; starred?: boolean };
        return { key: entity.code ?? String(i), label: lang === 'ja' ? entity.nameJa : entity.nameEn, starred: entity.starred === true };
      }
      return { key: String(i), label: typeof e === 'string' ? e : JSON.stringify(e), starred: false };
    });
    if (!block) return items.map((it) => `${it.label}${it.starred ? (lang === 'ja' ? '＊' : '*') : ''}`).join(lang === 'ja' ? '、' : ', ');
    return (
      <ul className="grid list-disc grid-cols-1 gap-x-8 gap-y-1 pl-6 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((it) => (
          <li key={it.key}>
            {it.label}
            {it.starred ? (
              <>
                <span aria-hidden="true">{lang === 'ja' ? '＊' : '*'}</span>
                <span className="sr-only">{t('knowledge.params.starred')}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function ParamRef({ id, format, ctx }: { id: string; format: 'value' | 'number'; ctx: ParameterContext }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.resolvedLanguage === 'en' ? 'en' : 'ja';
  const index = ctx.parameters.findIndex((p) => p.id === id);
  const p = ctx.parameters[index];
  if (!p) {
    return (
      <span className="rounded-4 border border-dashed border-solid-gray-536 px-1" data-param={id} data-missing="true">
        {t('knowledge.params.notInForce')}
      </span>
    );
  }
  const value = formatValue(p, format, lang, t, ctx.block === true);
  const note = (
    <sup className="ml-0.5">
      <a href={`#${noteId(ctx.idPrefix, id)}`} aria-label={t('knowledge.params.noteLabel', { n: index + 1, name: p.name[lang] })}>
        [{index + 1}]
      </a>
    </sup>
  );
  if (typeof value !== 'string') {
    return (
      <div data-param={id}>
        {value}
        <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
          {t('knowledge.params.listSource', { name: p.name[lang] })}
          {note}
        </p>
      </div>
    );
  }
  return (
    <span data-param={id}>
      <strong className="font-bold">{value}</strong>
      {note}
    </span>
  );
}

function Inlines({ nodes, ctx }: { nodes: Inline[]; ctx: ParameterContext }) {
  return (
    <>
      {nodes.map((n, i) => {
        switch (n.type) {
          case 'text':
            return <Fragment key={i}>{n.text}</Fragment>;
          case 'strong':
            return (
              <strong key={i} className="font-bold">
                <Inlines nodes={n.children} ctx={ctx} />
              </strong>
            );
          case 'link':
            return n.href.startsWith('/') ? (
              <Link key={i} to={n.href}>
                <Inlines nodes={n.children} ctx={ctx} />
              </Link>
            ) : (
              <a key={i} href={n.href} className="break-all" rel={n.href.startsWith('http') ? 'noopener noreferrer' : undefined}>
                <Inlines nodes={n.children} ctx={ctx} />
              </a>
            );
          case 'param':
            return <ParamRef key={i} id={n.id} format={n.format} ctx={ctx} />;
        }
      })}
    </>
  );
}

function Lines({ lines, ctx }: { lines: Inline[][]; ctx: ParameterContext }) {
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          <Inlines nodes={line} ctx={ctx} />
        </Fragment>
      ))}
    </>
  );
}

/** A paragraph that is nothing but one placeholder of a list value (the eligible types) becomes a block. */
const isBlockParam = (b: Block, ctx: ParameterContext) =>
  b.type === 'paragraph' && b.lines.length === 1 && b.lines[0]!.length === 1 && b.lines[0]![0]!.type === 'param' && Array.isArray(ctx.parameters.find((p) => p.id === (b.lines[0]![0] as { id: string }).id)?.value);

function BlockView({ block: b, ctx }: { block: Block; ctx: ParameterContext }) {
  switch (b.type) {
    case 'heading':
      return b.level === 2 ? (
        <h2 className="mt-10 mb-4 border-l-8 border-blue-900 pl-3 text-std-24B-150 text-solid-gray-900 first:mt-0">
          <Inlines nodes={b.content} ctx={ctx} />
        </h2>
      ) : (
        <h3 className="mt-6 mb-3 text-std-20B-150 text-solid-gray-900">
          <Inlines nodes={b.content} ctx={ctx} />
        </h3>
      );
    case 'paragraph':
      return isBlockParam(b, ctx) ? (
        <div className="mb-4">
          <Lines lines={b.lines} ctx={{ ...ctx, block: true }} />
        </div>
      ) : (
        <p className="mb-4 max-w-4xl text-std-16N-175 text-solid-gray-800">
          <Lines lines={b.lines} ctx={ctx} />
        </p>
      );
    case 'list': {
      const ListTag = b.ordered ? 'ol' : 'ul';
      return (
        <ListTag className={`mb-4 max-w-4xl space-y-2 pl-7 text-std-16N-175 text-solid-gray-800 ${b.ordered ? 'list-decimal' : 'list-disc'}`}>
          {b.items.map((item, i) => (
            <li key={i}>
              <Lines lines={item} ctx={ctx} />
            </li>
          ))}
        </ListTag>
      );
    }
    case 'quote':
      return (
        <blockquote className="mb-4 max-w-4xl border-l-4 border-solid-gray-420 bg-solid-gray-50 px-4 py-3 text-std-16N-175 text-solid-gray-800">
          <Lines lines={b.lines} ctx={ctx} />
        </blockquote>
      );
    case 'table':
      return (
        <Table caption={b.caption ? <Inlines nodes={b.caption} ctx={ctx} /> : ''} captionHidden={!b.caption} className="mb-6">
          <thead>
            <tr>
              {b.head.map((cell, i) => (
                <Th key={i} scope="col" className="min-w-32">
                  <Inlines nodes={cell} ctx={ctx} />
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <Th key={i} scope="row" className="min-w-40">
                      <Inlines nodes={cell} ctx={ctx} />
                    </Th>
                  ) : (
                    <Td key={i} className="min-w-48 text-std-16N-170">
                      <Inlines nodes={cell} ctx={ctx} />
                    </Td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      );
  }
}

/** A knowledge text, rendered. */
export function MarkupView({ source, ctx }: { source: string; ctx: ParameterContext }) {
  return (
    <div className="knowledge-body" data-testid="knowledge-body">
      {parseMarkup(source).map((b, i) => (
        <BlockView key={i} block={b} ctx={ctx} />
      ))}
    </div>
  );
}
