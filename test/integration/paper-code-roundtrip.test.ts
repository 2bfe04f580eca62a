// A paper code end to end: issued by the provincial emulator → printed by the print service to the printer emulator →
// its PNG read by zbarimg (Debian zbar-tools) → verified by `verify-code`; tampered, wrong key, expired, revoked refused.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import type { CliIo } from '../../electron/cli/command.js';
import { verifyCodeCommand } from '../../electron/cli/commands/verify-code.js';
import { runCli } from '../../electron/cli/index.js';
import { humanCodeId } from '../../electron/core/codes/human-id.js';
import { issuerKeyFromSeed, trustedKey } from '../../electron/core/codes/keys.js';
import { RevocationListSchema, TrustListSchema, type TrustList } from '../../electron/core/codes/schema.js';
import { createPrintService } from '../../electron/core/printing/print-service.js';
import type { PaperCodeData } from '../../electron/core/printing/slip-data.js';
import type { QrMode } from '../../electron/core/printing/slip.js';
import { createThermalPort } from '../../electron/core/printing/transport.js';
import { maskIdNumber, maskName } from '../../electron/core/privacy/mask.js';
import { ApplicationViewSchema, type ApplicationView } from '../../electron/core/province/schema.js';
import { kioskDb, slipRender, startPrinter } from '../helpers/print-fixtures.js';
import { sampleApplication, startProvince, testIdNumber } from '../helpers/province-client.js';
import { fakeClock } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const run = promisify(execFile);
const HOUR = 3_600_000;

/** The QR text zbarimg reads from a PNG; a clear failure when zbar-tools is not installed. */
async function zbarimg(png: string): Promise<string> {
  try {
    const { stdout } = await run('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' });
    // One symbol, one line: the newline is zbarimg's, the code's own spaces are kept.
    return stdout.replace(/\n$/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      assert.fail('zbarimg is not installed: this test needs Debian zbar-tools (apt-get install zbar-tools)');
    }
    throw error;
  }
}

interface Verdict {
  status: number;
  json: Record<string, unknown>;
}

const io = (out: string[]): CliIo => ({ out: (l) => out.push(l), err: () => {}, readStdin: async () => '', env: { KIOSK_LANG: 'en' } });
const lastJson = (out: string[]) => JSON.parse(out.at(-1) ?? '{}') as Record<string, unknown>;

/** `npm run kiosk -- verify-code … --json`, in-process, on the system clock as the operator would run it. */
async function verifyCli(args: string[]): Promise<Verdict> {
  const out: string[] = [];
  const status = await runCli(['verify-code', '--json', ...args], io(out));
  return { status, json: lastJson(out) };
}

/** The same command on a clock of the test's choosing (the CLI's clock is injected; the registered one is the system's). */
async function verifyCliAt(now: Date, args: string[]): Promise<Verdict> {
  const out: string[] = [];
  const status = await verifyCodeCommand({ now: () => now }).run(['--json', ...args], io(out));
  return { status, json: lastJson(out) };
}

/** A province whose clock is the real now (a minute back, so a fresh code is already valid on the system clock). */
async function issueGreen(t: TestContext) {
  const province = await startProvince(t, { startAt: new Date(Date.now() - 60_000).toISOString() });
  const application = sampleApplication(province.clock);
  const reply = await province.client.submit(application);
  assert.equal(reply.status, 201);
  const view: ApplicationView = ApplicationViewSchema.parse(reply.json);
  assert.equal(view.status, 'GREEN');
  assert.ok(view.code, 'a GREEN application comes with a code');
  return { province, application, view, code: view.code };
}

