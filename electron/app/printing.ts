// The hall's printer for one terminal: the configured printer (tcp:// or a device file), or in demo mode the printer
// emulator in-process, writing each slip as PNG + transcript under the data folder. Jobs go through the journal.
import { join } from 'node:path';
import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { encodeSlip } from '../core/printing/escpos.js';
import { previewSvg } from '../core/printing/preview.js';
import { createPrintService, type PrintService } from '../core/printing/print-service.js';
import type { PrintJob, PrinterStatus, TemplateId } from '../core/printing/schema.js';
import { renderSlip } from '../core/printing/slip-data.js';
import type { Paper, QrMode } from '../core/printing/slip.js';
import { createThermalPort, type PrinterPort } from '../core/printing/transport.js';
import { isDemo, type Language, type Settings } from '../core/settings/schema.js';
import { createPrinterEmulator, type PrinterEmulator } from '../../emulators/printer/emulator.js';
import type { EventHub } from './events.js';
import { translator } from './locales.js';

export interface PrintingOptions {
  settings: Settings;
  dataDir: string;
  db: Db;
  clock: Clock;
  events: EventHub;
}

/** What the journal keeps for a job: the slip's language and its (masked) data, so a reprint says exactly the same. */
interface JobData {
  language: Language;
  fields: unknown;
}

export interface Printing {
  status(): PrinterStatus;
  print(template: TemplateId, label: string, language: Language, fields: unknown): PrintJob;
  jobs(limit: number): PrintJob[];
  reprint(jobId: number, actor: string): PrintJob;
  dismiss(jobId: number, actor: string): PrintJob;
  preview(jobId: number): { svg: string };
  /** The demo printer (trainer faults, tests); undefined with a real printer. */
  demoPrinter(): PrinterEmulator | undefined;
  close(): Promise<void>;
}

const JOB_POLL_MS = 1000;
const PRINTER_TIMEOUT_MS = 5000;

export function startPrinting(options: PrintingOptions): Printing {
  const { settings, dataDir, db, clock, events } = options;
  const paper: Paper = settings.printer.paper ?? '58mm';
  const qrMode: QrMode = settings.printer.qrMode ?? 'native';

  const emulator =
    settings.printer.uri === undefined && isDemo(settings)
      ? createPrinterEmulator({ outDir: join(dataDir, 'printer-out'), paper })
      : undefined;
  // Listening is asynchronous; jobs wait for it (the service asks the port, the port waits for the printer's address).
  const portReady: Promise<PrinterPort> = (async () => {
    const uri = emulator ? (await emulator.listen(0, '127.0.0.1')).url : settings.printer.uri;
    return uri === undefined ? unconfiguredPort : createThermalPort(uri, { timeoutMs: PRINTER_TIMEOUT_MS });
  })();
  const port: PrinterPort = {
    status: async () => (await portReady).status(),
    send: async (bytes) => (await portReady).send(bytes),
  };

  const slipOf = (template: TemplateId, data: unknown, reprintNumber: number) => {
    const { language, fields } = data as JobData;
    const withReprint = { ...(fields as object), reprintNumber };
    return renderSlip(template, withReprint, { t: translator(language, 'slips'), language, paper });
  };
  const service: PrintService = createPrintService({
    db,
    clock,
    port,
    render: (job) => encodeSlip(slipOf(job.template, job.data, job.reprintNumber), { qrMode }),
    onChange: (status) => events.emit('printer.status', status),
  });
  service.start(JOB_POLL_MS);

  return {
    status: () => service.status(),
    // The service's loop wakes on enqueue and reprint by itself.
    print: (template, label, language, fields) => service.enqueue({ template, label, paper, data: { language, fields } satisfies JobData }),
    jobs: (limit) => service.jobs(limit),
    reprint: (jobId, actor) => service.reprint(jobId, actor),
    dismiss: (jobId, actor) => service.dismiss(jobId, actor),
    preview(jobId) {
      const job = service.job(jobId);
      return { svg: previewSvg(slipOf(job.template, job.data, job.reprintNumber)) };
    },
    demoPrinter: () => emulator,
    async close() {
      await service.stop();
      await portReady.catch(() => undefined);
      await emulator?.close();
    },
  };
}

/** No printer configured on a real terminal: every job fails visibly as unreachable instead of vanishing. */
const unconfiguredPort: PrinterPort = {
  status: async () => 'unreachable',
  send: async () => ({ ok: false, reason: 'unreachable' }),
};
