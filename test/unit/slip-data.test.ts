// Slip data: each template's schema takes its masked sample and refuses full ID or phone numbers in every string field,
// unmasked names and numbers, and unknown fields; renderSlip names the template and field, never the value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { templateIds, type TemplateId } from '../../electron/core/printing/schema.js';
import { looksLikePersonalNumber, renderSlip, SlipDataError, slipDataSchemas } from '../../electron/core/printing/slip-data.js';
import { renderTemplate, type Translate } from '../../electron/core/printing/template.js';
import { maskIdNumber, maskName, maskPhone } from '../../electron/core/privacy/mask.js';
import { slipSamples, slipTemplates } from '../../printer-templates/index.js';

const t: Translate = (key, params) => `${key}${params ? JSON.stringify(params) : ''}`;
const options = { t, language: 'zh-CN', paper: '58mm' } as const;

/** Every string in the data with its dotted path ('proxy.maskedName', 'breachRefs.1'). */
function stringLeaves(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => stringLeaves(inner, [...path, key]));
}

function withLeaf(data: unknown, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1)!] = replacement;
  return copy;
}

function refusal(template: TemplateId, data: unknown): SlipDataError {
  try {
    renderSlip(template, data, options);
  } catch (error) {
    assert.ok(error instanceof SlipDataError, `expected SlipDataError, got ${String(error)}`);
    assert.equal(error.template, template);
    return error;
  }
  assert.fail(`${template}: data was accepted`);
}

const fullNumbers = [
  '11010519491231002X',
  '11010519491231002x',
  '110105 19491231 002X',
  '１１０１０５１９４９１２３１００２Ｘ', // full-width
  '110105491231002', // old 15-digit number
  '13812345678',
  '138-1234-5678',
  '+86 138 1234 5678',
];

test('every template has a schema, and each sample passes its own', () => {
  assert.deepEqual(Object.keys(slipDataSchemas).sort(), [...templateIds].sort());
  for (const id of templateIds) {
    assert.doesNotThrow(() => slipDataSchemas[id].parse(slipSamples[id]), id);
    assert.ok(renderSlip(id, slipSamples[id], options).blocks.length > 5);
  }
});

test('a full ID or phone number in any string field is refused, naming the field and not the number', () => {
  for (const id of templateIds) {
    const leaves = stringLeaves(slipSamples[id]).filter((path) => path.join('.') !== 'codeText');
    assert.ok(leaves.length >= 5, id);
    for (const path of leaves) {
      for (const number of fullNumbers) {
        for (const value of [number, `备注 ${number}`]) {
          const error = refusal(id, withLeaf(slipSamples[id], path, value));
          assert.equal(error.field, path.join('.'), `${id}: ${value} in ${path.join('.')}`);
          assert.ok(error.message.includes(id) && error.message.includes(path.join('.')));
          assert.ok(!error.message.includes(number.slice(-6)), 'the message carries part of the number');
        }
      }
    }
  }
});

test('numbers hidden in free text are found wherever they sit', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 10 }),
      fc.stringMatching(/^[1-6]\d{16}[\dX]$/),
      fc.string({ maxLength: 10 }),
      (before, id, after) => {
        const hall = `${before}${id}${after}`;
        fc.pre(!/\d$/.test(before) && !/^[\dA-Za-z]/.test(after));
        assert.equal(refusal('paper-code', { ...slipSamples['paper-code'], hallName: hall }).field, 'hallName');
      },
    ),
    { numRuns: 300 },
  );
});

test('masked values, references, dates and staff numbers are not mistaken for personal numbers', () => {
  for (const text of [
    maskIdNumber('11010519491231002X'),
    maskPhone('13812345678'),
    maskName('欧阳娜娜'),
    'QD-20200302-0007',
    '2020-03-02T01:12:00.000Z',
    '1001',
    '8YEJ-WFTD-HTBT-6=',
    '市南区八大湖街道便民服务中心',
    '12345',
  ]) {
    assert.equal(looksLikePersonalNumber(text), false, text);
  }
  for (const number of fullNumbers) assert.equal(looksLikePersonalNumber(number), true, number);
});

test('names and numbers must be masked', () => {
  assert.equal(refusal('paper-code', { ...slipSamples['paper-code'], maskedName: '张三' }).field, 'maskedName');
  assert.equal(refusal('paper-code', { ...slipSamples['paper-code'], maskedNumber: 'E12345678' }).field, 'maskedNumber');
  assert.equal(refusal('paper-code', { ...slipSamples['paper-code'], proxyMaskedName: '李四' }).field, 'proxyMaskedName');
  const proxy = slipSamples['proxy-slip'];
  assert.equal(refusal('proxy-slip', { ...proxy, subject: { ...proxy.subject, maskedName: 'SMITH JOHN' } }).field, 'subject.maskedName');
  assert.equal(
    refusal('timeout-notice', { ...slipSamples['timeout-notice'], officer: { staffNo: '1001', maskedName: '王五' } }).field,
    'officer.maskedName',
  );
});

test('unknown fields, wrong enums, missing fields and impossible counts are refused by field', () => {
  assert.equal(refusal('paper-code', { ...slipSamples['paper-code'], fullName: '张三' }).field, '(data)');
  assert.equal(refusal('paper-code', { ...slipSamples['paper-code'], status: 'EXPIRED' }).field, 'status');
  assert.equal(refusal('paper-code', { ...slipSamples['paper-code'], codeText: 'lowercase is not base45' }).field, 'codeText');
  assert.equal(refusal('paper-code', { ...slipSamples['paper-code'], humanId: '8YEJ-WFTD-HTBT-6' }).field, 'humanId');
  assert.equal(refusal('paper-code', { ...slipSamples['paper-code'], reprintNumber: -1 }).field, 'reprintNumber');
  assert.equal(refusal('receipt', { ...slipSamples.receipt, why: 'bored' }).field, 'why');
  assert.equal(refusal('receipt', { ...slipSamples.receipt, submittedAt: '2020-03-02 09:12' }).field, 'submittedAt');
  assert.equal(refusal('proxy-slip', { ...slipSamples['proxy-slip'], relationship: 'friend' }).field, 'relationship');
  const { community: _community, ...noCommunity } = slipSamples['timeout-notice'];
  assert.equal(refusal('timeout-notice', noCommunity).field, 'community');
  assert.equal(refusal('sla-report', { ...slipSamples['sla-report'], onTime: 15 }).field, 'onTime');
  assert.equal(refusal('sla-report', { ...slipSamples['sla-report'], date: '2020-3-2' }).field, 'date');
  assert.equal(refusal('sla-report', null).field, '(data)');
});

test('renderSlip prints exactly what renderTemplate prints for valid data', () => {
  for (const id of templateIds) {
    assert.deepEqual(
      renderSlip(id, slipSamples[id], options),
      renderTemplate(slipTemplates[id] as never, slipSamples[id] as never, options),
    );
  }
});
