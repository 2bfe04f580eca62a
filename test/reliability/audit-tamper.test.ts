// 1,000 seeded tamperings of a 100,000-row audit log (edit, delete, insert, reorder, truncate, rewrite): each detected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrationsDir } from '../../electron/app/paths.js';
import { makeAuditAnchor, type AuditAnchor } from '../../electron/core/audit/anchor.js';
import { appendAudit, auditHash, GENESIS_HASH, verifyAuditChain, type AuditRow, type AuditVerdict } from '../../electron/core/audit/log.js';
import { canonicalJson } from '../../electron/core/canonical-json.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { seededRandom } from '../helpers/sync-fixtures.js';

const ROWS = 100_000;
const TAMPERINGS = Number(process.env.AUDIT_TAMPERINGS ?? 1000);
const SEED = Number(process.env.AUDIT_TAMPER_SEED ?? 20200327);
/** Every this many tamperings, the resumed verdict is checked against a walk from row 1 (see `resumeAfter` below). */
const FULL_WALK_EVERY = 200;
/**
 * Inserts and truncations move or delete every row after them, and a rewrite re-hashes them: cost per row, while
 * the verdict does not depend on how deep they reach. So they go at most this deep (log-uniform: each decade of
 * depth equally often); edits, deletions and swaps land anywhere in the log, uniformly.
 */
const DEEPEST = 10_000;
const DEEPEST_REWRITE = 1_000;

const random = seededRandom(SEED);
const int = (n: number) => Math.floor(random.float() * n); // 0 … n-1
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
const hex64 = () => Buffer.from(random.bytes(32)).toString('hex');
/** 1 … max, each decade equally likely: a cut of the last row or two (the likely cover-up) and deep ones both come up. */
const logUniform = (max: number) => Math.min(max, Math.floor(Math.exp(random.float() * Math.log(max + 1))));

type Detail = Record<string, string | number | boolean>;
const staff = () => pick(['1024', '1025', '20481', '300007']);
const kinds: Array<{ action: string; actor: () => string | null; subject: (i: number) => string; detail: (i: number) => Detail }> = [
  {
    action: 'application.submit',
    actor: () => 'resident',
    subject: (i) => `application:app-2026-${i}`,
    detail: () => ({ policy: 'sd-2020-03', channel: pick(['self', 'family', 'staff']) }),
  },
  {
    action: 'review.decide',
    actor: staff,
    subject: (i) => `application:app-2026-${i - int(50)}`,
    detail: () => ({ decision: pick(['approve', 'refuse', 'ask']), slaMinutes: int(240) }),
  },
  {
    action: 'print.reprint',
    actor: staff,
    subject: (i) => `print-job:${i}`,
    detail: (i) => ({ newJob: i + 1, reprintNumber: 1 + int(3) }),
  },
  { action: 'export.csv', actor: staff, subject: () => `export:2026-03-${10 + int(20)}`, detail: () => ({ rows: int(500), masked: true }) },
  { action: 'sync.sent', actor: () => 'system', subject: (i) => `outbox:${i}`, detail: () => ({ attempts: 1 + int(4), status: 201 }) },
  {
    action: 'printer.state',
    actor: () => null,
    subject: () => 'printer:main',
    detail: () => ({ state: pick(['ok', 'paper-out', 'cover-open']) }),
  },
  {
    action: 'purge.run',
    actor: () => 'system',
    subject: () => 'purge:daily',
    detail: () => ({ purged: int(90), community: '市南区八大湖街道' }),
  },
  {
    action: 'code.revoke',
    actor: staff,
    subject: (i) => `code:c${i}`,
    detail: () => ({ reason: 'loss-report', note: '挂失 "补办" \\ again' }),
  },
];

/** Realistic rows: most computed here with the same auditHash appendAudit uses, every 100th through appendAudit itself. */
function buildLog(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, loadMigrations(migrationsDir()));
  const insert = db.prepare('INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  // The chain-continuation trigger costs two lookups per row; the walk below checks the same thing, so it is set
  // aside while building and put back as the migration wrote it.
  const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_append_only_at_end'").pluck().get() as string;
  db.exec('DROP TRIGGER audit_append_only_at_end');
  let time = Date.parse('2026-03-01T00:00:00Z');
  let prev = GENESIS_HASH;
  db.transaction(() => {
    for (let seq = 1; seq <= ROWS; seq += 1) {
      const { action, ...kind } = pick(kinds);
      time += 1000 + int(120_000);
      const [actor, subject, detail] = [kind.actor(), kind.subject(seq), kind.detail(seq)];
      if (seq % 100 === 0) {
        prev = appendAudit(db, { at: new Date(time), actor, action, subject, detail }).hash;
        continue;
      }
      const row = { seq, at: new Date(time).toISOString(), actor, action, subject, detail: canonicalJson(detail), prev_hash: prev };
      prev = auditHash(row);
      insert.run(seq, row.at, actor, action, subject, row.detail, row.prev_hash, prev);
    }
  })();
  db.exec(trigger);
  return db;
}

