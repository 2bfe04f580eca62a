// Printer emulator over real TCP: hand-assembled ESC/POS jobs → PNG (zbarimg, jsqr) + transcript; status; faults; admin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test, type TestContext } from 'node:test';
import iconv from 'iconv-lite';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { listenPrinterAdmin } from '../../emulators/printer/admin.js';
import { createPrinterEmulator } from '../../emulators/printer/emulator.js';
import { transcript } from '../../emulators/printer/ticket.js';

const jsQR = jsQRModule.default;

type Part = number | string | Uint8Array | number[];
const bytes = (...parts: Part[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : typeof p === 'string' ? [...iconv.encode(p, 'gb18030')] : [...p])));

// The contract's ESC/POS subset, written out here (not taken from the kiosk's encoder).
const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;
const INIT = [ESC, 0x40];
const CHINESE_ON = [0x1c, 0x26];
const CHINESE_OFF = [0x1c, 0x2e];
const center = [ESC, 0x61, 1];
const left = [ESC, 0x61, 0];
const CUT = [GS, 0x56, 0x00];
const ACK = [GS, 0x72, 0x01];
const eot = (n: number) => [0x10, 0x04, n];
const nativeQr = (data: string, moduleDots: number) => {
  const d = Buffer.from(data, 'utf8');
  return [
    ...[GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleDots],
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 50],
    ...[GS, 0x28, 0x6b, (d.length + 3) & 0xff, (d.length + 3) >> 8, 0x31, 0x50, 0x30, ...d],
    ...[GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
  ];
};
/** A QR as a GS v 0 raster image, `scale` dots per module, drawn from qrcode's module matrix. */
function rasterQr(data: string, scale: number): number[] {
  const modules = QRCode.create(data, { errorCorrectionLevel: 'Q' }).modules;
  const dots = modules.size * scale;
  const widthBytes = Math.ceil(dots / 8);
  const image = new Array<number>(widthBytes * dots).fill(0);
  for (let y = 0; y < dots; y++)
    for (let x = 0; x < dots; x++)
      if (modules.get(Math.floor(y / scale), Math.floor(x / scale))) image[y * widthBytes + (x >> 3)]! |= 0x80 >> (x & 7);
  return [GS, 0x76, 0x30, 0x00, widthBytes & 0xff, widthBytes >> 8, dots & 0xff, dots >> 8, ...image];
}
const lines = (n: number) => [...bytes(...Array.from({ length: n }, (_, i) => [`line ${i + 1}`, LF]).flat())];

// 155 Base45 characters, like a paper code.
const CODE =
  'NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO6+IUKRG*I.I5BROCWAAT4V22F/8X*G3M9JUPY0BX/KR96R/S09T./0LWTKD33236J3TA3M*4VV2 73-E3GG396B-43O058YIB73A*G3W19UEBY5:PI0E';

async function startPrinter(t: TestContext, paper: '58mm' | '80mm' = '58mm') {
  const outDir = mkdtempSync(join(tmpdir(), 'printer-test-'));
  const emulator = createPrinterEmulator({ outDir, paper });
  const { port, url } = await emulator.listen(0, '127.0.0.1');
  t.after(async () => {
    await emulator.close();
    rmSync(outDir, { recursive: true, force: true });
  });
  return { emulator, port, url, outDir };
}

/** A kiosk-side socket: send bytes, await single answer bytes (or silence), see the connection end. */
async function openClient(t: TestContext, port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  t.after(() => void socket.destroy());
  socket.on('error', () => {});
  const received: number[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  socket.on('data', (chunk: Buffer) => {
    received.push(...chunk);
    wake?.();
  });
  socket.on('close', () => {
    closed = true;
    wake?.();
  });
  return {
    send: (...parts: Part[]) => void socket.write(bytes(...parts)),
    /** The next answer byte, or null after `ms` of silence or when the printer hung up. */
    async byte(ms = 3000): Promise<number | null> {
      const deadline = Date.now() + ms;
      while (received.length === 0 && !closed && Date.now() < deadline)
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, deadline - Date.now());
        });
      return received.shift() ?? null;
    },
    closed: () => closed,
    end: () => socket.end(),
    untilClosed: () => new Promise<void>((resolve) => (closed ? resolve() : socket.once('close', () => resolve()))),
  };
}

