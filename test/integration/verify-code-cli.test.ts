// `verify-code` on real files: codes signed with a test key, QR PNGs written by qrcode (and read back by zbarimg too),
// trust and revocation lists as JSON files or cached in a real kiosk database; every verdict, exit status and usage error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import QRCode from 'qrcode';
import { openMigratedDatabase } from '../../electron/app/database.js';
import { projectRoot } from '../../electron/app/paths.js';
import { runCli } from '../../electron/cli/index.js';
import type { CliIo } from '../../electron/cli/command.js';
import { holderTag } from '../../electron/core/codes/holder.js';
import { humanCodeId } from '../../electron/core/codes/human-id.js';
import { issuerKeyFromSeed, trustedKey } from '../../electron/core/codes/keys.js';
import { minutesOf, type CodeFields } from '../../electron/core/codes/payload.js';
import type { TrustList } from '../../electron/core/codes/schema.js';
import { signCode, type SignedCode } from '../../electron/core/codes/sign.js';
import { saveRevocations, saveTrustList } from '../../electron/core/codes/trust-store.js';
import { tempDir } from '../helpers/temp.js';

// RFC 8032 §7.1 TEST 1: a published key, for tests only. The "wrong" key is another fixed seed nobody trusts.
const key = issuerKeyFromSeed(Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'));
const stranger = issuerKeyFromSeed(Buffer.alloc(32, 7));
const holder = '11010519491231002X';
/** Another valid number (its own check character), for a card that is not the holder's. */
const someoneElse = '110105194912310038';
const HOUR = 3_600_000;

// The CLI reads the system clock, so codes are signed around the real now.
const now = Date.now();
const trustList: TrustList = {
  issuer: 'test province',
  keys: [trustedKey(key, new Date(now - 30 * 24 * HOUR), null)],
  updatedAt: new Date(now - 24 * HOUR).toISOString(),
};

function codeFields(codeId = '8f3a5c7e9b1d2f46', issuedHoursAgo = 1, validHours = 7 * 24): Omit<CodeFields, 'kid'> {
  const issuedAt = minutesOf(new Date(now - issuedHoursAgo * HOUR));
  return {
    codeId,
    status: 'GREEN',
    issuedAt,
    statusAsOf: issuedAt - 30,
    validUntil: issuedAt + validHours * 60,
    holderTag: holderTag(codeId, holder),
    proxy: false,
    hallId: 370202001,
  };
}

const code = (codeId: string, issuedHoursAgo: number, validHours: number, signer = key): SignedCode =>
  signCode(codeFields(codeId, issuedHoursAgo, validHours), signer);

const good = code('8f3a5c7e9b1d2f46', 1, 7 * 24);
const expired = code('0123456789abcdef', 10 * 24, 3 * 24);
const revoked = code('fedcba9876543210', 1, 7 * 24);
const wrongKey = code('1111222233334444', 1, 7 * 24, stranger);
/** One Base45 character changed in the middle (inside the signature): still Base45, no longer what was signed. */
const tampered = `${good.text.slice(0, 120)}${good.text[120] === '0' ? '1' : '0'}${good.text.slice(121)}`;

interface Run {
  status: number;
  out: string[];
  err: string[];
  /** The last stdout line as JSON (the --json answer). */
  json: Record<string, unknown>;
}

async function kiosk(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '', env: { KIOSK_LANG: 'en', ...env } };
  const status = await runCli(['verify-code', ...args], io);
  const last = out.at(-1);
  return { status, out, err, json: last?.startsWith('{') ? (JSON.parse(last) as Record<string, unknown>) : {} };
}