type Row = AuditRow;
const EDITABLE = ['seq', 'at', 'actor', 'action', 'subject', 'detail', 'prev_hash', 'hash', 'rehash'] as const;
type Expected = Omit<Extract<AuditVerdict, { ok: false }>, 'anchorMac'>;
interface Tampering {
  kind: string;
  /** The edited column, or how a truncation was covered up. */
  variant?: string;
  /** The anchor file the attacker left, when they replaced it. */
  anchor?: AuditAnchor;
  /** The first row that differs from the pristine log: every row before it is untouched. */
  firstChanged: number;
  expected: Expected;
}

/** A plausible new value for one column of `row` (it passes the table's CHECKs and differs from the old one). */
function editedValue(row: Row, column: Exclude<(typeof EDITABLE)[number], 'seq' | 'rehash'>, hashes: string[]): string | null {
  switch (column) {
    case 'at':
      return new Date(Date.parse(row.at) + 1000 * (1 + int(3600))).toISOString();
    case 'actor':
      return pick(['1024', '20481', 'system', 'resident', null].filter((a) => a !== row.actor));
    case 'action':
      return pick(kinds.map((k) => k.action).filter((a) => a !== row.action));
    case 'subject':
      return `${row.subject}-x`;
    case 'detail': {
      const detail = JSON.parse(row.detail) as Detail;
      const key = pick(Object.keys(detail));
      const old = detail[key]!;
      detail[key] = typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : `${old}x`;
      return canonicalJson(detail);
    }
    case 'prev_hash': {
      const another = hashes[1 + int(ROWS)]!; // another row's hash: as plausible as a forged link gets
      return another === row.prev_hash ? hex64() : another;
    }
    case 'hash':
      return hex64();
  }
}

