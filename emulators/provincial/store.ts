// The emulated province's SQLite file: applications, change feed, idempotency answers, issuer key, revocations, loss reports.
import type { ApplicationView } from '../../electron/core/province/schema.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';

/**
 * One schema, created if missing: the emulator owns its file and has no history to migrate. The province is the
 * source of truth for applications, so it keeps the full submission (with the applicant's number) in `request_json`;
 * nothing from it is ever logged.
 */
const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terminals (terminal_id TEXT PRIMARY KEY, secret_b64 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS applications (
  application_id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  hall_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  applicant_key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  request_json TEXT NOT NULL,
  status TEXT NOT NULL,
  reason_code TEXT,
  status_as_of TEXT NOT NULL,
  review_due_at TEXT,
  auto_default_at INTEGER,
  code_json TEXT,
  code_hash TEXT
);
CREATE INDEX IF NOT EXISTS applications_auto_default ON applications (status, auto_default_at);
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY, application_id TEXT NOT NULL REFERENCES applications, body_json TEXT NOT NULL, recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS corrections (
  id INTEGER PRIMARY KEY, application_id TEXT NOT NULL REFERENCES applications, body_json TEXT NOT NULL, recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS loss_reports (
  id INTEGER PRIMARY KEY, application_id TEXT NOT NULL REFERENCES applications, body_json TEXT NOT NULL,
  revoked_hash TEXT, recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, application_id TEXT NOT NULL, hall_id TEXT NOT NULL, view_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
  terminal_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
  answer_json TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (terminal_id, key)
);
CREATE TABLE IF NOT EXISTS revocations (hash TEXT PRIMARY KEY, revoked_at TEXT NOT NULL);
`;

export interface ApplicationRow {
  application_id: string;
  terminal_id: string;
  hall_id: string;
  channel: 'offline' | 'online';
  applicant_key: string;
  body_hash: string;
  request_json: string;
  status: ApplicationView['status'];
  reason_code: string | null;
  status_as_of: string;
  review_due_at: string | null;
  auto_default_at: number | null;
  code_json: string | null;
  code_hash: string | null;
}

export interface StoredAnswer {
  requestHash: string;
  status: number;
  answer: unknown;
}

export function viewOf(row: ApplicationRow): ApplicationView {
  return {
    applicationId: row.application_id,
    status: row.status,
    reasonCode: row.reason_code,
    statusAsOf: row.status_as_of,
    reviewDueAt: row.review_due_at,
    code: row.code_json ? (JSON.parse(row.code_json) as ApplicationView['code']) : null,
  };
}

export type ProvincialStore = ReturnType<typeof openStore>;

export function openStore(file: string) {
  const db: Db = openDatabase(file);
  db.exec(schema);

  const st = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    terminals: db.prepare<[], { terminal_id: string; secret_b64: string }>('SELECT terminal_id, secret_b64 FROM terminals'),
    putTerminal: db.prepare(
      'INSERT INTO terminals (terminal_id, secret_b64) VALUES (?, ?) ON CONFLICT (terminal_id) DO UPDATE SET secret_b64 = excluded.secret_b64',
    ),
    getApp: db.prepare<[string], ApplicationRow>('SELECT * FROM applications WHERE application_id = ?'),
    insertApp: db.prepare(
      `INSERT INTO applications (application_id, terminal_id, hall_id, channel, applicant_key, body_hash, request_json, status,
         reason_code, status_as_of, review_due_at, auto_default_at, code_json, code_hash)
       VALUES (@application_id, @terminal_id, @hall_id, @channel, @applicant_key, @body_hash, @request_json, @status,
         @reason_code, @status_as_of, @review_due_at, @auto_default_at, @code_json, @code_hash)`,
    ),
    updateStatus: db.prepare(
      `UPDATE applications SET status = @status, reason_code = @reason_code, status_as_of = @status_as_of,
         code_json = @code_json, code_hash = @code_hash WHERE application_id = @application_id`,
    ),
    dueForDefault: db.prepare<[number], ApplicationRow>(
      "SELECT * FROM applications WHERE status = 'PENDING' AND auto_default_at IS NOT NULL AND auto_default_at <= ? ORDER BY auto_default_at",
    ),
    addChange: db.prepare('INSERT INTO changes (application_id, hall_id, view_json) VALUES (?, ?, ?)'),
    changesAfter: db.prepare<[number, number], { seq: number; view_json: string }>(
      'SELECT seq, view_json FROM changes WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    changesUpTo: db.prepare<[number, number], { seq: number; view_json: string }>(
      'SELECT seq, view_json FROM changes WHERE seq <= ? ORDER BY seq DESC LIMIT ?',
    ),
    getAnswer: db.prepare<[string, string], { request_hash: string; status: number; answer_json: string }>(
      'SELECT request_hash, status, answer_json FROM idempotency WHERE terminal_id = ? AND key = ?',
    ),
    putAnswer: db.prepare(
      'INSERT INTO idempotency (terminal_id, key, request_hash, status, answer_json, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    addDecision: db.prepare('INSERT INTO decisions (application_id, body_json, recorded_at) VALUES (?, ?, ?)'),
    addCorrection: db.prepare('INSERT INTO corrections (application_id, body_json, recorded_at) VALUES (?, ?, ?)'),
    addLossReport: db.prepare('INSERT INTO loss_reports (application_id, body_json, revoked_hash, recorded_at) VALUES (?, ?, ?, ?)'),
    revoke: db.prepare('INSERT OR IGNORE INTO revocations (hash, revoked_at) VALUES (?, ?)'),
    revocations: db.prepare<[], { hash: string; revoked_at: string }>('SELECT hash, revoked_at FROM revocations ORDER BY revoked_at, hash'),
    listApps: db.prepare<[], Pick<ApplicationRow, 'application_id' | 'status' | 'reason_code' | 'channel'>>(
      'SELECT application_id, status, reason_code, channel FROM applications ORDER BY rowid',
    ),
    duplicateApplicants: db.prepare<[], { n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT applicant_key FROM applications GROUP BY applicant_key HAVING COUNT(*) > 1)',
    ),
  };

  const toChange = (r: { seq: number; view_json: string }) => ({ ...(JSON.parse(r.view_json) as ApplicationView), seq: r.seq });

  return {
    db,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    meta: (key: string) => st.getMeta.get(key)?.value,
    setMeta: (key: string, value: string) => void st.setMeta.run(key, value),
    /** Counters kept in meta, so "how many submissions created a row" survives a restart too. */
    bump: (key: string) => {
      const next = Number(st.getMeta.get(key)?.value ?? '0') + 1;
      st.setMeta.run(key, String(next));
      return next;
    },
    counter: (key: string) => Number(st.getMeta.get(key)?.value ?? '0'),
    terminals: () => st.terminals.all(),
    putTerminal: (terminalId: string, secretB64: string) => void st.putTerminal.run(terminalId, secretB64),
    application: (id: string) => st.getApp.get(id),
    insertApplication: (row: ApplicationRow) => void st.insertApp.run(row),
    updateStatus: (row: Pick<ApplicationRow, 'application_id' | 'status' | 'reason_code' | 'status_as_of' | 'code_json' | 'code_hash'>) =>
      void st.updateStatus.run(row),
    dueForDefault: (nowMs: number) => st.dueForDefault.all(nowMs),
    appendChange: (row: ApplicationRow) =>
      Number(st.addChange.run(row.application_id, row.hall_id, JSON.stringify(viewOf(row))).lastInsertRowid),
    changesAfter: (cursor: number, limit: number) => st.changesAfter.all(cursor, limit).map(toChange),
    /** The last `limit` changes at or before `seq`, oldest first (a replayed old page). */
    changesUpTo: (seq: number, limit: number) => st.changesUpTo.all(seq, limit).reverse().map(toChange),
    answer: (terminalId: string, key: string): StoredAnswer | undefined => {
      const r = st.getAnswer.get(terminalId, key);
      return r && { requestHash: r.request_hash, status: r.status, answer: JSON.parse(r.answer_json) as unknown };
    },
    putAnswer: (terminalId: string, key: string, a: StoredAnswer, at: string) =>
      void st.putAnswer.run(terminalId, key, a.requestHash, a.status, JSON.stringify(a.answer), at),
    addDecision: (id: string, body: unknown, at: string) => void st.addDecision.run(id, JSON.stringify(body), at),
    addCorrection: (id: string, body: unknown, at: string) => void st.addCorrection.run(id, JSON.stringify(body), at),
    /** A loss report as received, with the revocation hash of the code it revoked (null: there was none). */
    addLossReport: (id: string, body: unknown, revokedHash: string | null, at: string) =>
      void st.addLossReport.run(id, JSON.stringify(body), revokedHash, at),
    revoke: (hash: string, at: string) => void st.revoke.run(hash, at),
    revocations: () => st.revocations.all(),
    listApplications: () => st.listApps.all(),
    duplicateApplicants: () => st.duplicateApplicants.get()?.n ?? 0,
    close: () => db.close(),
  };
}