/** What the kiosk would put on the slip: masked holder, the human id under the QR, the province's own text and times. */
function slipData(application: ReturnType<typeof sampleApplication>, view: ApplicationView): PaperCodeData {
  const code = view.code!;
  return {
    hallName: '市南区八大湖街道便民服务中心',
    status: 'GREEN',
    codeText: code.codeText,
    humanId: humanCodeId(code.codeId),
    maskedName: maskName(application.applicant.name),
    maskedNumber: maskIdNumber(application.applicant.idNumber),
    validUntil: code.validUntil,
    statusAsOf: view.statusAsOf,
    proxyMaskedName: null,
    reprintNumber: 0,
    complaintRef: 'QD-20261127-0001',
  };
}

/** Prints the slip through the real service and port to the printer emulator; the ticket's PNG file. */
async function printToPng(t: TestContext, data: PaperCodeData, qrMode: QrMode): Promise<{ png: string; transcript: string }> {
  const printer = await startPrinter(t, { outDir: join(tempDir(t), 'printer-out') });
  const { db } = kioskDb(t);
  const port = createThermalPort(printer.uri, { timeoutMs: 5_000 });
  const service = createPrintService({ db, clock: fakeClock(), port, render: slipRender(qrMode) });
  const job = service.enqueue({ template: 'paper-code', label: 'paper code', data: { ...data }, paper: '58mm' });
  assert.equal(await service.runOnce(), true);
  assert.equal(service.jobs(1)[0]?.id, job.id);
  assert.equal(service.jobs(1)[0]?.state, 'done');
  const [ticket, ...more] = printer.emulator.tickets();
  assert.equal(more.length, 0, 'one ticket');
  assert.ok(ticket?.ticket.cut, 'the slip was cut');
  assert.ok(ticket.pngFile, 'the emulator wrote a PNG');
  return { png: ticket.pngFile, transcript: ticket.transcript };
}

/** The province's trust list and revocations, fetched through the signed client and written as the CLI's files. */
async function provinceLists(province: Awaited<ReturnType<typeof issueGreen>>['province'], dir: string, name: string) {
  const trustList = TrustListSchema.parse((await province.client.trustList()).json);
  const revocations = RevocationListSchema.parse((await province.client.revocations()).json);
  const trust = join(dir, `${name}-trust.json`);
  const revoked = join(dir, `${name}-revocations.json`);
  writeFileSync(trust, JSON.stringify(trustList));
  writeFileSync(revoked, JSON.stringify(revocations));
  return { trustList, revocations, trust, revoked };
}

for (const qrMode of ['native', 'raster'] as const) {
  test(`${qrMode} QR: issued → printed → PNG → zbarimg → verify-code is GREEN, with the holder bound to the code`, async (t) => {
    const { province, application, view, code } = await issueGreen(t);
    const data = slipData(application, view);
    const { png, transcript } = await printToPng(t, data, qrMode);
    // The printer built the symbol itself (GS ( k), or printed the kiosk's image of it (GS v 0) dot for dot.
    assert.match(transcript, qrMode === 'native' ? /^\[QR ecc=Q module=\d+\] /m : /^\[IMAGE \d+x\d+\] qr=/m);
    assert.match(transcript, new RegExp(`码号 ${data.humanId.replace(/[$*]/g, '\\$&')}`), 'the human id is under the QR');
    assert.ok(!transcript.includes(application.applicant.idNumber), 'the full number is not on paper');
    assert.ok(!transcript.includes(application.applicant.name), 'the full name is not on paper');

    const scanned = await zbarimg(png);
    assert.equal(scanned, code.codeText, 'zbarimg reads back exactly what the province signed');

    const lists = await provinceLists(province, tempDir(t), 'province');
    const valid = await verifyCli([png, '--trust', lists.trust, '--revocations', lists.revoked]);
    assert.equal(valid.status, 0);
    assert.deepEqual(
      { valid: valid.json.valid, reason: valid.json.reason, status: valid.json.status, kid: valid.json.kid },
      { valid: true, reason: 'ok', status: 'GREEN', kid: lists.trustList.keys[0]?.kid },
    );
    assert.equal(valid.json.validUntil, code.validUntil);
    assert.equal(valid.json.humanId, data.humanId);
    assert.equal(valid.json.holder, 'not-checked');

    const holder = await verifyCli([png, '--trust', lists.trust, '--revocations', lists.revoked, '--id', application.applicant.idNumber]);
    assert.deepEqual([holder.status, holder.json.valid, holder.json.holder], [0, true, 'match']);
    const someoneElse = testIdNumber('19800101', 124);
    assert.notEqual(someoneElse, application.applicant.idNumber);
    const other = await verifyCli([png, '--trust', lists.trust, '--revocations', lists.revoked, '--id', someoneElse]);
    assert.deepEqual([other.status, other.json.valid, other.json.reason, other.json.holder], [1, false, 'holder-mismatch', 'mismatch']);
  });
}

