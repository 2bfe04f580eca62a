// Golden slips: every template × roll width × language, encoded to ESC/POS and decoded back by the printer emulator's
// own decoder (written from the spec, not from our encoder), must read exactly as the reviewed transcript in
// test/golden/slips/, and its QR must carry the code text. Native and raster QR both. `UPDATE_GOLDEN=1` rewrites the
// files after a deliberate change (then review the diff like code).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { translator } from '../../electron/app/locales.js';
import { encodeSlip } from '../../electron/core/printing/escpos.js';
import { templateIds } from '../../electron/core/printing/schema.js';
import { renderSlip } from '../../electron/core/printing/slip-data.js';
import type { Paper, QrMode } from '../../electron/core/printing/slip.js';
import { languages } from '../../electron/core/settings/schema.js';
import { decodeEscPos } from '../../emulators/printer/decoder.js';
import { readRasterQr, transcript } from '../../emulators/printer/ticket.js';
import { slipSamples } from '../../printer-templates/index.js';

const goldenDir = join(import.meta.dirname, '..', 'golden', 'slips');
const papers: Paper[] = ['58mm', '80mm'];

function printed(template: (typeof templateIds)[number], paper: Paper, language: (typeof languages)[number], qrMode: QrMode) {
  const slip = renderSlip(template, slipSamples[template], { t: translator(language, 'slips'), language, paper });
  const tickets = decodeEscPos(encodeSlip(slip, { qrMode }), { paper });
  assert.equal(tickets.length, 1, 'one slip, one ticket');
  assert.equal(tickets[0]!.cut, true, 'the slip ends with a cut');
  return tickets[0]!;
}

for (const template of templateIds)
  for (const paper of papers)
    for (const language of languages)
      test(`${template} · ${paper} · ${language}: decoded bytes match the golden transcript; the QR reads back`, () => {
        const ticket = printed(template, paper, language, 'native');
        const text = transcript(ticket);
        const file = join(goldenDir, `${template}-${paper}-${language}.txt`);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
        assert.ok(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`);
        assert.equal(text, readFileSync(file, 'utf8'));

        const sample = slipSamples[template] as { codeText?: string };
        const qrs = ticket.elements.filter((element) => element.kind === 'qr');
        assert.deepEqual(
          qrs.map((qr) => qr.data),
          sample.codeText === undefined ? [] : [sample.codeText],
        );
        if (sample.codeText === undefined) return;
        // The same slip with a raster QR: same words, and the image scans back to the same payload.
        const raster = printed(template, paper, language, 'raster');
        const images = raster.elements.filter((element) => element.kind === 'raster');
        assert.equal(images.length, 1);
        assert.equal(readRasterQr(images[0]!), sample.codeText);
        const words = (t: string) => t.split('\n').filter((line) => !line.startsWith('[QR') && !line.startsWith('[IMAGE'));
        assert.deepEqual(words(transcript(raster)), words(text));
      });
