// createProvincialEmulator: wires store, issuer, rules, faults and admin into a real HTTP server (docs/provincial-api.md).
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { systemRandom, type Clock, type RandomSource } from '../../electron/core/clock.js';
import { createRequestVerifier } from '../../electron/core/province/signing.js';
import { createAdmin, type ProvincialAdmin } from './admin.js';
import { FaultInjector } from './faults.js';
import { createIssuer } from './issuer.js';
import { HallPolicySchema, type HallPolicyInput } from './policy.js';
import { createRouteHandler } from './routes.js';
import { createHttpServer } from './server.js';
import { createService } from './service.js';
import { openStore } from './store.js';
import { RosterSchema, type Roster } from '../../electron/core/staff/schema.js';

export interface ProvincialEmulatorOptions {
  /** The emulator's own SQLite file; reopening it keeps applications, feed, idempotency answers and issuer key. */
  dbFile: string;
  clock: Clock;
  random?: RandomSource;
  /** Terminal id → shared secret. Terminals added through the admin are kept in the file as well. */
  terminals: Map<string, Uint8Array>;
  hallPolicy?: HallPolicyInput;
  /** Mount the unsigned /admin/ endpoints (main.ts and tests do; anything facing a network must not). */
  admin?: boolean;
  /** One line per request: method, path template, status, duration. Never bodies, ids or headers. */
  log?: (line: string) => void;
  /**
   * false: a broken province for tests that must prove they bite. Idempotency keys are ignored (no stored answer is
   * looked up or kept) and a submission whose applicationId is already filed is filed again as a new row.
   */
  honourIdempotencyKeys?: boolean;
  /** The hall's staff roster served on GET /v1/roster (replace it with admin.setRoster); empty by default. */
  roster?: Roster;
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export interface ProvincialEmulator {
  listen(port?: number, host?: string): Promise<Listening>;
  /** The same operations as /admin/, in-process (available whether or not the HTTP admin is mounted). */
  admin: ProvincialAdmin;
  /** The emulator's current time (injected clock plus admin moves). */
  now(): Date;
  /** Closes every server this emulator listens with, then the SQLite file. */
  close(): Promise<void>;
}

export function createProvincialEmulator(options: ProvincialEmulatorOptions): ProvincialEmulator {
  const store = openStore(options.dbFile);
  const policy = HallPolicySchema.parse(options.hallPolicy ?? {});
  const random = options.random ?? systemRandom;
  let offsetMs = 0;
  const now = () => options.clock.now().getTime() + offsetMs;

  const secrets = new Map<string, Uint8Array>();
  for (const t of store.terminals()) secrets.set(t.terminal_id, Buffer.from(t.secret_b64, 'base64'));
  for (const [id, secret] of options.terminals) secrets.set(id, secret);

  // The verifier keeps its nonce memory, so it is made once; the clock-skew fault moves only the clock it reads.
  let skewMs = 0;
  const verifier = createRequestVerifier({ secretOf: (id) => secrets.get(id), clock: { now: () => new Date(now() + skewMs) } });

  const issuer = createIssuer(store, random);
  const honourKeys = options.honourIdempotencyKeys ?? true;
  const service = createService(store, issuer, policy, now, honourKeys);
  const faults = new FaultInjector();
  let roster: Roster = RosterSchema.parse(options.roster ?? { officers: [], updatedAt: new Date(now()).toISOString() });
  const admin = createAdmin({
    setRoster: (next) => void (roster = next),
    store,
    service,
    faults,
    now,
    shiftClock: (delta) => void (offsetMs += delta),
    addTerminal: (id, secret) => void secrets.set(id, secret),
  });
  const servers = new Set<{ server: Server; hung: Set<Socket> }>();

  async function closeOne(entry: { server: Server; hung: Set<Socket> }) {
    servers.delete(entry);
    for (const socket of entry.hung) socket.destroy();
    const closed = new Promise<void>((resolve) => entry.server.close(() => resolve()));
    entry.server.closeAllConnections();
    await closed;
  }

  return {
    admin,
    now: () => new Date(now()),
    async listen(port = 0, host = '127.0.0.1') {
      const entry = createHttpServer({
        store,
        faults,
        admin: options.admin ? admin : null,
        verify: (request, headers, skew) => {
          skewMs = skew;
          try {
            return verifier(request, headers);
          } finally {
            skewMs = 0;
          }
        },
        handle: createRouteHandler(service, issuer, store, now, () => roster),
        tick: () => void service.tick(),
        now,
        honourKeys,
        log: options.log ?? (() => {}),
      });
      servers.add(entry);
      await new Promise<void>((resolve, reject) => {
        entry.server.once('error', reject);
        entry.server.listen(port, host, () => resolve());
      });
      const address = entry.server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return { url: `http://${shownHost}:${address.port}`, close: () => closeOne(entry) };
    },
    async close() {
      await Promise.all([...servers].map(closeOne));
      store.close();
    },
  };
}
