// The slip preview: SVG one unit per dot drawn from the same rows as the bytes, XML-escaped text, the QR as one path,
// and the PNG (resvg, system fonts) at the paper's width whose QR scans back with jsqr.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { layoutSlip } from '../../electron/core/printing/layout.js';
import { previewPng, previewSvg, rowHeightDots } from '../../electron/core/printing/preview.js';
import { paperSpecs, statusShapes, type Paper, type Slip } from '../../electron/core/printing/slip.js';

// jsqr's CommonJS exports object is the function and carries it as `default` too; NodeNext types only the latter.
const jsQR = jsQRModule.default;

const base45Sample =
  'J6036W BS0H7B0G1V3C%8.803SJ.80IRJ.803RO: O-942JPJVG860Y521FIHWEDR8$BN3FFU2LUGP:+T/EIJ*8+.EJV48$TSLE0EW-IRT2L6QE1IIB.7.Q8/LR6AJSDT-8UC252YFCNL*5NJMC:3TF5120';

const paperCode = (paper: Paper, name = '张**'): Slip => ({
  paper,
  blocks: [
    { kind: 'text', text: '八大湖街道便民服务中心', align: 'center', size: 1, bold: true },
    { kind: 'text', text: `${statusShapes.GREEN} 绿码`, align: 'center', size: 3, bold: true },
    { kind: 'qr', data: base45Sample, moduleDots: 6, ecc: 'Q' },
    { kind: 'text', text: '8YEJ-WFTD-HTBT-6=', align: 'center', size: 1, bold: false },
    { kind: 'pair', left: '姓名', right: name, bold: false },
    { kind: 'rule' },
    { kind: 'feed', lines: 1 },
    { kind: 'cut' },
  ],
});

const attr = (svg: string, name: string) => svg.match(new RegExp(`<svg[^>]* ${name}="([^"]+)"`))?.[1];

test('the SVG is the paper’s dots wide, one unit per dot, and as tall as its rows', () => {
  for (const paper of ['58mm', '80mm'] as const) {
    const slip = paperCode(paper);
    const svg = previewSvg(slip);
    const height = layoutSlip(slip).reduce((sum, row) => sum + rowHeightDots(row), 0);
    assert.equal(attr(svg, 'width'), String(paperSpecs[paper].dots));
    assert.equal(attr(svg, 'height'), String(height));
    assert.equal(attr(svg, 'viewBox'), `0 0 ${paperSpecs[paper].dots} ${height}`);
  }
});

test('row heights: 24 dots × size + 6 per text line, (modules + 8) × moduleDots per QR, 30 per fed line', () => {
  assert.equal(rowHeightDots({ kind: 'text', text: 'x', align: 'left', size: 1, bold: false }), 30);
  assert.equal(rowHeightDots({ kind: 'text', text: 'x', align: 'left', size: 3, bold: false }), 78);
  assert.equal(rowHeightDots({ kind: 'qr', data: base45Sample, moduleDots: 6, ecc: 'Q' }), 57 * 6);
  assert.equal(rowHeightDots({ kind: 'feed', lines: 4 }), 120);
  assert.equal(rowHeightDots({ kind: 'cut' }), 90, 'GS V 66 3 feeds three lines before the cut');
});

test('the same rows as the bytes: one <text> per non-blank text row, in the Noto Sans CJK SC family', () => {
  const slip = paperCode('58mm');
  const svg = previewSvg(slip);
  const textRows = layoutSlip(slip).filter((r) => r.kind === 'text' && r.text.trim() !== '');
  assert.equal(svg.match(/<text /g)?.length, textRows.length);
  assert.match(svg, /font-family="'Noto Sans CJK SC', sans-serif"/);
  assert.match(svg, />八大湖街道便民服务中心</);
  assert.match(svg, /font-size="72"[^>]*>●绿码</, 'size 3 is 72 dots high; the space draws nothing');
});

test('text is placed cell by cell: a padded pair ends at the right edge, CJK cells twice as wide', () => {
  const svg = previewSvg({ paper: '58mm', blocks: [{ kind: 'pair', left: '姓名', right: 'AB', bold: false }] });
  const xs = svg
    .match(/<text x="([^"]+)"/)![1]!
    .split(' ')
    .map(Number);
  assert.deepEqual(xs, [12, 36, 384 - 18, 384 - 6]);
});

test('text is XML-escaped: a name with <script> and & stays text', () => {
  const svg = previewSvg(paperCode('58mm', '<script>&x'));
  assert.ok(!svg.includes('<script'), 'no script element');
  assert.match(svg, /&lt;script&gt;&amp;x<\/text>/);
  assert.doesNotThrow(() => previewPng(paperCode('58mm', `<script>alert("1")</script>&amp;'`)), 'still well-formed XML');
});

test('the QR is one <path> of module squares, black on white', () => {
  const svg = previewSvg({ paper: '80mm', blocks: [{ kind: 'qr', data: base45Sample, moduleDots: 6, ecc: 'Q' }] });
  const paths = svg.match(/<path [^>]*>/g) ?? [];
  assert.equal(paths.length, 1);
  assert.match(paths[0]!, /fill="#000"/);
  assert.match(svg, /<rect width="576" height="342" fill="#fff"\/>/);
  // Centred: (576 − 342) / 2 = 117, plus the 24-dot quiet zone; the top-left finder starts there.
  assert.match(paths[0]!, /d="M141 24h42v6h-42z/);
});

test('a QR wider than the paper is refused rather than drawn cut off', () => {
  assert.throws(() => previewSvg({ paper: '58mm', blocks: [{ kind: 'qr', data: base45Sample, moduleDots: 7, ecc: 'Q' }] }), RangeError);
});

function decodePng(png: Buffer) {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, qr: jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data };
}

test('the PNG is the paper’s dots wide and its QR scans back to the data (58 and 80 mm)', () => {
  for (const paper of ['58mm', '80mm'] as const) {
    const decoded = decodePng(previewPng(paperCode(paper)));
    assert.equal(decoded.width, paperSpecs[paper].dots);
    assert.equal(decoded.height, Number(attr(previewSvg(paperCode(paper)), 'height')));
    assert.equal(decoded.qr, base45Sample);
  }
});

test('the PNG draws CJK text with a system font (dark pixels where the status word is)', () => {
  const image = PNG.sync.read(previewPng({ paper: '58mm', blocks: [{ kind: 'text', text: '绿码', align: 'left', size: 1, bold: false }] }));
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 128) dark++;
  assert.ok(dark > 50, `${dark} dark pixels`);
  const blank = PNG.sync.read(previewPng({ paper: '58mm', blocks: [{ kind: 'text', text: '', align: 'left', size: 1, bold: false }] }));
  assert.ok(
    blank.data.every((v) => v > 250),
    'an empty line draws nothing',
  );
});
