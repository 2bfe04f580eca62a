// `npm run emulator:id-reader`: a demo SAM reader behind a socat pty; point reader.port at the printed path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openSerialLink } from '../../electron/core/devices/id-reader/serial-link.js';
import { ReaderFaultSchema } from '../../electron/core/devices/id-reader/schema.js';
import { SamEmulator } from './emulator.js';
import { socatAvailable, startPtyPair, type PtyPair } from './socat.js';

const BAUD = 115200;
const HELP =
  'commands: cards · tap <id> · remove · fault <none|no-card|remove-mid-read|corrupt-frames|silence|disconnect|sam-fault> · quit';

if (!socatAvailable()) {
  console.error('socat is not installed (apt-get install socat)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'id-reader-'));
const emulator = new SamEmulator();
let pair: PtyPair | null = null;
let quitting = false;

/** socat ends when either side hangs up (a 'disconnect' fault): start it again, like plugging the reader back in. */
async function plugIn(): Promise<void> {
  pair = await startPtyPair(dir);
  const link = await openSerialLink(pair.emulator, BAUD);
  emulator.attach(link);
  const current = pair;
  void current.exited.then(() => {
    if (quitting) return;
    console.log('line down (socat ended); plugging back in…');
    setTimeout(() => void plugIn().catch((error: Error) => console.error(`replug failed: ${error.message}`)), 500);
  });
}

async function quit(): Promise<void> {
  quitting = true;
  await pair?.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

await plugIn();
console.log(`reader port for the kiosk (reader.port): ${join(dir, 'kiosk')}  (${BAUD} baud)`);
console.log(HELP);

const input = createInterface({ input: process.stdin });
input.on('close', () => void quit());
input.on('line', (line) => {
  const [command = '', arg = ''] = line.trim().split(/\s+/);
  switch (command) {
    case 'cards':
      for (const card of emulator.cards()) console.log(`  ${card.id.padEnd(20)} ${card.label}`);
      break;
    case 'tap':
      console.log(emulator.tap(arg) ? `card ${arg} on the reader` : `no demo card "${arg}" (see: cards)`);
      break;
    case 'remove':
      emulator.remove();
      console.log('reader empty');
      break;
    case 'fault': {
      const fault = ReaderFaultSchema.safeParse(arg);
      if (!fault.success) console.log(`unknown fault "${arg}"; ${HELP}`);
      else {
        emulator.fault(fault.data);
        // On a pty pair, closing one end leaves the line up (the kiosk hears silence); an unplug is socat going away.
        if (fault.data === 'disconnect') void pair?.stop();
        console.log(`fault: ${fault.data}`);
      }
      break;
    }
    case 'quit':
      void quit();
      break;
    case '':
      break;
    default:
      console.log(HELP);
  }
});
process.on('SIGINT', () => void quit());
