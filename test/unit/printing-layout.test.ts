// Slip layout: print columns (CJK counts two), the printable-text filter, wrapping with simple kinsoku, pairs and
// rules, and by property: no text row is ever wider than the roll, and wrapping loses no character.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { printableText, printColumns } from '../../electron/core/printing/columns.js';
import { layoutSlip, type SlipRow } from '../../electron/core/printing/layout.js';
import { paperSpecs, type Paper, type Slip, type SlipBlock, type TextSize } from '../../electron/core/printing/slip.js';

const textRows = (rows: SlipRow[]) => rows.flatMap((r) => (r.kind === 'text' ? [r] : []));
const lines = (paper: Paper, block: SlipBlock) => textRows(layoutSlip({ paper, blocks: [block] })).map((r) => r.text);
const text = (t: string, size: TextSize = 1): SlipBlock => ({ kind: 'text', text: t, align: 'left', size, bold: false });

test('printColumns: printable ASCII is one column, every other character two', () => {
  assert.equal(printColumns(''), 0);
  assert.equal(printColumns('Hello, world!'), 13);
  assert.equal(printColumns('中文'), 4);
  assert.equal(printColumns('a中，'), 5);
  assert.equal(printColumns('𠀀'), 2, 'a character outside the BMP is one character, not two code units');
  assert.equal(printColumns('é●'), 4);
});

test('printableText drops control, bidi and zero-width characters and keeps the rest', () => {
  assert.equal(printableText('张\x1b@三\x1dV\x00'), '张@三V');
  assert.equal(printableText('a\u202eb\u2066c\u200bd\u200de\ufefff\u0085g\u2028h\ni\tj\x7f'), 'abcdefghij');
  assert.equal(printableText('欧阳　娜娜 SMITH'), '欧阳　娜娜 SMITH', 'ideographic space and ASCII space stay');
  assert.equal(printableText('a\u00a0b\u2003c'), 'a b c', 'other spaces print as ASCII spaces');
  assert.equal(printableText('e\u0301'), 'é', 'composed, as the printer prints one glyph');
  assert.equal(printableText('x\ud800y'), 'xy', 'a lone surrogate has no GB18030 encoding');
});

test('text blocks drop control characters before layout', () => {
  assert.deepEqual(lines('58mm', text('张*\n状态：绿码')), ['张*状态：绿码'], 'a line break in a name cannot forge a line');
});

test('English breaks at spaces; a word longer than the line is split', () => {
  assert.deepEqual(lines('58mm', text('The quick brown fox jumps over the lazy dog')), ['The quick brown fox jumps over', 'the lazy dog']);
  assert.deepEqual(lines('58mm', text('A'.repeat(40))), ['A'.repeat(32), 'A'.repeat(8)]);
  assert.deepEqual(lines('58mm', text(`go ${'B'.repeat(35)}`)), ['go', 'B'.repeat(32), 'BBB']);
  assert.deepEqual(lines('80mm', text('The quick brown fox jumps over the lazy dog again')), [
    'The quick brown fox jumps over the lazy dog',
    'again',
  ]);
});

test('Chinese breaks between any two characters, and next to ASCII', () => {
  const twenty = '青岛市市南区八大湖街道便民服务中心欢迎您';
  assert.deepEqual(lines('58mm', text(twenty)), [twenty.slice(0, 16), twenty.slice(16)]);
  assert.deepEqual(lines('58mm', text('有效期至2020-03-09 09:30，请在有效期内使用')), ['有效期至2020-03-09 09:30，请在有', '效期内使用']);
});

test('a line never starts with Chinese closing punctuation when that can be avoided', () => {
  // The 17th character is '，': the 16th moves down with it instead of leaving '，' at the start of line 2.
  const sentence = '一二三四五六七八九十一二三四五六，七八';
  assert.deepEqual(lines('58mm', text(sentence)), ['一二三四五六七八九十一二三四五', '六，七八']);
  for (const mark of '，。、；：？！）」』') {
    const wrapped = lines('58mm', text(`${'码'.repeat(16)}${mark}好`));
    assert.deepEqual(wrapped, ['码'.repeat(15), `码${mark}好`], mark);
  }
  // After a long ASCII word, the word is split one character earlier.
  assert.deepEqual(lines('58mm', text(`${'X'.repeat(32)}。`)), ['X'.repeat(31), 'X。']);
  // Unavoidable: a line of nothing but closing punctuation.
  assert.deepEqual(lines('58mm', text('。'.repeat(17))), ['。'.repeat(16), '。']);
});

test('sizes 2 and 3 wrap at floor(columns / size) columns and keep their style', () => {
  const rows = textRows(
    layoutSlip({ paper: '58mm', blocks: [{ kind: 'text', text: '健康码绿码健康码绿码', align: 'center', size: 2, bold: true }] }),
  );
  assert.deepEqual(rows, [
    { kind: 'text', text: '健康码绿码健康码', align: 'center', size: 2, bold: true },
    { kind: 'text', text: '绿码', align: 'center', size: 2, bold: true },
  ]);
  assert.deepEqual(lines('58mm', text('一二三四五六', 3)), ['一二三四五', '六'], '58 mm at size 3: 10 columns');
  assert.deepEqual(lines('80mm', text('一二三四五六七八九', 3)), ['一二三四五六七八', '九'], '80 mm at size 3: 16 columns');
});

test('an empty text block prints one empty line', () => {
  assert.deepEqual(lines('58mm', text('')), ['']);
});

