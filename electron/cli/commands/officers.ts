// `officer-add`, `officer-list` and `officer-roster`: who may sign in at this terminal.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openMigratedDatabase, openUnlockedDatabase } from '../../app/database.js';
import { systemClock, systemRandom } from '../../core/clock.js';
import { maskName } from '../../core/privacy/mask.js';
import { ensureLookupKey } from '../../core/applications/lookup-key.js';
import { KioskError } from '../../core/errors.js';
import { parseDocumentNumber } from '../../core/identity/document-number.js';
import { applicantKey } from '../../core/sync/outbox.js';
import { addOfficer, listOfficers } from '../../core/staff/officers.js';
import { applyRoster } from '../../core/staff/roster.js';
import { RoleSchema, roles } from '../../core/staff/schema.js';
import { databaseArgument, report, UsageError, type Command } from '../command.js';

export const officerAdd: Command = {
  name: 'officer-add',
  usage:
    'officer-add --staff-no N --name NAME --role ROLE [--role ROLE…] [--with-card] [--db FILE] [--json]  ' +
    "(standard input: the PIN; with --with-card, the officer's ID card number on the next line)",
  summary: `add an officer who signs in with staff number + PIN (or their ID card + PIN); roles: ${roles.join(', ')}`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        'staff-no': { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        'with-card': { type: 'boolean', default: false },
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
    const [pinLine, cardLine] = (await io.readStdin()).split(/\r?\n/);
    const pin = pinLine?.trim() ?? '';
    // The card number comes on standard input, never as an argument: arguments show in the process list.
    const card = values['with-card'] ? parseDocumentNumber(cardLine ?? '', systemClock.now()) : undefined;
    if (card && !card.valid) throw new KioskError('invalid-input', 'errors.cardNumberInvalid');
    const db = card
      ? openUnlockedDatabase(databaseArgument(values.db, io.env), io.env)
      : openMigratedDatabase(databaseArgument(values.db, io.env)).db;
    try {
      const cardKey = card?.valid ? applicantKey(card.canonical, ensureLookupKey(db, systemRandom)) : null;
      addOfficer(db, systemClock, systemRandom, { staffNo, name: values.name, roles: parsedRoles, pin, cardKey });
    } finally {
      db.close();
    }
    report(io, values.json, { staffNo, roles: parsedRoles, card: card !== undefined }, [
      `added officer ${staffNo} (${maskName(values.name)}): ${parsedRoles.join(', ')}${card ? ', signs in with their ID card' : ''}`,
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

export const officerRoster: Command = {
  name: 'officer-roster',
  usage: 'officer-roster --file ROSTER.json [--db FILE] [--json]',
  summary: "apply the province's staff roster exported to a file (a configured terminal also fetches it every hour)",
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { file: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.file) throw new UsageError('--file is needed: the roster as JSON {"officers":[…],"updatedAt":"…"}');
    let roster: unknown;
    try {
      roster = JSON.parse(await readFile(values.file, 'utf8'));
    } catch {
      throw new UsageError(`${values.file} is not a readable JSON file`);
    }
    const db = openUnlockedDatabase(databaseArgument(values.db, io.env), io.env);
    let result;
    try {
      result = applyRoster(db, systemClock, systemRandom, ensureLookupKey(db, systemRandom), roster);
    } finally {
      db.close();
    }
    report(io, values.json, result, [
      `roster applied: ${result.added} added, ${result.updated} updated, ${result.deactivated} deactivated, ${result.unchanged} unchanged`,
    ]);
    return 0;
  },
};