function files(t: TestContext) {
  const dir = tempDir(t);
  const write = (name: string, value: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const revocations = { hashes: [revoked.revocationHash], updatedAt: new Date(now - HOUR).toISOString() };
  return {
    dir,
    write,
    trust: write('trust.json', trustList),
    bundle: write('bundle.json', { trustList, revocations }),
    revocations: write('revocations.json', revocations),
  };
}

async function png(dir: string, name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await QRCode.toFile(file, text, { errorCorrectionLevel: 'Q', margin: 4, scale: 6 });
  return file;
}

test('a valid code as text: the verdict and what it says as JSON, exit 0', async (t) => {
  const { trust } = files(t);
  const run = await kiosk([good.text, '--trust', trust, '--json']);
  assert.equal(run.status, 0);
  assert.deepEqual(run.json, {
    valid: true,
    reason: 'ok',
    status: 'GREEN',
    validUntil: new Date((minutesOf(new Date(now - HOUR)) + 7 * 24 * 60) * 60_000).toISOString(),
    kid: key.kid,
    statusAsOf: new Date((minutesOf(new Date(now - HOUR)) - 30) * 60_000).toISOString(),
    humanId: humanCodeId('8f3a5c7e9b1d2f46'),
    holder: 'not-checked',
  });
  assert.equal(Object.keys(run.json).join(), 'valid,reason,status,validUntil,kid,statusAsOf,humanId,holder');
});

test('a PNG of the QR: decoded by the CLI to the same text zbarimg reads, then verified', async (t) => {
  const { dir, trust } = files(t);
  const file = await png(dir, 'good.png', good.text);
  const zbar = spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' });
  assert.equal(zbar.status, 0, zbar.stderr);
  // zbarimg ends its line with a newline; the code's own spaces are kept.
  assert.equal(zbar.stdout.replace(/\n$/, ''), good.text);
  const run = await kiosk([file, '--trust', trust, '--json']);
  assert.equal(run.status, 0);
  assert.equal(run.json.valid, true);
  assert.equal(run.json.humanId, humanCodeId('8f3a5c7e9b1d2f46'));
  // A PNG without the .png ending is recognised by its signature.
  const renamed = join(dir, 'scan-from-phone');
  writeFileSync(renamed, await QRCode.toBuffer(good.text, { errorCorrectionLevel: 'Q' }));
  assert.equal((await kiosk([renamed, '--trust', trust, '--json'])).json.valid, true);
});

test('refused codes: tampered → signature, wrong key → unknown-key (fields null); expired, revoked keep their fields', async (t) => {
  const { dir, trust, bundle, revocations } = files(t);
  const nulls = { status: null, validUntil: null, kid: null, statusAsOf: null, humanId: null, holder: null };
  const cases: [string[], Record<string, unknown>][] = [
    [[await png(dir, 'tampered.png', tampered), '--trust', trust], { reason: 'signature', ...nulls }],
    [[tampered, '--trust', trust], { reason: 'signature', ...nulls }],
    [[await png(dir, 'wrong-key.png', wrongKey.text), '--trust', trust], { reason: 'unknown-key', ...nulls }],
    [[await png(dir, 'expired.png', expired.text), '--trust', trust], { reason: 'expired', status: 'GREEN', kid: key.kid }],
    [[await png(dir, 'revoked.png', revoked.text), '--trust', bundle], { reason: 'revoked', status: 'GREEN', kid: key.kid }],
    [[revoked.text, '--trust', trust, '--revocations', revocations], { reason: 'revoked', humanId: humanCodeId('fedcba9876543210') }],
  ];
  for (const [args, expected] of cases) {
    const run = await kiosk([...args, '--json']);
    assert.equal(run.status, 1, String(expected.reason));
    assert.equal(run.json.valid, false);
    for (const [field, value] of Object.entries(expected)) assert.equal(run.json[field], value, `${String(expected.reason)}: ${field}`);
  }
  // Without the revocation list the same code is fine: the refusal came from the list, not from the code.
  assert.equal((await kiosk([revoked.text, '--trust', trust, '--json'])).status, 0);
  const expiredRun = await kiosk([expired.text, '--trust', trust, '--json']);
  assert.ok(Date.parse(String(expiredRun.json.validUntil)) < now, 'validUntil of an expired code is in the past');
});

test('holder binding with --id: the holder matches (however written), someone else is holder-mismatch, exit 1', async (t) => {
  const { dir, trust } = files(t);
  const file = await png(dir, 'good.png', good.text);
  const match = await kiosk([file, '--trust', trust, '--id', '110105 19491231 002x', '--json']);
  assert.equal(match.status, 0);
  assert.deepEqual([match.json.valid, match.json.reason, match.json.holder], [true, 'ok', 'match']);
  const mismatch = await kiosk([file, '--trust', trust, '--id', someoneElse, '--json']);
  assert.equal(mismatch.status, 1);
  assert.deepEqual([mismatch.json.valid, mismatch.json.reason, mismatch.json.holder], [false, 'holder-mismatch', 'mismatch']);
  assert.equal(mismatch.json.status, 'GREEN', 'the code itself is genuine: what it says is shown');
  assert.ok(!mismatch.out.join('\n').includes(someoneElse), 'the number is not echoed');
});

test('trust from the kiosk database cache (--db), and no-trust-list when there is none', async (t) => {
  const { dir } = files(t);
  const dbFile = join(dir, 'kiosk.sqlite');
  const missing = await kiosk([good.text, '--db', dbFile, '--json']);
  assert.deepEqual([missing.status, missing.json.reason], [1, 'no-trust-list']);

  const { db } = openMigratedDatabase(dbFile);
  const empty = await kiosk([good.text, '--db', dbFile, '--json']);
  assert.deepEqual([empty.status, empty.json.reason], [1, 'no-trust-list'], 'a database with an empty cache');
  saveTrustList(db, trustList, new Date(now));
  saveRevocations(db, { hashes: [revoked.revocationHash], updatedAt: new Date(now).toISOString() }, new Date(now));
  db.close();
  assert.deepEqual((await kiosk([good.text, '--db', dbFile, '--json'])).json.reason, 'ok');
  assert.deepEqual((await kiosk([revoked.text, '--db', dbFile, '--json'])).json.reason, 'revoked');
  // The configured database (KIOSK_DATA_DIR) when no --db is given.
  const configured = await kiosk([good.text, '--json'], { KIOSK_DATA_DIR: dir });
  assert.deepEqual([configured.status, configured.json.reason], [0, 'ok']);
  // A --trust file that does not exist: no trust list either (refused, not an error).
  const noFile = await kiosk([good.text, '--trust', join(dir, 'nope.json'), '--json']);
  assert.deepEqual([noFile.status, noFile.json.reason], [1, 'no-trust-list']);
});

test('an image without a readable QR → no-qr, exit 1', async (t) => {
  const { dir, trust, write } = files(t);
  const blank = join(dir, 'blank.png');
  // A white 1×1 PNG: a real PNG, nothing to decode.
  writeFileSync(
    blank,
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64'),
  );
  const broken = write('broken.png', 'not really a png');
  for (const file of [blank, broken]) {
    const run = await kiosk([file, '--trust', trust, '--json']);
    assert.deepEqual([run.status, run.json.valid, run.json.reason], [1, false, 'no-qr'], file);
  }
});

test('human output, in the language of KIOSK_LANG', async (t) => {
  const { trust } = files(t);
  const en = await kiosk([good.text, '--trust', trust]);
  assert.equal(en.status, 0);
  assert.equal(en.out[0], 'VALID: GREEN');
  assert.ok(en.out.some((line) => line === `Code ID: ${humanCodeId('8f3a5c7e9b1d2f46')}`));
  const zh = await kiosk([expired.text, '--trust', trust], { KIOSK_LANG: 'zh-CN' });
  assert.equal(zh.status, 1);
  assert.equal(zh.out[0], '不通过：这张码已经过了有效期。');
  assert.match(zh.out[1] ?? '', /重新打印/);
});

test('usage errors exit 2: no code, two codes, a bad --id (reason named, number not echoed), an unreadable list', async (t) => {
  const { trust, write } = files(t);
  const badId = '110105194912310021';
  const cases: [string[], RegExp][] = [
    [[], /give one code/],
    [[good.text, 'extra', '--trust', trust], /give one code/],
    [[good.text, '--trust', trust, '--id', badId], /--id is not a valid document number \(check-digit\)/],
    [[good.text, '--trust', write('bad.json', '{ not json')], /trust file .* cannot be read as JSON/],
    [[good.text, '--trust', write('shape.json', { issuer: 'x' })], /trust file .* is not valid/],
    [[good.text, '--trust', trust, '--revocations', write('r.json', { hashes: ['XYZ'], updatedAt: 'now' })], /revocation file/],
    [[good.text, '--trust', trust, '--revocations', join(tempDir(t), 'missing.json')], /revocation file .*ENOENT/],
    [[good.text, '--frobnicate'], /frobnicate/],
  ];
  for (const [args, message] of cases) {
    const run = await kiosk(args);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.err.join('\n'), message);
    assert.match(run.err.join('\n'), /usage: npm run kiosk -- verify-code/);
    assert.ok(!run.err.join('\n').includes(badId));
  }
});