test('the printed code refused each with its own reason: tampered, wrong key, expired, revoked', async (t) => {
  const { province, application, view, code } = await issueGreen(t);
  const { png } = await printToPng(t, slipData(application, view), 'native');
  const scanned = await zbarimg(png);
  const dir = tempDir(t);
  const lists = await provinceLists(province, dir, 'before');
  // The code last, after `--`: Base45 text may begin with '-', which would otherwise read as an option (exit 2).
  const args = (text: string, trust = lists.trust, revoked = lists.revoked) => ['--trust', trust, '--revocations', revoked, '--', text];
  assert.equal((await verifyCli(args(scanned))).status, 0, 'the scanned text itself is valid');

  // One Base45 character of the scan changed, in the middle (inside the signed payload or the signature).
  const at = Math.floor(scanned.length / 2);
  const tampered = scanned.slice(0, at) + (scanned[at] === '0' ? '1' : '0') + scanned.slice(at + 1);
  const forged = await verifyCli(args(tampered));
  assert.equal(forged.status, 1);
  assert.ok(['signature', 'format'].includes(String(forged.json.reason)), `tampered: ${String(forged.json.reason)}`);
  assert.equal(forged.json.status, null, 'nothing a forger wrote is reported');

  // A trust list with another issuer key: the code's key is not in it.
  const stranger = issuerKeyFromSeed(Buffer.alloc(32, 7));
  const wrongList: TrustList = { ...lists.trustList, keys: [trustedKey(stranger, new Date('2020-01-01T00:00:00Z'), null)] };
  assert.notEqual(stranger.kid, lists.trustList.keys[0]?.kid);
  const wrongTrust = join(dir, 'wrong-trust.json');
  writeFileSync(wrongTrust, JSON.stringify(wrongList));
  const unknown = await verifyCli(args(png, wrongTrust));
  assert.deepEqual([unknown.status, unknown.json.reason], [1, 'unknown-key']);

  // The same PNG a minute after validUntil, and a minute before (the boundary is the code's own).
  const until = Date.parse(code.validUntil);
  const expired = await verifyCliAt(new Date(until + 60_000), args(png));
  assert.deepEqual([expired.status, expired.json.reason, expired.json.validUntil], [1, 'expired', code.validUntil]);
  assert.equal((await verifyCliAt(new Date(until - HOUR), args(png))).status, 0, 'still valid an hour before');

  // The province turns the application RED: the old code's hash is on its revocation list from then on.
  const red = province.emulator.admin.setStatus({ applicationId: application.applicationId, status: 'RED', reasonCode: 'big-data' });
  assert.equal(red?.status, 'RED');
  assert.notEqual(red?.code?.codeId, code.codeId, 'a new code for the new status');
  assert.equal((await verifyCli(args(png))).status, 0, 'with the lists fetched before, the old code still passes');
  const after = await provinceLists(province, dir, 'after');
  assert.equal(after.revocations.hashes.length, lists.revocations.hashes.length + 1);
  const revoked = await verifyCli(args(png, after.trust, after.revoked));
  assert.deepEqual([revoked.status, revoked.json.reason, revoked.json.status], [1, 'revoked', 'GREEN']);
});
