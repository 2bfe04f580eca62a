// `npm run emulator:printer`: the ESC/POS printer on 127.0.0.1 (TCP 9100 style) plus its HTTP admin; tickets to a folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PaperSchema } from '../../electron/core/printing/slip.js';
import { listenPrinterAdmin } from './admin.js';
import { createPrinterEmulator } from './emulator.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    paper: { type: 'string', default: '58mm' },
  },
});

const paper = PaperSchema.safeParse(values.paper);
const port = Number(process.env.PRINTER_PORT ?? 9100);
const adminPort = Number(process.env.PRINTER_ADMIN_PORT ?? 9101);
if (!paper.success) {
  console.error('--paper must be 58mm or 80mm');
  process.exit(2);
}
if (![port, adminPort].every((p) => Number.isInteger(p) && p >= 0 && p <= 65535)) {
  console.error('PRINTER_PORT and PRINTER_ADMIN_PORT must be port numbers');
  process.exit(2);
}

const outDir = values.out !== undefined ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'printer-'));
const emulator = createPrinterEmulator({ outDir, paper: paper.data, log: (line) => console.log(line) });
const printer = await emulator.listen(port, '127.0.0.1');
const admin = await listenPrinterAdmin(emulator.admin, adminPort, '127.0.0.1');

console.log(`printer emulator (${paper.data}): ${printer.url}  (the kiosk's printer.interface)`);
console.log(`admin: ${admin.url}/admin/state  (POST /admin/state, /admin/next-job, /admin/reset; GET /admin/tickets)`);
console.log(`tickets (NNNN.png + NNNN.txt): ${outDir}`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await Promise.all([emulator.close(), admin.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