test('pair: padded to exactly the width when both fit, with CJK counted as two columns', () => {
  const [row] = lines('58mm', { kind: 'pair', left: '姓名', right: '张**', bold: false });
  assert.equal(row, `姓名${' '.repeat(32 - 4 - 4)}张**`);
  assert.equal(printColumns(row!), 32);
  const [wide] = lines('80mm', { kind: 'pair', left: 'Valid until', right: '2020-03-09 09:30', bold: true });
  assert.equal(wide, `Valid until${' '.repeat(48 - 11 - 16)}2020-03-09 09:30`);
});

test('pair: when both do not fit, left on its own line(s) and right aligned right on the next', () => {
  const rows = textRows(
    layoutSlip({ paper: '58mm', blocks: [{ kind: 'pair', left: '办理大厅名称', right: '青岛市市南区八大湖街道便民', bold: false }] }),
  );
  assert.deepEqual(rows, [
    { kind: 'text', text: '办理大厅名称', align: 'left', size: 1, bold: false },
    { kind: 'text', text: '青岛市市南区八大湖街道便民', align: 'right', size: 1, bold: false },
  ]);
  // Exactly the width with no space between is not a fit: the two would run together.
  const tight = textRows(
    layoutSlip({ paper: '58mm', blocks: [{ kind: 'pair', left: 'L'.repeat(16), right: 'R'.repeat(16), bold: false }] }),
  );
  assert.deepEqual(
    tight.map((r) => [r.text, r.align]),
    [
      ['L'.repeat(16), 'left'],
      ['R'.repeat(16), 'right'],
    ],
  );
});

test('rule is a full line of "-" for each paper; feed, cut and QR pass through', () => {
  for (const paper of ['58mm', '80mm'] as const) {
    assert.deepEqual(lines(paper, { kind: 'rule' }), ['-'.repeat(paperSpecs[paper].columns)]);
  }
  const slip: Slip = {
    paper: '80mm',
    blocks: [{ kind: 'qr', data: 'ABC', moduleDots: 6, ecc: 'Q' }, { kind: 'feed', lines: 3 }, { kind: 'cut' }],
  };
  assert.deepEqual(layoutSlip(slip), [{ kind: 'qr', data: 'ABC', moduleDots: 6, ecc: 'Q' }, { kind: 'feed', lines: 3 }, { kind: 'cut' }]);
  assert.throws(() => layoutSlip({ paper: '58mm', blocks: [{ kind: 'qr', data: 'A', moduleDots: 17, ecc: 'Q' }] }), RangeError);
  assert.throws(() => layoutSlip({ paper: '58mm', blocks: [{ kind: 'feed', lines: -1 }] }), RangeError);
});

/** Mixed strings: ASCII words and spaces, CJK with its punctuation, controls and anything else Unicode has. */
const mixedText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...'abcXYZ019-:', ' ', '  ') },
      { weight: 2, arbitrary: fc.stringMatching(/^[a-z]{1,40}$/) },
      { weight: 4, arbitrary: fc.constantFrom(...'码上办健康绿黄红补打●▲■◇𠀀', ...'，。、；：？！）」』（「') },
      { weight: 1, arbitrary: fc.constantFrom('\x1b@', '\x1dV', '\n', '\u202e', '\u200b', '\u00a0', 'e\u0301', '\u3000') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
const paperArb = fc.constantFrom<Paper>('58mm', '80mm');
const sizeArb = fc.constantFrom<TextSize>(1, 2, 3);

test('property: every text row fits the roll, and wrapping keeps every non-space character in order', () => {
  fc.assert(
    fc.property(paperArb, sizeArb, mixedText, mixedText, fc.boolean(), (paper, size, a, b, bold) => {
      const { columns } = paperSpecs[paper];
      const rows = layoutSlip({
        paper,
        blocks: [{ kind: 'text', text: a, align: 'center', size, bold }, { kind: 'pair', left: a, right: b, bold }, { kind: 'rule' }],
      });
      for (const row of textRows(rows)) {
        assert.ok(printColumns(row.text) * row.size <= columns, `${JSON.stringify(row.text)} at size ${row.size}`);
        assert.doesNotMatch(row.text, /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u, 'rows hold only printable text');
        assert.equal(row.text, row.text.trimEnd(), 'no trailing spaces');
      }
      const wrapped = textRows(layoutSlip({ paper, blocks: [{ kind: 'text', text: a, align: 'left', size, bold }] }));
      const squash = (s: string) => s.replace(/\s/g, '');
      assert.equal(squash(wrapped.map((r) => r.text).join('')), squash(printableText(a)));
    }),
    { numRuns: 2_000 },
  );
});

test('property: a pair that fits is one row of exactly the roll width', () => {
  const short = fc.stringMatching(/^[A-Za-z0-9码办：]{1,15}$/);
  fc.assert(
    fc.property(paperArb, short, short, (paper, left, right) => {
      fc.pre(printColumns(left) + printColumns(right) < paperSpecs[paper].columns);
      const rows = textRows(layoutSlip({ paper, blocks: [{ kind: 'pair', left, right, bold: false }] }));
      assert.equal(rows.length, 1);
      assert.equal(printColumns(rows[0]!.text), paperSpecs[paper].columns);
      assert.ok(rows[0]!.text.startsWith(left) && rows[0]!.text.endsWith(right));
    }),
    { numRuns: 500 },
  );
});
