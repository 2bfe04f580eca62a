// Builds the core for one terminal (database, settings, clock) and the handler map both shells serve.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { systemClock, systemRandom, type Clock, type RandomSource } from '../core/clock.js';
import { integrityCheck, type Db } from '../core/db/open.js';
import { openMigratedDatabase } from './database.js';
import { DEMO_HALL_ID, isDemo } from '../core/settings/schema.js';
import { loadPolicies } from '../core/policy/load.js';
import { policyInForce } from '../core/policy/select.js';
import { createResidentDesk } from './applications.js';
import type { SettingsStore } from '../core/settings/store.js';
import { ensureTerminalId } from '../core/terminal/identity.js';
import type { CallContext, Handlers } from '../ipc/dispatch.js';
import { channelNames, type Channel } from '../ipc/contract.js';
import { checkAccess, needsOfficer, type AccessChannel } from '../core/staff/access.js';
import { createCurrentIdentity } from '../core/identity/current.js';
import { createEventHub, type EventHub } from './events.js';
import { startReader } from './reader.js';
import { createStaffDesk } from '../core/staff/desk.js';
import { DEMO_STAFF, prepareDemoStaff, seedDemoHall } from './demo-staff.js';
import { startProvince } from './province.js';
import { appVersion, databaseFile, policiesDir } from './paths.js';
import { startPrinting } from './printing.js';
import { createCheckpoint } from './checkpoint.js';
import { createApplicationSlips } from './application-slips.js';
import { createApprovalDesk } from './approvals.js';
import { createProxyDesk } from './proxies.js';
import { ensureLookupKey } from '../core/applications/lookup-key.js';
import { resolveDataKey, unlockTerminalData, type OsKeyStore } from './data-key.js';
import { startTrustJobs, type TrustJobs } from './trust-jobs.js';
import { applicantKey } from '../core/sync/outbox.js';
import { KioskError } from '../core/errors.js';
import { enrolOfficer } from '../core/staff/enrol.js';

export interface KioskAppOptions {
  dataDir: string;
  settings: SettingsStore;
  shell: 'electron' | 'browser';
  clock?: Clock;
  random?: RandomSource;
  /** How often `clock.tick` is pushed; 0 turns the timer off (tests). */
  tickMs?: number;
  /** Electron's safeStorage (main); the browser host has none and needs a key file or demo mode (data-key.ts). */
  keyStore?: OsKeyStore;
  /** A data key given outright (tests); otherwise resolveDataKey decides. */
  dataKey?: Uint8Array;
}

export interface KioskApp {
  handlers: Handlers;
  events: EventHub;
  db: Db;
  terminalId: string;
  /** The audit anchor, backups and the retention purge (trust-jobs.ts), for a run on demand. */
  keeping: Pick<TrustJobs, 'anchor' | 'backups' | 'purge'>;
  /** Stops the reader and timers, then closes the database. */
  close(): Promise<void>;
}