test(`${TAMPERINGS} random tamperings of a ${ROWS}-row audit log are all detected`, { timeout: 600_000 }, () => {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const built = buildLog();
  const hashes = [GENESIS_HASH, ...(built.prepare('SELECT hash FROM audit ORDER BY seq').pluck().all() as string[])];
  const anchorKey = random.bytes(32);
  const anchor = makeAuditAnchor(anchorKey, { seq: ROWS, hash: hashes[ROWS]! }, new Date('2026-06-01T00:00:00Z'));
  const options = { anchor, anchorKey };

  const verifyStarted = performance.now();
  assert.deepEqual(verifyAuditChain(built, options), { ok: true, rows: ROWS, anchorMac: 'checked' }, 'the untampered log verifies');
  const verifyMs = Math.round(performance.now() - verifyStarted);

  // The attacker's copy: a raw connection to the same bytes with the append-only triggers dropped. Each tampering runs
  // in a transaction that is rolled back, so the next one starts from the pristine log again (cheaper than a 40 MB copy).
  const copy = new Database(built.serialize());
  copy.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_append_only_at_end;');
  const rowAt = copy.prepare('SELECT * FROM audit WHERE seq = ?');
  const setSeq = copy.prepare('UPDATE audit SET seq = ? WHERE seq = ?');
  const insert = copy.prepare('INSERT INTO audit VALUES (@seq, @at, @actor, @action, @subject, @detail, @prev_hash, @hash)');
  const rewriteRow = copy.prepare('UPDATE audit SET detail = @detail, prev_hash = @prev_hash, hash = @hash WHERE seq = @seq');
  const fail = (reason: Expected['reason'], firstBadSeq: number, rows = ROWS): Expected => ({ ok: false, rows, firstBadSeq, reason });
  const get = (seq: number) => rowAt.get(seq) as Row;

  const tamperings: Record<string, () => Tampering> = {
    edit() {
      const p = 1 + int(ROWS);
      const column = pick(EDITABLE);
      const row = get(p);
      if (column === 'seq') {
        setSeq.run(ROWS + 1 + int(1000), p);
        return { kind: 'edit', variant: column, firstChanged: p, expected: fail('gap', p) };
      }
      if (column === 'rehash') {
        // A careful forger re-hashes the edited row: its successor no longer links (or, at the tip, the anchor differs).
        const detail = editedValue(row, 'detail', hashes);
        rewriteRow.run({ ...row, detail, hash: auditHash({ ...row, detail: detail! }) });
        return { kind: 'edit', variant: column, firstChanged: p, expected: p < ROWS ? fail('link', p + 1) : fail('rewritten', ROWS) };
      }
      copy.prepare(`UPDATE audit SET ${column} = ? WHERE seq = ?`).run(editedValue(row, column, hashes), p);
      return { kind: 'edit', variant: column, firstChanged: p, expected: column === 'prev_hash' ? fail('link', p) : fail('hash', p) };
    },
    delete() {
      const p = 1 + int(ROWS);
      copy.prepare('DELETE FROM audit WHERE seq = ?').run(p);
      return { kind: 'delete', firstChanged: p, expected: p < ROWS ? fail('gap', p, ROWS - 1) : fail('truncated', ROWS, ROWS - 1) };
    },
    insert() {
      // Before row p, perfectly linked to row p-1 and correctly hashed; rows p… move up one (through a far-off range,
      // so no number is ever taken twice). A row added after the last one with a correct hash is an ordinary append:
      // the chain proves integrity, not authorship, so that case is not a tampering this log can see.
      const p = ROWS + 1 - logUniform(DEEPEST);
      const fake = { ...get(p), seq: p, action: 'print.dismiss', subject: 'print-job:0', detail: '{}', prev_hash: hashes[p - 1]! };
      copy.prepare('UPDATE audit SET seq = seq + ? WHERE seq >= ?').run(2 * ROWS, p);
      copy.prepare('UPDATE audit SET seq = seq - ? WHERE seq > ?').run(2 * ROWS - 1, 2 * ROWS);
      insert.run({ ...fake, hash: auditHash(fake) });
      return { kind: 'insert', firstChanged: p, expected: fail('link', p + 1, ROWS + 1) };
    },
    reorder() {
      const a = 1 + int(ROWS);
      let b = 1 + int(ROWS - 1);
      if (b >= a) b += 1;
      const [i, j] = a < b ? [a, b] : [b, a];
      setSeq.run(3 * ROWS, i);
      setSeq.run(i, j);
      setSeq.run(j, 3 * ROWS);
      return { kind: 'reorder', firstChanged: i, expected: fail('link', i) };
    },
    truncate() {
      const kept = ROWS - logUniform(DEEPEST);
      copy.prepare('DELETE FROM audit WHERE seq > ?').run(kept);
      if (int(4) > 0 || kept === 0) return { kind: 'truncate', firstChanged: kept + 1, expected: fail('truncated', kept + 1, kept) };
      // The cover-up: an anchor file naming the new last row, with a MAC made up without the key.
      const forged = { seq: kept, hash: hashes[kept]!, at: anchor.at, mac: hex64() };
      return { kind: 'truncate', variant: 'forged-anchor', anchor: forged, firstChanged: kept + 1, expected: fail('anchor', 0, kept) };
    },
    rewrite() {
      // Edit row p and re-hash every row after it: a consistent forged tail that only the anchor can expose.
      const p = ROWS + 1 - logUniform(DEEPEST_REWRITE);
      let prev = hashes[p - 1]!;
      for (let seq = p; seq <= ROWS; seq += 1) {
        const row = { ...get(seq), prev_hash: prev };
        if (seq === p) row.detail = editedValue(row, 'detail', hashes)!;
        prev = auditHash(row);
        rewriteRow.run({ ...row, hash: prev });
      }
      return { kind: 'rewrite', firstChanged: p, expected: fail('rewritten', ROWS) };
    },
  };

  const byKind: Record<string, number> = {};
  const variants: Record<string, number> = {};
  const misses: string[] = [];
  let detected = 0;
  let fullWalks = 0;
  for (let n = 0; n < TAMPERINGS; n += 1) {
    copy.exec('BEGIN');
    try {
      const done = tamperings[pick(Object.keys(tamperings))]!();
      // Every row before firstChanged is a row of the log verified in full above, untouched, so the walk's state there
      // is known: resuming from it gives the verdict a walk from row 1 would (checked every FULL_WALK_EVERY below).
      const resumeAfter = { seq: done.firstChanged - 1, hash: hashes[done.firstChanged - 1]! };
      const left = { ...options, anchor: done.anchor ?? anchor };
      const verdict = verifyAuditChain(copy, { ...left, resumeAfter });
      if (n % FULL_WALK_EVERY === 0) {
        assert.deepEqual(verifyAuditChain(copy, left), verdict, `${done.kind}: the full walk agrees`);
        fullWalks += 1;
      }
      byKind[done.kind] = (byKind[done.kind] ?? 0) + 1;
      if (done.variant) variants[done.variant] = (variants[done.variant] ?? 0) + 1;
      if (!verdict.ok) detected += 1;
      const { anchorMac: _mac, ...plain } = verdict;
      if (JSON.stringify(plain) !== JSON.stringify(done.expected))
        misses.push(
          `${done.kind}${done.variant ? `:${done.variant}` : ''} → ${JSON.stringify(plain)}, expected ${JSON.stringify(done.expected)}`,
        );
    } finally {
      copy.exec('ROLLBACK');
    }
  }

  // Every rollback restored the log: the attacker's copy verifies in full again.
  assert.deepEqual(verifyAuditChain(copy, options), { ok: true, rows: ROWS, anchorMac: 'checked' });
  copy.close();
  built.close();
  const cpu = process.cpuUsage(cpuStart);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const figure = {
    rows: ROWS,
    tamperings: TAMPERINGS,
    detected,
    byKind,
    variants,
    fullWalks,
    verifyMs,
    seconds,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    seed: SEED,
  };
  console.log(`FIGURE audit-tamper ${JSON.stringify(figure)}`);
  assert.deepEqual(misses, [], 'each tampering is found where and as expected');
  assert.equal(detected, TAMPERINGS);
});
