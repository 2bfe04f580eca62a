// An in-memory `window.kiosk` for renderer tests: the real bridge and dispatcher over a transport that never leaves
// memory, with a tiny stand-in for the emulated card reader (demo cards, faults), staff sign-in (one demo officer,
// locked after 5 wrong PINs), manual number entry (core's real number rules), the province link (sync state, pushes,
// the demo province taken off the network and back) and a record of every call.
import type { ReaderFault, ReaderStatus } from '../../electron/core/devices/id-reader/schema.js';
import { KioskError } from '../../electron/core/errors.js';
import { parseDocumentNumber } from '../../electron/core/identity/document-number.js';
import type { MaskedIdentity } from '../../electron/core/identity/schema.js';
import { maskIdNumber } from '../../electron/core/privacy/mask.js';
import type { SignedInOfficer } from '../../electron/core/staff/schema.js';
import type { SyncState } from '../../electron/core/sync/schema.js';
import { createBridge, type KioskApi, type Transport } from '../../electron/ipc/bridge.js';
import type { AppInfo, Channel, ChannelOutput, EventName, EventPayload } from '../../electron/ipc/contract.js';
import { createDispatcher } from '../../electron/ipc/dispatch.js';

export const testInfo: AppInfo = {
  version: '0.1.0-test',
  demo: false,
  hallName: '测试社区服务大厅',
  defaultLanguage: 'zh-CN',
  kioskMode: true,
  voice: false,
  idle: { timeoutSeconds: 60, warningSeconds: 30 },
  shell: 'browser',
};

/** A 1×1 PNG, enough for an <img> with a data: URL. */
export const testPhoto =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** What `card.read` carries for a synthetic resident card: masked values only, like core sends. */
export const testIdentity: MaskedIdentity = {
  readId: 'read-0001-test',
  source: 'card',
  documentType: 'resident',
  maskedName: '张*丰',
  maskedNumber: '11**************2X',
  photo: testPhoto,
  validTo: '2030-01-01',
  expired: false,
};

export const demoCards = [
  { id: 'demo-zhang', label: '张*丰 · 居民身份证', cardType: 'resident' },
  { id: 'demo-smith', label: 'S**** · 外国人永久居留身份证', cardType: 'foreign-permanent' },
] as const;

export type WedgeAnswer = ChannelOutput<'identity.wedge'>;

/** The demo officer, as `demo.staff` tells trainers and `staff.signIn` accepts. */
export const demoStaff = { staffNo: '0001', pin: '246810' } as const;
export const demoOfficer: SignedInOfficer = { staffNo: '0001', maskedName: '王**', roles: ['officer', 'approver'] };
/** Wrong PINs allowed before the account locks, and for how long (like core). */
export const SIGN_IN_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
/** What the fake's "today" is for birth dates in typed numbers. */
const fakeToday = new Date('2024-05-01T09:30:00+08:00');

export interface FakeKiosk {
  api: KioskApi;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Makes the next `app.info` calls fail with this error (undefined: answer normally again). */
  failAppInfo(error: KioskError | undefined): void;
  /** Every contract call made, in order (channel and validated input). */
  calls: { channel: Channel; input: unknown }[];
  callsTo(channel: Channel): unknown[];
  /** What the next `identity.wedge` answers; a KioskError makes it fail. */
  answerWedge(answer: WedgeAnswer | KioskError): void;
  setReaderStatus(status: ReaderStatus): void;
  /** Makes the next `identity.manual` calls fail with this error (undefined: answer normally again). */
  failManual(error: KioskError | undefined): void;
  /** Who core thinks is signed in. */
  officer(): SignedInOfficer | null;
  /** Core signs the officer out by itself (its own idle timeout), pushing `staff.session` with no officer. */
  expireStaffSession(): void;
  /** What `sync.status` answers from now on (no push: for the state before the screen first asks). */
  setSyncState(state: SyncState): void;
  /** Core's sync state changed: `sync.status` answers it from now on, and it is pushed as the `sync.status` event. */
  pushSyncState(state: SyncState): void;
  /** What `sync.status` answers now. */
  syncState(): SyncState;
}

export const readyReader: ReaderStatus = { state: 'ready', kind: 'emulator', cardPresent: false, lastError: null };

/** A province link that works, nothing waiting, nothing refused. */
export const connectedSync: SyncState = {
  connection: 'connected',
  queueLength: 0,
  oldestWaitingAt: null,
  lastSuccessAt: '2024-05-01T09:29:55+08:00',
  lastFailureAt: null,
  failed: 0,
};

