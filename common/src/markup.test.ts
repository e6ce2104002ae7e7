import { describe, expect, it } from 'vitest';
import { isSafeHref, parseInline, parseMarkup, placeholderIds, plainText, unsafeLinks, type Block, type Inline } from './markup.ts';

const text = (t: string): Inline => ({ type: 'text', text: t });

// Inline cases: source → tree.
const inlineCases: [string, string, Inline[]][] = [
  ['plain text', '交流派遣', [text('交流派遣')]],
  ['bold', 'a **太字** b', [text('a '), { type: 'strong', children: [text('太字')] }, text(' b')]],
  ['link on this site', '[Q&A](/guide/qa)', [{ type: 'link', href: '/guide/qa', children: [text('Q&A')] }]],
  ['https link', '[人事院](https://www.jinji.go.jp/)', [{ type: 'link', href: 'https://www.jinji.go.jp/', children: [text('人事院')] }]],
  ['autolink', '<https://www8.cao.go.jp/jinzai/kouryu.html>', [{ type: 'link', href: 'https://www8.cao.go.jp/jinzai/kouryu.html', children: [text('https://www8.cao.go.jp/jinzai/kouryu.html')] }]],
  ['mail autolink shows the address', '<mailto:a@b.jp>', [{ type: 'link', href: 'mailto:a@b.jp', children: [text('a@b.jp')] }]],
  ['protocol-relative link is not a link', '[x](//evil.example)', [text('x')]],
  ['placeholder', '原則{{param:duration.max_years}}以内', [text('原則'), { type: 'param', id: 'duration.max_years', format: 'value' }, text('以内')]],
  ['placeholder as a bare number', '{{param:large_company.min_employees|number}} employees', [{ type: 'param', id: 'large_company.min_employees', format: 'number' }, text(' employees')]],
  ['malformed placeholder stays text', '{{param:Bad Id}}', [text('{{param:Bad Id}}')]],
  ['bold around a placeholder', '**{{param:a.b}}**', [{ type: 'strong', children: [{ type: 'param', id: 'a.b', format: 'value' }] }]],
  ['HTML is text, never markup', '<script>alert(1)</script>', [text('<script>alert(1)</script>')]],
];

describe('inline markup', () => {
  it.each(inlineCases)('%s', (_label, source, expected) => {
    expect(parseInline(source)).toEqual(expected);
  });

  it('an unsafe link target is dropped, its text kept', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual([text('click)')]);
    expect(parseInline('[x](data:text/html,hi)')).toEqual([text('x')]);
  });

  it.each([
    ['https://example.jp/a', true],
    ['http://example.jp', true],
    ['mailto:kanmin-kouryuu@jinji.go.jp', true],
    ['tel:0335810755', true],
    ['/contacts', true],
    ['//evil.example', false],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,x', false],
    ['relative/path', false],
    ['/\\evil', false],
  ])('isSafeHref(%s) = %s', (href, ok) => {
    expect(isSafeHref(href)).toBe(ok);
  });
});

// Block cases: source → blocks.
const blockCases: [string, string, Block[]][] = [
  ['paragraphs split by a blank line, line breaks kept', 'a\nb\n\nc', [{ type: 'paragraph', lines: [[text('a')], [text('b')]] }, { type: 'paragraph', lines: [[text('c')]] }]],
  ['headings of level 2 and 3', '## 見出し\n### 小見出し', [{ type: 'heading', level: 2, content: [text('見出し')] }, { type: 'heading', level: 3, content: [text('小見出し')] }]],
  ['a level-1 heading is text (the page title is the only h1)', '# 題名', [{ type: 'paragraph', lines: [[text('# 題名')]] }]],
  ['bullet list with a continued item', '- 一\n  続き\n- 二', [{ type: 'list', ordered: false, items: [[[text('一')], [text('続き')]], [[text('二')]]] }]],
  ['numbered list', '1. 応募\n2. 名簿', [{ type: 'list', ordered: true, items: [[[text('応募')]], [[text('名簿')]]] }]],
  ['quote', '> 引用\n> 続き', [{ type: 'quote', lines: [[text('引用')], [text('続き')]] }]],
  [
    'table with caption',
    'Table: 表\n| 項目 | 派遣 |\n|---|---|\n| 年金 | 共済 |',
    [{ type: 'table', caption: [text('表')], head: [[text('項目')], [text('派遣')]], rows: [[[text('年金')], [text('共済')]]] }],
  ],
  ['table without caption', '| a | b |\n| --- | :---: |\n| 1 | 2 |', [{ type: 'table', caption: null, head: [[text('a')], [text('b')]], rows: [[[text('1')], [text('2')]]] }]],
  ['a lone table row without separator is text', '| a | b |', [{ type: 'paragraph', lines: [[text('| a | b |')]] }]],
  ['a caption line without a table is text', 'Table: x\nnext', [{ type: 'paragraph', lines: [[text('Table: x')]] }, { type: 'paragraph', lines: [[text('next')]] }]],
  ['Windows line ends', 'a\r\n\r\nb', [{ type: 'paragraph', lines: [[text('a')]] }, { type: 'paragraph', lines: [[text('b')]] }]],
  ['empty text', '  \n\n', []],
];

describe('block markup', () => {
  it.each(blockCases)('%s', (_label, source, expected) => {
    expect(parseMarkup(source)).toEqual(expected);
  });
});

describe('helpers', () => {
  it('lists the parameters a text refers to, once each, in order', () => {
    expect(placeholderIds('{{param:a.b}} x {{param:c.d|number}} {{param:a.b}}')).toEqual(['a.b', 'c.d']);
    expect(placeholderIds('none')).toEqual([]);
  });
  it('finds the links that would be dropped', () => {
    expect(unsafeLinks('[a](/ok) [b](javascript:x) [c](https://ok.jp) [d](ftp://x)')).toEqual(['javascript:x', 'ftp://x']);
  });
  it('gives the words without the markup', () => {
    expect(plainText('## 見出し\n\n**太字**と[リンク](/x)\n\n- 項目\n\n| a | b |\n|---|---|\n| c | d |')).toBe('見出し 太字とリンク 項目 a b c d');
  });
});

describe('robustness', () => {
  it('an indented list parses like an unindented one', () => {
    expect(parseMarkup('  - 一\n  - 二\n    続き')).toEqual([{ type: 'list', ordered: false, items: [[[text('一')]], [[text('二')], [text('続き')]]] }]);
  });
  it('always terminates, whatever the input', () => {
    const pieces = ['- ', '  ', '1. ', '> ', '| ', '|---|', 'Table: ', '## ', '**', '[', '](', ')', '{{param:', '}}', '\n', 'あ', 'x'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const source = Array.from({ length: next() % 40 }, () => pieces[next() % pieces.length]).join('');
      const blocks = parseMarkup(source);
      expect(blocks.length).toBeLessThanOrEqual(source.split('\n').length);
    }
  });
});
