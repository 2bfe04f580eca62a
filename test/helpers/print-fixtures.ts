// Printing tests' shared setup: a migrated SQLite file, the printer emulator on TCP, and the app's paper-code render.
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { migrationsDir } from '../../electron/app/paths.js';
import { translator } from '../../electron/app/locales.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { encodeSlip } from '../../electron/core/printing/escpos.js';
import type { RenderInput } from '../../electron/core/printing/print-service.js';
import { renderSlip } from '../../electron/core/printing/slip-data.js';
import type { QrMode } from '../../electron/core/printing/slip.js';
import type { PrinterPort } from '../../electron/core/printing/transport.js';
import { createPrinterEmulator, type PrinterEmulatorOptions } from '../../emulators/printer/emulator.js';
import { tempDir } from './temp.js';

/** A real kiosk database file in a temp folder, migrated to the latest version, closed when the test ends. */
export function kioskDb(t: TestContext): { db: Db; file: string } {
  const file = join(tempDir(t), 'kiosk.sqlite');
  const db = openDatabase(file);
  migrate(db, loadMigrations(migrationsDir()));
  t.after(() => db.open && db.close());
  return { db, file };
}

/** The printer emulator on 127.0.0.1:0, closed when the test ends. */
export async function startPrinter(t: TestContext, options: PrinterEmulatorOptions = {}) {
  const emulator = createPrinterEmulator(options);
  const { url } = await emulator.listen(0, '127.0.0.1');
  t.after(() => emulator.close());
  return { emulator, admin: emulator.admin, uri: url };
}

/**
 * The job's bytes as electron/app/printing.ts makes them: the slip's fields with the journal's 补打 number, the real
 * template in zh-CN on the job's paper, encoded with the given QR mode.
 */
export function slipRender(qrMode: QrMode): (job: RenderInput) => Uint8Array {
  const t = translator('zh-CN', 'slips');
  return (job) =>
    encodeSlip(renderSlip(job.template, { ...job.data, reprintNumber: job.reprintNumber }, { t, language: 'zh-CN', paper: job.paper }), {
      qrMode,
    });
}

/**
 * The real port with hooks that change the printer between the service's steps: `afterStatus` runs once right after
 * the next status answer (a fault that strikes after the check, before the job), `afterSend` once right after a send.
 */
export function hookedPort(inner: PrinterPort) {
  const hooks: { afterStatus?: () => void; afterSend?: () => void } = {};
  const port: PrinterPort = {
    async status() {
      const state = await inner.status();
      const hook = hooks.afterStatus;
      hooks.afterStatus = undefined;
      hook?.();
      return state;
    },
    async send(bytes) {
      const outcome = await inner.send(bytes);
      const hook = hooks.afterSend;
      hooks.afterSend = undefined;
      hook?.();
      return outcome;
    },
  };
  return { port, hooks };
}
