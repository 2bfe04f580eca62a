// `print-sample <slip> [--printer URI] …`: a test print of one slip's invented sample, to check a printer after
// installing it or changing the roll — the same template, words and bytes a resident's slip gets, and the printer's
// own answer (status before, acknowledgement after).
import { parseArgs } from 'node:util';
import { translator } from '../../app/locales.js';
import { openNodeSettings } from '../../app/node-settings.js';
import { defaultDataDir } from '../../app/paths.js';
import { encodeSlip } from '../../core/printing/escpos.js';
import { TemplateIdSchema, templateIds } from '../../core/printing/schema.js';
import { renderSlip } from '../../core/printing/slip-data.js';
import { PaperSchema } from '../../core/printing/slip.js';
import { createThermalPort } from '../../core/printing/transport.js';
import { LanguageSchema } from '../../core/settings/schema.js';
import { slipSamples } from '../../../printer-templates/index.js';
import { report, UsageError, type Command } from '../command.js';

const PRINTER_TIMEOUT_MS = 5000;

export const printSample: Command = {
  name: 'print-sample',
  usage: `print-sample <${templateIds.join('|')}> [--printer tcp://HOST:9100|DEVICE] [--lang zh-CN|en] [--paper 58mm|80mm] [--raster] [--json]`,
  summary: 'print an invented sample of a slip on the configured (or given) printer, to check it works',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        printer: { type: 'string' },
        lang: { type: 'string', default: 'zh-CN' },
        paper: { type: 'string' },
        raster: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    const template = TemplateIdSchema.safeParse(positionals[0]);
    if (!template.success || positionals.length !== 1) throw new UsageError(`name one slip: ${templateIds.join(', ')}`);
    const language = LanguageSchema.safeParse(values.lang);
    if (!language.success) throw new UsageError('--lang is zh-CN or en');
    const settings = openNodeSettings(defaultDataDir(io.env)).read();
    const paper = PaperSchema.safeParse(values.paper ?? settings.printer.paper ?? '58mm');
    if (!paper.success) throw new UsageError('--paper is 58mm or 80mm');
    const uri = values.printer ?? settings.printer.uri;
    if (uri === undefined || uri.trim() === '') throw new UsageError('no printer: give --printer or set printer.uri in the settings');

    const slip = renderSlip(template.data, slipSamples[template.data], {
      t: translator(language.data, 'slips'),
      language: language.data,
      paper: paper.data,
    });
    const bytes = encodeSlip(slip, { qrMode: values.raster || settings.printer.qrMode === 'raster' ? 'raster' : 'native' });
    const port = createThermalPort(uri, { timeoutMs: PRINTER_TIMEOUT_MS });
    const before = await port.status();
    if (before !== 'ready' && before !== 'paper-near-end') {
      report(io, values.json, { printed: false, state: before, bytes: bytes.length }, [`not printed: the printer is ${before}`]);
      return 1;
    }
    const sent = await port.send(bytes);
    const printed = sent.ok && sent.paper !== 'end';
    const result = { printed, state: sent.ok ? before : sent.reason, paper: sent.ok ? sent.paper : null, bytes: bytes.length };
    report(io, values.json, result, [
      printed ? `printed ${template.data} (${bytes.length} bytes)` : `not confirmed: ${sent.ok ? 'paper ran out' : sent.reason}`,
    ]);
    return printed ? 0 : 1;
  },
};
