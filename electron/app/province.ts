// The provincial service for one terminal: the in-process emulator in demo mode, the configured endpoint otherwise,
// with the outbox dispatcher and the change-feed pull running against it.
import { join } from 'node:path';
import type { Clock, RandomSource } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { KioskError } from '../core/errors.js';
import { createProvinceClient } from '../core/province/client.js';
import { isDemo, type Settings } from '../core/settings/schema.js';
import { createDispatcher } from '../core/sync/dispatcher.js';
import { createPuller } from '../core/sync/pull.js';
import type { SyncState } from '../core/sync/schema.js';
import { syncState } from '../core/sync/state.js';
import { createProvincialEmulator, type Listening, type ProvincialEmulator } from '../../emulators/provincial/emulator.js';
import type { EventHub } from './events.js';

export interface ProvinceService {
  state(): SyncState;
  /** Trainer control: take the demo province off the network and back, to show offline operation. */
  demoSetOnline(online: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface ProvinceOptions {
  settings: Settings;
  dataDir: string;
  db: Db;
  terminalId: string;
  clock: Clock;
  random: RandomSource;
  events: EventHub;
  env?: NodeJS.ProcessEnv;
}

const DISPATCH_POLL_MS = 2000;
const PULL_MS = 5000;
const STATE_PUSH_MS = 5000;

export function startProvince(options: ProvinceOptions): ProvinceService {
  const { settings, dataDir, db, terminalId, clock, random, events, env = process.env } = options;
  const state = () => syncState(db, clock);
  let lastPushed = '';
  const push = () => {
    const current = state();
    const text = JSON.stringify(current);
    if (text !== lastPushed) events.emit('sync.status', current);
    lastPushed = text;
  };

  let emulator: ProvincialEmulator | undefined;
  let listening: Listening | undefined;
  let port = 0;

  // Listening is asynchronous; until it is up the dispatcher simply finds the province unreachable and backs off.
  const ready = (async () => {
    let baseUrl: string;
    let secret: Uint8Array;
    if (isDemo(settings)) {
      secret = random.bytes(32);
      emulator = createProvincialEmulator({
        dbFile: join(dataDir, 'demo-province.sqlite'),
        clock,
        random,
        terminals: new Map([[terminalId, secret]]),
      });
      listening = await emulator.listen(0);
      port = Number(new URL(listening.url).port);
      baseUrl = listening.url;
    } else {
      const encoded = env.KIOSK_PROVINCE_SECRET;
      if (!settings.province.endpoint || !encoded) return undefined;
      baseUrl = settings.province.endpoint;
      secret = Buffer.from(encoded, 'base64');
    }
    const client = createProvinceClient({ baseUrl, terminalId: settings.province.terminalId ?? terminalId, secret, clock, random });
    const dispatcher = createDispatcher({ db, client, clock, random, onState: push });
    const puller = createPuller({ db, client, clock });
    dispatcher.start(DISPATCH_POLL_MS);
    puller.start(PULL_MS);
    return { dispatcher, puller };
  })();
  const pushTimer = setInterval(push, STATE_PUSH_MS);
  pushTimer.unref();

  return {
    state,
    async demoSetOnline(online) {
      if (!emulator) throw new KioskError('forbidden', 'errors.demoOnly');
      await ready;
      if (online && !listening) listening = await emulator.listen(port);
      if (!online && listening) {
        await listening.close();
        listening = undefined;
      }
    },
    async close() {
      clearInterval(pushTimer);
      const loops = await ready.catch(() => undefined);
      await loops?.dispatcher.stop();
      await loops?.puller.stop();
      await emulator?.close();
    },
  };
}
