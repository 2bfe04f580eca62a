// Printing: bytes of the real 58 mm paper-code slip (template + sample) with the printer's own QR against a raster QR,
// the time to render, lay out and encode it, and the physical floor: how long the paper takes past the head at rated speed.
import { translator } from '../electron/app/locales.js';
import { encodeSlip } from '../electron/core/printing/escpos.js';
import { layoutSlip } from '../electron/core/printing/layout.js';
import { rowHeightDots } from '../electron/core/printing/preview.js';
import { renderSlip } from '../electron/core/printing/slip-data.js';
import type { Slip } from '../electron/core/printing/slip.js';
import { slipSamples } from '../printer-templates/index.js';
import { medianMs, round, type Bench } from './types.js';

const RUNS = 200;
const RATED_MM_PER_S = 250;
const DOTS_PER_MM = 203 / 25.4;

/** The t the app prints with (loaded once, as the app does: the bench times rendering, not reading locale files). */
const t = translator('zh-CN', 'slips');

/** The real paper-code template with its masked sample (docs/paper-code.md worked example), as the kiosk prints it. */
const paperCodeSlip = (): Slip => renderSlip('paper-code', slipSamples['paper-code'], { t, language: 'zh-CN', paper: '58mm' });

export const bench: Bench = async () => {
  const slip = paperCodeSlip();
  const native = encodeSlip(slip, { qrMode: 'native' }).length;
  const raster = encodeSlip(slip, { qrMode: 'raster' }).length;
  const renderMs = await medianMs(RUNS, () => encodeSlip(paperCodeSlip(), { qrMode: 'native' }));
  const rows = layoutSlip(slip);
  const qr = slip.blocks.find((block) => block.kind === 'qr');
  const qrNote = qr ? `${qr.data.length}-character Base45, ECC ${qr.ecc}, ${qr.moduleDots} dots per module` : 'no QR';
  const lengthMm = rows.reduce((sum, row) => sum + rowHeightDots(row), 0) / DOTS_PER_MM;
  return [
    {
      name: 'print.paper_code_bytes_native',
      value: native,
      unit: 'B',
      note: `58 mm paper-code slip from the template and its sample, QR by GS ( k (${qrNote}), no GS r 1`,
    },
    {
      name: 'print.paper_code_bytes_raster',
      value: raster,
      unit: 'B',
      baseline: native,
      note: 'the same slip with the QR as a GS v 0 raster (quiet zone included); baseline: the native-QR stream',
    },
    {
      name: 'print.render_ms',
      value: round(renderMs, 4),
      unit: 'ms',
      note: `median of ${RUNS} runs of template render (zod check + zh-CN words) + layout + ESC/POS encoding of that slip, native QR (the printer builds the symbol)`,
    },
    {
      name: 'print.floor_ms',
      value: round((lengthMm / RATED_MM_PER_S) * 1000, 1),
      unit: 'ms',
      note: `${round(lengthMm, 1)} mm of paper at 203 dpi at 250 mm/s: text 24 dots × size + 6, QR (modules + 8) × dots, 30 dots per fed line incl. the cut's 3`,
    },
  ];
};
