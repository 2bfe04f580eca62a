// The writer-kill child's side of the kiosk: its database opened as the app opens it, invented residents numbered 0, 1,
// 2, … and the one request built for each. The two places to adapt when submitApplication's needs change.
import type { SubmitRequest } from '../../electron/core/applications/submit.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { mod112CheckChar } from '../../electron/core/identity/check-digit.js';
import type { HeldIdentity } from '../../electron/core/identity/current.js';
import type { Policy } from '../../electron/core/policy/schema.js';
import { unlockDatabase } from '../../electron/core/privacy/vault.js';
import { lowRiskDeclaration } from './sync-fixtures.js';

const DAY_MS = 86_400_000;
const BIRTH_BASE = Date.UTC(1980, 0, 1);
/** A fixed test key (as in the unit tests): the writer needs no key store, only stable applicant keys. */
const LOOKUP_KEY = new Uint8Array(32).fill(3);
/** A fixed test data key: the outbox body is sealed under it (the app gets its key from the OS key store). */
const DATA_KEY = new Uint8Array(32).fill(9);
const NAMES = ['测试甲', '测试乙', '测试丙', '欧阳测试', '阿依古丽·测试'];

/**
 * The writer's connection, opened and unlocked as the app opens the terminal's file (the file is already migrated).
 * The test's parent calls it once before the first writer, so the vault's key check exists before any kill.
 */
export function openWriterDatabase(file: string): Db {
  const db = openDatabase(file);
  unlockDatabase(db, DATA_KEY);
  return db;
}

/**
 * Resident number `index` of a writer's file: an invented region-370102 number with a valid MOD 11-2 check character,
 * distinct for every index (1,000 sequence numbers per birth day, then the next day), so no submission meets an
 * active application of the same person.
 */
export function inventedResident(index: number): HeldIdentity {
  const birth = new Date(BIRTH_BASE + Math.floor(index / 1000) * DAY_MS).toISOString().slice(0, 10);
  const sequence = index % 1000;
  const body = `370102${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return {
    source: 'card',
    documentType: 'resident',
    number: body + mod112CheckChar(body),
    name: NAMES[index % NAMES.length]!,
    birthDate: birth,
    sex: sequence % 2 === 1 ? 'M' : 'F',
    region: '370102',
    validTo: 'long-term',
  };
}

/**
 * THE request the writer submits for resident `index`: everything submitApplication needs beside db, clock and random
 * (the data key rides on the unlocked connection, openWriterDatabase). When the request changes, adapt it here.
 */
export function writerRequest(policy: Policy, index: number): SubmitRequest {
  return {
    identity: inventedResident(index),
    declaration: lowRiskDeclaration,
    answers: {},
    language: 'zh-CN',
    policy,
    hallId: '370102001',
    lookupKey: LOOKUP_KEY,
    proxy: null,
  };
}