export function createKioskApp(options: KioskAppOptions): KioskApp {
  const { dataDir, settings, shell, clock = systemClock, random = systemRandom, tickMs = 60_000 } = options;
  mkdirSync(dataDir, { recursive: true });
  const initial = settings.read();
  // A malformed policy file stops the start here, naming the file and field (rules must never be guessed).
  const policies = loadPolicies(policiesDir());
  const file = databaseFile(dataDir, initial.databasePath);
  const { db, schemaVersion } = openMigratedDatabase(file);
  try {
    const dataKey = options.dataKey ?? resolveDataKey({ keyDir: dirname(file), demo: isDemo(initial), keyStore: options.keyStore }).key;
    unlockTerminalData(db, dataKey, random);
  } catch (error) {
    db.close();
    throw error;
  }
  const terminalId = ensureTerminalId(db, clock, random);
  const keeping = startTrustJobs({ db, databaseFile: file, dataDir, settings, clock });
  const events = createEventHub();
  const version = appVersion();
  const current = createCurrentIdentity(clock, random);
  const reader = startReader(initial, events, current);
  const demo = isDemo(initial);
  prepareDemoStaff(db, demo, clock, random);
  const staff = createStaffDesk(db, clock, {
    onChange: (session) => {
      // Nobody's card stays held for a proxy wizard the officer left behind.
      if (session.officer === null) proxies?.forget();
      events.emit('staff.session', session);
    },
  });
  const province = startProvince({ settings: initial, dataDir, db, terminalId, clock, random, events });
  const printing = startPrinting({ settings: initial, dataDir, db, clock, events });
  const checkpoint = createCheckpoint({ db, clock, identity: current });
  const hallId = initial.province.hallId ?? DEMO_HALL_ID;
  if (demo) seedDemoHall(db, clock, random, policies, hallId);
  const lookupKey = ensureLookupKey(db, random);
  const slips = createApplicationSlips({ db, clock, settings, printing, province });
  const approvals = createApprovalDesk({ db, clock, policies, events, province, printing, settings, hallId });
  const desk = createResidentDesk({
    db,
    clock,
    random,
    policies,
    identity: current,
    province,
    slips,
    hallId,
    onSubmitted: approvals.opener('kiosk'),
  });
  const proxies = createProxyDesk({ db, clock, random, policies, identity: current, slips, approvals, printing, settings, hallId });
  /** The officer the access check already admitted; asked again for the staff number a call is attributed to. */
  const officer = () => staff.requireOfficer();
  const ok = { ok: true } as const;

  const unchecked: Handlers = {
    'app.info': () => {
      const s = settings.read();
      return {
        version,
        demo: isDemo(s),
        hallName: s.hallName,
        defaultLanguage: s.defaultLanguage,
        kioskMode: s.kioskMode,
        voice: s.voice,
        idle: s.idle,
        shell,
      };
    },
    'system.health': () => ({ schemaVersion, integrity: integrityCheck(db), now: clock.now().toISOString() }),
    'reader.status': () => reader.status(),
    'sync.status': () => province.state(),
    'identity.wedge': ({ typed }) => {
      const result = current.fromTyped(typed, 'wedge');
      return result.ok ? { valid: true, identity: result.identity } : { valid: false, reason: result.reason };
    },
    'identity.manual': ({ typed }) => {
      const result = current.fromTyped(typed, 'manual');
      return result.ok ? { valid: true, identity: result.identity } : { valid: false, reason: result.reason };
    },
    'identity.clear': () => (current.clear(), ok),
    'staff.signIn': ({ staffNo, pin }) => staff.signIn(staffNo, pin),
    'staff.cardSignIn': ({ readId, pin }) => {
      const held = current.get(readId);
      if (!held) throw new KioskError('not-found', 'errors.cardNotRead');
      const session = staff.signInByCard(applicantKey(held.number, lookupKey), pin, random);
      // The officer's own identity is not a resident's session: forget it once it has served.
      current.clear();
      return session;
    },
    'staff.signOut': () => staff.signOut(),
    'staff.session': () => staff.session(),
    'printer.status': () => printing.status(),
    'printer.jobs': ({ limit }) => printing.jobs(limit),
    'printer.reprint': ({ jobId }) => printing.reprint(jobId, officer().staffNo),
    'printer.dismiss': ({ jobId }) => printing.dismiss(jobId, officer().staffNo),
    'printer.preview': ({ jobId }) => printing.preview(jobId),
    'code.verify': (input) => checkpoint(input),
    'policy.current': () => policyInForce(policies, clock.now()),
    'application.begin': ({ readId }) => desk.begin(readId),
    'application.submit': (input) => desk.submit(input),
    'application.status': ({ readId }) => desk.status(readId),
    'application.reprint': (input) => desk.reprint(input),
    'application.reportLoss': (input) => desk.reportLoss(input),
    'queue.list': (query) => approvals.list(query, officer()),
    'queue.detail': ({ applicationId }) => approvals.detail(applicationId, officer()),
    'queue.decide': (input) => approvals.decide(input, officer()),
    'queue.reassign': (input) => approvals.reassign(input, officer()),
    'queue.printNotice': ({ applicationId }) => approvals.printNotice(applicationId),
    'officers.list': () => approvals.officers(),
    'officers.add': ({ staffNo, roles, readId }) => {
      const card = current.get(readId);
      if (!card) throw new KioskError('not-found', 'errors.cardNotRead');
      enrolOfficer(db, clock, random, { staffNo, roles, card, lookupKey }, officer());
      // The new officer's identity is not a resident's session: forget it once it has served.
      current.clear();
      return approvals.officers().find((view) => view.staffNo === staffNo)!;
    },
    'officers.duty': (input) => approvals.duty(input, officer()),
    'sla.board': (query) => approvals.board(query),
    'sla.exported': (input) => approvals.exported(input, officer()),
    'proxy.holdProxy': ({ readId }) => proxies.holdProxy(readId),
    'proxy.family': (input) => proxies.family(input, officer()),
    'proxy.staff': (input) => proxies.staff(input, officer()),
    'proxy.batchCheck': (input) => proxies.batchCheck(input, officer()),
    'proxy.batchImport': (input) => proxies.batchImport(input, officer()),
    'demo.cards': () => reader.demo().cards(),
    'demo.tapCard': ({ cardId }) => (reader.demo().tap(cardId), ok),
    'demo.removeCard': () => (reader.demo().remove(), ok),
    'demo.fault': ({ fault }) => (reader.demo().fault(fault), ok),
    'demo.province': async ({ online }) => (await province.demoSetOnline(online), ok),
    'demo.staff': () => ({ staffNo: DEMO_STAFF.staffNo, pin: DEMO_STAFF.pin }),
  };

  // Role checks run here, behind the contract, for every channel at once: a screen that forgets one opens no door.
  const handlers = withAccessCheck(unchecked, (channel) => {
    checkAccess(channel, { officer: staff.current(), demo });
    // A staff call counts as activity for the idle sign-out, as it did when each handler asked for the officer.
    if (needsOfficer(channel)) staff.requireOfficer();
  });

  const timer = tickMs > 0 ? setInterval(() => events.emit('clock.tick', { now: clock.now().toISOString() }), tickMs) : undefined;
  timer?.unref();

  return {
    handlers,
    events,
    db,
    terminalId,
    keeping,
    async close() {
      if (timer) clearInterval(timer);
      current.clear();
      staff.close();
      approvals.close();
      slips.close();
      await province.close();
      await printing.close();
      await reader.close();
      await keeping.stop();
      db.close();
    },
  };
}

/** The access table names exactly the contract's channels: a channel added to one but not the other fails tsc here. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameChannels: Same<AccessChannel, Channel> = true;

/** Runs `guard` before every handler; a refusal throws, so the handler and its effects never run. */
function withAccessCheck(handlers: Handlers, guard: (channel: AccessChannel) => void): Handlers {
  const wrapped = channelNames.map((channel) => {
    const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
    const checked = (input: unknown, ctx: CallContext) => {
      guard(channel);
      return handler(input, ctx);
    };
    return [channel, checked] as const;
  });
  return Object.fromEntries(wrapped) as unknown as Handlers;
}
