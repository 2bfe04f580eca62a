// The provincial service for one terminal: the in-process emulator in demo mode, the configured endpoint otherwise,
// with the outbox dispatcher and the change-feed pull running against it.
import { join } from 'node:path';
import type { Clock, RandomSource } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { KioskError } from '../core/errors.js';
import { createProvinceClient } from '../core/province/client.js';
import { isDemo, type Settings } from '../core/settings/schema.js';
import type { ApplicationView } from '../core/province/schema.js';
import { applyView } from '../core/sync/code-status.js';
import { createDispatcher } from '../core/sync/dispatcher.js';
import { nextDueAt, retryWaitingNow } from '../core/sync/outbox.js';
import { createPuller } from '../core/sync/pull.js';
import { createRepeater } from '../core/sync/repeater.js';
import { refreshTrust } from '../core/codes/trust-store.js';
import { refreshRoster } from '../core/staff/roster.js';
import type { SyncState } from '../core/sync/schema.js';
import { recordContact, syncState } from '../core/sync/state.js';
import { createProvincialEmulator, type Listening, type ProvincialEmulator } from '../../emulators/provincial/emulator.js';
import type { EventHub } from './events.js';

export type ViewListener = (view: ApplicationView) => void;

export interface ProvinceService {
  state(): SyncState;
  /** Send the outbox now rather than at the next poll (a resident is waiting); errors are logged like the loop's. */
  kick(): void;
  /**
   * Asks the province for one application's current view (giving up after timeoutMs) and applies it to code_status.
   * true: the view is applied or was already known; false: no view came back (no province configured, no answer in
   * time, or the province does not know the application yet, for example while its submission is still queued).
   */
  refresh(applicationId: string, timeoutMs: number): Promise<boolean>;
  /**
   * Every view that changed code_status — from the dispatcher's answers, the change feed, or refresh — after its
   * commit. Returns the unsubscribe function. A listener that throws is logged and does not stop the others.
   */
  onView(listener: ViewListener): () => void;
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
/** Issuer keys and revocations for offline checks: often enough that a lost slip is refused within minutes. */
const TRUST_REFRESH_MS = 5 * 60_000;
const TRUST_RETRY_MS = 30_000;
const TRUST_SOON_MS = 1000;
/** Staff changes are rare and a new officer can wait an hour; a failed fetch is retried sooner. */
const ROSTER_REFRESH_MS = 60 * 60_000;
const ROSTER_RETRY_MS = 5 * 60_000;

/** Resolves with undefined once ms have passed, so a caller with a deadline never waits on a slow start. */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(undefined)),
    );
  });

export function startProvince(options: ProvinceOptions): ProvinceService {
  const { settings, dataDir, db, terminalId, clock, random, events, env = process.env } = options;
  const state = () => syncState(db, clock);
  const listeners = new Set<ViewListener>();
  const announce = (view: ApplicationView) => {
    // A new or changed code usually revokes the one before it (a loss report, a status change): fetch the revocation
    // list soon, so this hall's own checkpoint refuses the old slip within seconds rather than at the next refresh.
    if (view.code !== null) refreshTrustSoon();
    for (const listener of listeners) {
      try {
        listener(view);
      } catch {
        // One screen's or printer's failure must not cost the others the view; no details (personal data).
        console.error('[sync] a view listener failed');
      }
    }
  };
  let lastPushed = '';
  // Whether the last contact failed: when it flips back to a success, the queue should not sit out its backoff.
  let linkWasDown = false;
  const watchLink = (current: SyncState) => {
    const down = current.lastFailureAt !== null && (current.lastSuccessAt === null || current.lastFailureAt > current.lastSuccessAt);
    if (linkWasDown && !down && current.queueLength > 0 && retryWaitingNow(db, clock.now().getTime()) > 0) {
      sendNow().catch(() => console.error('[sync] dispatcher tick failed'));
    }
    linkWasDown = down;
  };
  const push = () => {
    const current = state();
    watchLink(current);
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
    const dispatcher = createDispatcher({ db, client, clock, random, onState: push, onView: announce });
    const puller = createPuller({ db, client, clock, onChange: announce });
    const trust = createRepeater(() => refreshTrust(db, client, clock), 'trust-list refresh failed');
    dispatcher.start(DISPATCH_POLL_MS);
    puller.start(PULL_MS);
    trust.start((result) => (result?.trustList && result.revocations ? TRUST_REFRESH_MS : TRUST_RETRY_MS));
    // A configured hall's staff come from the province's roster; a demo terminal keeps its synthetic officers.
    const roster = isDemo(settings) ? undefined : createRepeater(() => refreshRoster(db, client, clock, random), 'roster refresh failed');
    roster?.start((result) => (result ? ROSTER_REFRESH_MS : ROSTER_RETRY_MS));
    return { dispatcher, puller, trust, roster, client };
  })();
  const pushTimer = setInterval(push, STATE_PUSH_MS);
  pushTimer.unref();

  // Many codes can change at once (a busy change feed): one refresh a little later covers them all.
  let trustTimer: NodeJS.Timeout | undefined;
  function refreshTrustSoon(): void {
    trustTimer ??= setTimeout(() => {
      trustTimer = undefined;
      void ready.then((loops) => loops?.trust.once()).catch(() => console.error('trust-list refresh failed'));
    }, TRUST_SOON_MS);
    trustTimer.unref();
  }

  /**
   * A tick already in progress is joined rather than doubled (the repeater), but it chose its items before the caller
   * queued a new one; so when due items remain after it, one more round follows at once.
   */
  async function sendNow(): Promise<void> {
    const loops = await ready;
    if (!loops) return;
    await loops.dispatcher.tick();
    const due = nextDueAt(db);
    if (due !== null && due <= clock.now().getTime()) await loops.dispatcher.tick();
  }

  return {
    state,
    kick() {
      sendNow().catch(() => console.error('[sync] dispatcher tick failed'));
    },
    async refresh(applicationId, timeoutMs) {
      const started = Date.now();
      const loops = await within(ready, timeoutMs);
      if (!loops) return false;
      const outcome = await loops.client.getApplication(applicationId, { timeoutMs: Math.max(1, timeoutMs - (Date.now() - started)) });
      let changed = false;
      db.transaction(() => {
        if (outcome.kind === 'ok') changed = applyView(db, clock, outcome.value);
        recordContact(db, clock, outcome.kind === 'ok' || outcome.kind === 'refused');
      }).immediate();
      // After the commit, like the dispatcher's and the puller's (DESIGN.md rule 2).
      if (outcome.kind === 'ok' && changed) announce(outcome.value);
      return outcome.kind === 'ok';
    },
    onView(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
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
      if (trustTimer) clearTimeout(trustTimer);
      listeners.clear();
      const loops = await ready.catch(() => undefined);
      await loops?.dispatcher.stop();
      await loops?.puller.stop();
      await loops?.trust.stop();
      await loops?.roster?.stop();
      await emulator?.close();
    },
  };
}