function zbar(file: string): string {
  const run = spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' });
  assert.equal(run.error, undefined, 'zbarimg must be installed (zbar-tools)');
  return run.stdout.trim();
}
function jsqrPng(file: string): string | null {
  const png = PNG.sync.read(readFileSync(file));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

const waitFor = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

test('Chinese text + native QR + cut: acknowledged; PNG scans back (zbarimg, jsqr); transcript has the text', async (t) => {
  const { port, emulator, outDir } = await startPrinter(t);
  const kiosk = await openClient(t, port);
  kiosk.send(eot(4));
  assert.equal(await kiosk.byte(), 0x12, 'paper fine');
  kiosk.send(INIT, CHINESE_ON, center, [GS, 0x21, 0x11], '健康码 ● 绿码', LF, [GS, 0x21, 0], left, '姓名: 张三  𠀀', LF);
  kiosk.send(center, nativeQr(CODE, 5), CHINESE_OFF, '8YEJ-WFTD-HTBT-6=', LF, [ESC, 0x64, 3], CUT, ACK);
  assert.equal(await kiosk.byte(), 0x00, 'the job is acknowledged: paper fine');

  const [record] = emulator.tickets();
  assert.ok(record?.pngFile && record.txtFile);
  assert.equal(basename(record.pngFile), '0001.png');
  assert.equal(record.ticket.cut, true);
  assert.equal(zbar(record.pngFile), CODE);
  assert.equal(jsqrPng(record.pngFile), CODE);
  const png = PNG.sync.read(readFileSync(record.pngFile));
  assert.ok(png.width >= 384 && png.width <= 384 + 32, `58 mm is 384 dots plus a small margin (got ${png.width})`);

  const text = readFileSync(record.txtFile, 'utf8');
  assert.equal(text, transcript(record.ticket));
  assert.deepEqual(text.split('\n'), [
    '  健康码 ● 绿码',
    '姓名: 张三  𠀀',
    `[QR ecc=Q module=5] ${CODE}`,
    '       8YEJ-WFTD-HTBT-6=',
    '[FEED 3]',
    '[CUT]',
    '',
  ]);
  assert.equal(existsSync(join(outDir, '0002.png')), false);
});

test('a raster QR (GS v 0) on 80 mm: the PNG scans back and the transcript names the image and its QR', async (t) => {
  const { port, emulator } = await startPrinter(t, '80mm');
  const kiosk = await openClient(t, port);
  kiosk.send(INIT, CHINESE_ON, center, '扫码核验', LF, rasterQr(CODE, 5), [GS, 0x56, 66, 4], ACK);
  assert.equal(await kiosk.byte(), 0x00);
  const [record] = emulator.tickets();
  assert.ok(record?.pngFile);
  assert.equal(zbar(record.pngFile), CODE);
  assert.equal(jsqrPng(record.pngFile), CODE);
  assert.ok(PNG.sync.read(readFileSync(record.pngFile)).width >= 576);
  const size = QRCode.create(CODE, { errorCorrectionLevel: 'Q' }).modules.size * 5;
  assert.match(
    transcript(record.ticket),
    new RegExp(`^\\[IMAGE ${Math.ceil(size / 8) * 8}x${size}\\] qr=${CODE.replace(/[.*+$/%]/g, '\\$&')}$`, 'm'),
  );
});

const stateCases = [
  { name: 'ready', state: {}, eot: [0x12, 0x12, 0x12, 0x12], sensor: 0x00, prints: true },
  { name: 'paper near end', state: { paper: 'near-end' }, eot: [0x12, 0x12, 0x12, 0x1e], sensor: 0x03, prints: true },
  { name: 'paper out', state: { paper: 'out' }, eot: [0x1a, 0x32, 0x12, 0x72], sensor: 0x0c, prints: false },
  // Cover open or offline: GS r 1 is held (null: no answer), so discarded data is never acknowledged as printed.
  { name: 'cover open', state: { cover: 'open' }, eot: [0x1a, 0x16, 0x12, 0x12], sensor: null, prints: false },
  { name: 'offline', state: { online: false }, eot: [0x1a, 0x12, 0x12, 0x12], sensor: null, prints: false },
] as const;

for (const c of stateCases)
  test(`${c.name}: DLE EOT 1–4 answer ${c.eot.map((b) => b.toString(16)).join(' ')}, GS r 1 answers ${c.sensor}; prints: ${c.prints}`, async (t) => {
    const { port, emulator } = await startPrinter(t);
    emulator.admin.setState(c.state);
    const kiosk = await openClient(t, port);
    const answers: Array<number | null> = [];
    for (const n of [1, 2, 3, 4]) {
      kiosk.send(eot(n));
      answers.push(await kiosk.byte());
    }
    assert.deepEqual(answers, c.eot);
    kiosk.send(INIT, 'hello', LF, CUT, ACK);
    assert.equal(await kiosk.byte(c.sensor === null ? 300 : undefined), c.sensor);
    assert.equal(emulator.tickets().length, c.prints ? 1 : 0);
  });

test('paper running out mid-job: partial ticket of the lines that fit, GS r 1 says paper end, DLE EOT too', async (t) => {
  const { port, emulator } = await startPrinter(t);
  emulator.admin.setState({ paperLinesLeft: 3 });
  const kiosk = await openClient(t, port);
  kiosk.send(INIT, lines(6), CUT, ACK);
  assert.equal(await kiosk.byte(), 0x0c);
  const records = emulator.tickets();
  assert.equal(records.length, 1);
  assert.equal(records[0]?.ticket.cut, false);
  assert.equal(basename(records[0]?.pngFile ?? ''), '0001-partial.png');
  assert.equal(transcript(records[0]!.ticket), 'line 1\nline 2\nline 3\n');
  assert.equal(emulator.admin.state().paper, 'out');
  kiosk.send(eot(4));
  assert.equal(await kiosk.byte(), 0x72);

  // A new roll: the next job prints whole.
  emulator.admin.setState({ paper: 'ok' });
  kiosk.send(INIT, lines(2), CUT, ACK);
  assert.equal(await kiosk.byte(), 0x00);
  assert.equal(transcript(emulator.tickets()[1]!.ticket), 'line 1\nline 2\n[CUT]\n');
});

test('cover opened mid-job: what printed is a partial ticket, the rest is discarded, GS r 1 is held', async (t) => {
  const { port, emulator } = await startPrinter(t);
  const kiosk = await openClient(t, port);
  kiosk.send(INIT, 'before', LF, eot(1));
  assert.equal(await kiosk.byte(), 0x12);
  emulator.admin.setState({ cover: 'open' });
  kiosk.send('after', LF, CUT, ACK);
  assert.equal(await kiosk.byte(300), null, 'no acknowledgement for discarded data');
  assert.deepEqual(
    emulator.tickets().map((r) => [r.ticket.cut, transcript(r.ticket)]),
    [[false, 'before\n']],
  );
  emulator.admin.setState({ cover: 'closed' });
  kiosk.send(INIT, 'again', LF, CUT, ACK);
  assert.equal(await kiosk.byte(), 0x00);
  assert.equal(transcript(emulator.tickets()[1]!.ticket), 'again\n[CUT]\n');
});

test('a connection that ends before the cut leaves a partial ticket; the next job starts clean', async (t) => {
  const { port, emulator, outDir } = await startPrinter(t);
  const first = await openClient(t, port);
  first.send(INIT, CHINESE_ON, [GS, 0x21, 0x11], '半张', LF);
  first.end();
  await waitFor(() => emulator.tickets().length === 1);
  assert.equal(existsSync(join(outDir, '0001-partial.txt')), true);
  assert.equal(readFileSync(join(outDir, '0001-partial.txt'), 'utf8'), '半张\n');

  const second = await openClient(t, port);
  second.send('plain', LF, CUT, ACK);
  assert.equal(await second.byte(), 0x00);
  const ticket = emulator.tickets()[1]!.ticket;
  assert.deepEqual(ticket.elements, [{ kind: 'text', text: 'plain', align: 'left', size: 1, bold: false }]);
});

test('disconnect-mid-job: the printer hangs up before the cut with about half the job printed; one-shot', async (t) => {
  const { port, emulator } = await startPrinter(t);
  emulator.admin.setNextJob('disconnect-mid-job');
  const kiosk = await openClient(t, port);
  kiosk.send(eot(4));
  assert.equal(await kiosk.byte(), 0x12, 'status before the job is still answered');
  kiosk.send(INIT, lines(20), CUT, ACK);
  await kiosk.untilClosed();
  assert.equal(await kiosk.byte(0), null, 'no acknowledgement');
  const [record] = emulator.tickets();
  assert.equal(record?.ticket.cut, false);
  const printed = record!.ticket.elements.length;
  assert.ok(printed >= 8 && printed <= 11, `about half of 20 lines printed (got ${printed})`);
  assert.equal(emulator.admin.state().nextJob, null);

  const again = await openClient(t, port);
  again.send(INIT, lines(20), CUT, ACK);
  assert.equal(await again.byte(), 0x00);
  assert.equal(emulator.tickets()[1]?.ticket.elements.length, 20);
});

test('drop-before-ack: the whole job prints and is recorded, then the socket is destroyed instead of answering GS r 1', async (t) => {
  const { port, emulator } = await startPrinter(t);
  emulator.admin.setNextJob('drop-before-ack');
  const kiosk = await openClient(t, port);
  kiosk.send(INIT, lines(5), CUT, ACK);
  await kiosk.untilClosed();
  assert.equal(await kiosk.byte(0), null);
  assert.equal(emulator.tickets().length, 1);
  assert.equal(transcript(emulator.tickets()[0]!.ticket), 'line 1\nline 2\nline 3\nline 4\nline 5\n[CUT]\n');
  assert.equal(emulator.admin.state().nextJob, null);
});

test('hang: nothing is read or answered (not even DLE EOT) until cleared, then everything resumes in order', async (t) => {
  const { port, emulator } = await startPrinter(t);
  const kiosk = await openClient(t, port);
  emulator.admin.setState({ hang: true });
  kiosk.send(eot(1), INIT, 'held', LF, CUT, ACK);
  assert.equal(await kiosk.byte(400), null);
  assert.equal(kiosk.closed(), false, 'the connection stays open');
  assert.equal(emulator.tickets().length, 0);
  emulator.admin.setState({ hang: false });
  assert.equal(await kiosk.byte(), 0x12);
  assert.equal(await kiosk.byte(), 0x00);
  assert.equal(transcript(emulator.tickets()[0]!.ticket), 'held\n[CUT]\n');

  // A connection opened while hung is held too.
  emulator.admin.setState({ hang: true });
  const late = await openClient(t, port);
  late.send(eot(4));
  assert.equal(await late.byte(300), null);
  emulator.admin.reset();
  assert.equal(await late.byte(), 0x12);
});

test('admin over HTTP: state, partial updates, one-shots, reset, tickets; bad input is 400 naming the field', async (t) => {
  const { port, emulator } = await startPrinter(t);
  const admin = await listenPrinterAdmin(emulator.admin, 0, '127.0.0.1');
  t.after(() => admin.close());
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${admin.url}${path}`, {
      method,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const message = (r: { json: Record<string, unknown> }) => (r.json.error as { message: string }).message;

  assert.deepEqual((await call('GET', '/admin/state')).json, {
    paper: 'ok',
    cover: 'closed',
    online: true,
    hang: false,
    paperLinesLeft: null,
    nextJob: null,
  });
  const updated = await call('POST', '/admin/state', { paper: 'near-end', paperLinesLeft: 40 });
  assert.equal(updated.status, 200);
  assert.equal(updated.json.paper, 'near-end');
  assert.equal(updated.json.cover, 'closed', 'a partial update keeps the rest');

  for (const [body, field] of [
    [{ paper: 'gone' }, 'paper'],
    [{ cover: true }, 'cover'],
    [{ paperLinesLeft: -1 }, 'paperLinesLeft'],
    [{ online: 'yes' }, 'online'],
    [{ shoeSize: 42 }, 'shoeSize'],
  ] as const) {
    const bad = await call('POST', '/admin/state', body);
    assert.equal(bad.status, 400);
    assert.match(message(bad), new RegExp(`^${field}:`));
  }
  assert.equal((await call('POST', '/admin/state', '{not json')).status, 400);
  const badJob = await call('POST', '/admin/next-job', { nextJob: 'explode' });
  assert.equal(badJob.status, 400);
  assert.match(message(badJob), /^nextJob:/);
  assert.equal((await call('POST', '/admin/next-job', { nextJob: 'drop-before-ack' })).json.nextJob, 'drop-before-ack');
  assert.equal((await call('GET', '/admin/nowhere')).status, 404);

  const reset = await call('POST', '/admin/reset');
  assert.deepEqual(reset.json, { paper: 'ok', cover: 'closed', online: true, hang: false, paperLinesLeft: null, nextJob: null });

  const kiosk = await openClient(t, port);
  kiosk.send(INIT, 'via admin', LF, CUT, ACK);
  assert.equal(await kiosk.byte(), 0x00);
  const tickets = (await call('GET', '/admin/tickets')).json.tickets as Array<{ seq: number; cut: boolean; transcript: string }>;
  assert.deepEqual(
    tickets.map(({ seq, cut, transcript: text }) => ({ seq, cut, text })),
    [{ seq: 1, cut: true, text: 'via admin\n[CUT]\n' }],
  );

  await assert.rejects(listenPrinterAdmin(emulator.admin, 0, '0.0.0.0'), /loopback only/);
});
