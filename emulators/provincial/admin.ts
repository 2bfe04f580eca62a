// The emulator's control panel: faults, clock, terminals, big-data status changes, counts; in-process and under /admin/.
import { z } from 'zod';
import type { FaultConfigInput, FaultInjector } from './faults.js';
import { FaultConfigSchema } from './faults.js';
import { firstBadField, problem, type Answer } from './routes.js';
import { AdminStatusSchema, type Service } from './service.js';
import type { ProvincialStore } from './store.js';
import { RosterSchema, type Roster } from '../../electron/core/staff/schema.js';

export const ClockSettingSchema = z.union([
  z.object({ now: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ advanceMs: z.number().int() }).strict(),
]);

export const TerminalSchema = z
  .object({
    terminalId: z.string().regex(/^T-[0-9A-Fa-f]{16}$/),
    secret: z.base64().refine((s) => Buffer.from(s, 'base64').length >= 16, 'at least 16 bytes'),
  })
  .strict();

export interface AdminDeps {
  store: ProvincialStore;
  service: Service;
  faults: FaultInjector;
  /** Emulator time: the injected clock plus an offset the admin moves. */
  now: () => number;
  shiftClock: (deltaMs: number) => void;
  addTerminal: (terminalId: string, secret: Uint8Array) => void;
  setRoster: (roster: Roster) => void;
}

export function createAdmin(deps: AdminDeps) {
  const { store, service, faults } = deps;
  return {
    setFaults(config: FaultConfigInput) {
      faults.configure(config);
      return { faults: faults.active() };
    },
    faultsFired: () => ({ ...faults.fired }),
    /** Moves the emulator's clock (absolute or relative), then lets auto-defaults fall due. Returns the new time. */
    setClock(setting: z.infer<typeof ClockSettingSchema>) {
      const parsed = ClockSettingSchema.parse(setting);
      deps.shiftClock('now' in parsed ? Date.parse(parsed.now) - deps.now() : parsed.advanceMs);
      service.tick();
      return { now: new Date(deps.now()).toISOString() };
    },
    addTerminal(terminalId: string, secret: Uint8Array) {
      TerminalSchema.parse({ terminalId, secret: Buffer.from(secret).toString('base64') });
      deps.addTerminal(terminalId, secret);
      store.putTerminal(terminalId, Buffer.from(secret).toString('base64'));
    },
    setStatus: (input: z.infer<typeof AdminStatusSchema>) => service.setStatus(AdminStatusSchema.parse(input)),
    tick: () => service.tick(),
    /** The staff roster GET /v1/roster answers (every terminal gets the same one: the emulator has one hall). */
    setRoster(input: unknown) {
      const roster = RosterSchema.parse(input);
      deps.setRoster(roster);
      return { officers: roster.officers.length };
    },
    /**
     * For "exactly N at the province, no duplicates": distinct application ids, submissions that created a row,
     * submissions accepted in all (replays included), replays, and applicants with more than one application.
     */
    applications() {
      const list = store.listApplications().map((r) => ({
        applicationId: r.application_id,
        status: r.status,
        reasonCode: r.reason_code,
        channel: r.channel,
      }));
      return {
        count: list.length,
        created: store.counter('created'),
        submissions: store.counter('submissions'),
        replays: store.counter('replays'),
        duplicateApplicants: store.duplicateApplicants(),
        applications: list,
      };
    },
  };
}
export type ProvincialAdmin = ReturnType<typeof createAdmin>;

const ok = (body: unknown): Answer => ({ status: 200, body });

/** The HTTP face of the admin object: unsigned, and mounted only when the emulator was made with `admin: true`. */
export function handleAdmin(admin: ProvincialAdmin, method: string, pathname: string, json: unknown): Answer {
  const parse = <T>(schema: z.ZodType<T>, run: (value: T) => Answer): Answer => {
    const parsed = schema.safeParse(json);
    return parsed.success ? run(parsed.data) : problem(400, 'invalid-request', firstBadField(parsed.error));
  };
  const route = `${method} ${pathname}`;
  switch (route) {
    case 'POST /admin/faults':
      return parse(FaultConfigSchema, (config) => ok(admin.setFaults(config)));
    case 'GET /admin/faults':
      return ok({ fired: admin.faultsFired() });
    case 'POST /admin/status':
      return parse(AdminStatusSchema, (input) => {
        const view = admin.setStatus(input);
        return view ? ok(view) : problem(404, 'not-found', 'no such application');
      });
    case 'POST /admin/clock':
      return parse(ClockSettingSchema, (setting) => ok(admin.setClock(setting)));
    case 'POST /admin/terminals':
      return parse(TerminalSchema, (t) => {
        admin.addTerminal(t.terminalId, Buffer.from(t.secret, 'base64'));
        return ok({ terminalId: t.terminalId });
      });
    case 'POST /admin/roster':
      return parse(RosterSchema, (roster) => ok(admin.setRoster(roster)));
    case 'POST /admin/tick':
      return ok({ defaulted: admin.tick() });
    case 'GET /admin/applications':
      return ok(admin.applications());
    default:
      return problem(404, 'not-found', 'no such admin operation');
  }
}
