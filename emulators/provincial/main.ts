// `npm run emulator:provincial`: the provincial service emulator on 127.0.0.1 with admin endpoints and a demo terminal.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock, systemRandom } from '../../electron/core/clock.js';
import { createProvincialEmulator } from './emulator.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    terminal: { type: 'string' },
    secret: { type: 'string' },
  },
});

if ((values.terminal === undefined) !== (values.secret === undefined)) {
  console.error('give both --terminal ID and --secret BASE64, or neither (a demo terminal is made)');
  process.exit(2);
}

const dir = values.data ?? mkdtempSync(join(tmpdir(), 'provincial-'));
mkdirSync(dir, { recursive: true });
const terminalId = values.terminal ?? `T-${Buffer.from(systemRandom.bytes(8)).toString('hex').toUpperCase()}`;
const secret = values.secret !== undefined ? Buffer.from(values.secret, 'base64') : Buffer.from(systemRandom.bytes(32));
if (!/^T-[0-9A-Fa-f]{16}$/.test(terminalId) || secret.length < 16) {
  console.error('--terminal must be T- and 16 hex digits; --secret at least 16 bytes of base64');
  process.exit(2);
}

const port = Number(process.env.PROVINCE_PORT ?? 7799);
const emulator = createProvincialEmulator({
  dbFile: join(dir, 'province.sqlite'),
  clock: systemClock,
  terminals: new Map([[terminalId, secret]]),
  admin: true,
  log: (line) => console.log(line),
});
const { url } = await emulator.listen(port, '127.0.0.1');

console.log(`provincial emulator base URL: ${url}  (API under /v1, admin under /admin/)`);
console.log(`data: ${join(dir, 'province.sqlite')}`);
console.log(`terminal id: ${terminalId}`);
console.log(`terminal secret (base64): ${secret.toString('base64')}`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await emulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
