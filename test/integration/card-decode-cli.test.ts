// `kiosk card-decode`: a real process decoding a hex frame file; photo only as a size; error and usage exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../electron/app/paths.js';
import { encodeCardData, encodeCardText } from '../../electron/core/devices/id-reader/card.js';
import { encodeFrame } from '../../electron/core/devices/id-reader/frame.js';
import { demoCards } from '../../emulators/id-reader/demo-cards.js';
import { photoField } from '../../emulators/id-reader/photo.js';
import { tempDir } from '../helpers/temp.js';

function kiosk(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot(), 'electron/cli/index.ts'), ...args], {
    cwd: projectRoot(),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, last: result.stdout.trim().split('\n').at(-1) ?? '' };
}

const card = demoCards.find((c) => c.cardType === 'hmt-permit')!;
const frame = encodeFrame(Uint8Array.of(0, 0, 0x90, ...encodeCardData(encodeCardText(card.fields, card.cardType), photoField())));
/** Hex in lines of 32 bytes, as someone would paste it from a serial sniffer. */
const hexLines = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(.{64})/g, '$1\n')
    .replace(/(..)(?!\n)/g, '$1 ');

test('decodes a read reply frame to the identity, photo only as its size', (t) => {
  const file = join(tempDir(t), 'frame.hex');
  writeFileSync(file, hexLines(frame));
  const { status, last, stdout } = kiosk(['card-decode', file, '--json']);
  assert.equal(status, 0);
  const value = JSON.parse(last) as Record<string, unknown>;
  assert.equal(value.cardType, 'hmt-permit');
  assert.equal(value.idNumber, card.fields.idNumber);
  assert.deepEqual(value.photo, { bytes: 1024 });
  assert.doesNotMatch(stdout, /89504e47|iVBOR/i, 'no photo bytes in any form');
  const human = kiosk(['card-decode', file]);
  assert.equal(human.status, 0);
  assert.equal(JSON.parse(human.stdout).validTo, '2027-05-01');
});

test('a broken frame, a failed read and a bad card each exit 1 with their error code', (t) => {
  const dir = tempDir(t);
  const corrupt = Uint8Array.from(frame);
  corrupt[100]! ^= 0xff;
  const cases: Array<[string, string | Uint8Array, object]> = [
    ['corrupt', corrupt, { error: 'bad-checksum' }],
    ['status', encodeFrame(Uint8Array.of(0, 0, 0x41)), { error: 'reply-status', status: '41' }],
    ['short', encodeFrame(Uint8Array.of(0, 0, 0x90, 1)), { error: 'short-data' }],
    ['nothex', 'aa aa zz', { error: 'bad-hex' }],
  ];
  for (const [name, content, expected] of cases) {
    const file = join(dir, `${name}.hex`);
    writeFileSync(file, typeof content === 'string' ? content : hexLines(content));
    const { status, last } = kiosk(['card-decode', file, '--json']);
    assert.equal(status, 1, name);
    assert.deepEqual(JSON.parse(last), expected, name);
  }
});

test('a missing file or no file is a usage error (exit 2) with a clear message', (t) => {
  const missing = kiosk(['card-decode', join(tempDir(t), 'nope.hex')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read .*nope\.hex: ENOENT/);
  assert.match(missing.stderr, /usage: npm run kiosk -- card-decode/);
  assert.equal(kiosk(['card-decode']).status, 2);
});