export function createFakeKiosk(info: Partial<AppInfo> = {}, now = '2024-05-01T09:30:00+08:00'): FakeKiosk {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: FakeKiosk['calls'] = [];
  let appInfoError: KioskError | undefined;
  let manualError: KioskError | undefined;
  let wedge: WedgeAnswer | KioskError = { valid: true, identity: { ...testIdentity, source: 'wedge', maskedName: null, photo: null } };
  let reader = readyReader;
  let fault: ReaderFault = 'none';
  let officer: SignedInOfficer | null = null;
  let wrongPins = 0;
  let readCount = 0;
  let sync = connectedSync;
  const pushSync = (next: SyncState) => {
    sync = next;
    emit('sync.status', { ...sync });
  };
  const setOfficer = (next: SignedInOfficer | null) => {
    officer = next;
    emit('staff.session', { officer });
  };
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => listeners.get(event)?.forEach((listener) => listener(payload));
  const ok = { ok: true } as const;
  // The emulated reader answers a tap after the call returns, like the real one (a read takes a moment).
  const later = (action: () => void) => void Promise.resolve().then(action);

  const demoOnly = () => {
    if (!{ ...testInfo, ...info }.demo) throw new KioskError('forbidden', 'errors.demoOnly');
  };

  const dispatch = createDispatcher({
    'app.info': () => {
      if (appInfoError) throw appInfoError;
      return { ...testInfo, ...info };
    },
    'system.health': () => ({ schemaVersion: 1, integrity: 'ok', now }),
    'reader.status': () => reader,
    'sync.status': () => ({ ...sync }),
    'identity.wedge': () => {
      if (wedge instanceof KioskError) throw wedge;
      return wedge;
    },
    'identity.manual': ({ typed }) => {
      if (manualError) throw manualError;
      if (!officer) throw new KioskError('forbidden', 'errors.staffOnly');
      const parsed = parseDocumentNumber(typed, fakeToday);
      if (!parsed.valid) return { valid: false, reason: parsed.reason };
      readCount += 1;
      const identity: MaskedIdentity = {
        readId: `manual-${String(readCount).padStart(4, '0')}-test`,
        source: 'manual',
        documentType: parsed.type,
        maskedName: null,
        maskedNumber: maskIdNumber(parsed.canonical),
        photo: null,
        validTo: null,
        expired: false,
      };
      return { valid: true, identity };
    },
    'identity.clear': () => ok,
    'staff.signIn': ({ staffNo, pin }) => {
      if (wrongPins >= SIGN_IN_ATTEMPTS) throw new KioskError('forbidden', 'errors.signInLocked', { minutes: LOCK_MINUTES });
      // Like core: an unknown staff number gets the same answer as a wrong PIN, but nothing is counted or locked.
      const failed = new KioskError('unauthorized', 'errors.signInFailed', { attempts: SIGN_IN_ATTEMPTS, minutes: LOCK_MINUTES });
      if (staffNo !== demoStaff.staffNo) throw failed;
      if (pin !== demoStaff.pin) {
        wrongPins += 1;
        if (wrongPins >= SIGN_IN_ATTEMPTS) throw new KioskError('forbidden', 'errors.signInLocked', { minutes: LOCK_MINUTES });
        throw failed;
      }
      wrongPins = 0;
      setOfficer({ ...demoOfficer });
      return { officer };
    },
    'staff.signOut': () => {
      setOfficer(null);
      return { officer };
    },
    'staff.session': () => ({ officer }),
    'demo.staff': () => {
      demoOnly();
      return { ...demoStaff };
    },
    'demo.province': ({ online }) => {
      demoOnly();
      // Core notices a little later (its next contact), and pushes the new state then.
      later(() => pushSync({ ...sync, connection: online ? 'connected' : 'offline' }));
      return ok;
    },
    'demo.cards': () => demoCards.map((card) => ({ ...card })),
    'demo.tapCard': ({ cardId }) => {
      if (!demoCards.some((card) => card.id === cardId)) throw new KioskError('not-found', 'errors.notFound');
      later(() =>
        fault === 'remove-mid-read' ? emit('card.problem', { problem: 'removed-early' }) : emit('card.read', { ...testIdentity }),
      );
      return ok;
    },
    'demo.removeCard': () => {
      later(() => emit('card.removed', {}));
      return ok;
    },
    'demo.fault': ({ fault: next }) => {
      fault = next;
      return ok;
    },
  });
  const transport: Transport = {
    invoke: (channel, input) => {
      calls.push({ channel: channel as Channel, input });
      return dispatch(channel, input, { transport: 'ipc' });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  return {
    api: createBridge(transport),
    emit,
    failAppInfo: (error) => {
      appInfoError = error;
    },
    calls,
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.input),
    answerWedge: (answer) => {
      wedge = answer;
    },
    setReaderStatus: (status) => {
      reader = status;
    },
    failManual: (error) => {
      manualError = error;
    },
    officer: () => officer,
    expireStaffSession: () => setOfficer(null),
    setSyncState: (state) => {
      sync = state;
    },
    pushSyncState: pushSync,
    syncState: () => sync,
  };
}