test('a real process: a code that starts with "-" goes after --; the exit status reaches the shell', (t) => {
  const { write } = files(t);
  // The first Base45 character comes from the version byte and the kid's first byte: find a key whose codes start with '-'.
  let dashKey = key;
  for (let i = 0; i < 2000 && !signCode(codeFields(), dashKey).text.startsWith('-'); i++) {
    dashKey = issuerKeyFromSeed(createHash('sha256').update(`dash-${i}`).digest());
  }
  const dashed = signCode(codeFields(), dashKey);
  assert.ok(dashed.text.startsWith('-'), 'a code starting with "-"');
  const trust = write('dash-trust.json', { ...trustList, keys: [trustedKey(dashKey, new Date(now - 30 * 24 * HOUR), null)] });
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot(), 'electron/cli/index.ts'), 'verify-code', ...args], {
      cwd: projectRoot(),
      encoding: 'utf8',
      env: { ...process.env, KIOSK_LANG: 'en' },
    });
  const ok = run('--trust', trust, '--json', '--', dashed.text);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal((JSON.parse(ok.stdout.trim().split('\n').at(-1) ?? '{}') as { valid: boolean }).valid, true);
  assert.equal(run('--trust', trust, dashed.text).status, 2, 'without -- the code reads as an unknown option');
});
