// `officer-add` and `officer-list`: who may sign in at this terminal (until the province's roster feeds it).
import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../../app/database.js';
import { systemClock, systemRandom } from '../../core/clock.js';
import { maskName } from '../../core/privacy/mask.js';
import { addOfficer, listOfficers } from '../../core/staff/officers.js';
import { RoleSchema, roles } from '../../core/staff/schema.js';
import { databaseArgument, report, UsageError, type Command } from '../command.js';

export const officerAdd: Command = {
  name: 'officer-add',
  usage: 'officer-add --staff-no N --name NAME --role ROLE [--role ROLE…] [--db FILE] [--json]  (PIN on standard input)',
  summary: `add an officer who signs in with staff number + PIN; roles: ${roles.join(', ')}`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        'staff-no': { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const staffNo = values['staff-no'];
    if (!staffNo || !values.name || !values.role?.length) throw new UsageError('--staff-no, --name and at least one --role are needed');
    const parsedRoles = values.role.map((role) => {
      const parsed = RoleSchema.safeParse(role);
      if (!parsed.success) throw new UsageError(`unknown role "${role}" (roles: ${roles.join(', ')})`);
      return parsed.data;
    });
    const pin = (await io.readStdin()).split(/\r?\n/)[0]?.trim() ?? '';
    const { db } = openMigratedDatabase(databaseArgument(values.db, io.env));
    try {
      addOfficer(db, systemClock, systemRandom, { staffNo, name: values.name, roles: parsedRoles, pin });
    } finally {
      db.close();
    }
    report(io, values.json, { staffNo, roles: parsedRoles }, [
      `added officer ${staffNo} (${maskName(values.name)}): ${parsedRoles.join(', ')}`,
    ]);
    return 0;
  },
};

export const officerList: Command = {
  name: 'officer-list',
  usage: 'officer-list [--db FILE] [--json]',
  summary: 'list the officers of this terminal (names masked)',
  run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    const { db } = openMigratedDatabase(databaseArgument(values.db, io.env));
    const now = systemClock.now().toISOString();
    let officers;
    try {
      officers = listOfficers(db).map((o) => ({
        staffNo: o.staffNo,
        maskedName: maskName(o.name),
        roles: o.roles,
        locked: o.lockedUntil !== null && o.lockedUntil > now,
        demo: o.demo,
      }));
    } finally {
      db.close();
    }
    report(
      io,
      values.json,
      { officers },
      officers.length === 0
        ? ['no officers yet: add one with officer-add']
        : officers.map(
            (o) => `${o.staffNo}  ${o.maskedName}  ${o.roles.join(', ')}${o.locked ? '  (locked)' : ''}${o.demo ? '  (demo)' : ''}`,
          ),
    );
    return 0;
  },
};
