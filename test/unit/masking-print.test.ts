// Masking on paper: every resident-facing slip of 1,000 generated residents, as ESC/POS bytes — no full ID number,
// 17-digit body, phone number, address or full name in any encoding, nor in the QR; every line fits the roll.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { translator } from '../../electron/app/locales.js';
import { base45Decode } from '../../electron/core/codes/base45.js';
import { holderTag } from '../../electron/core/codes/holder.js';
import { humanCodeId } from '../../electron/core/codes/human-id.js';
import { minutesOf } from '../../electron/core/codes/payload.js';
import { signCode } from '../../electron/core/codes/sign.js';
import { encodeSlip } from '../../electron/core/printing/escpos.js';
import type { TemplateId } from '../../electron/core/printing/schema.js';
import { renderSlip, type PaperCodeData, type ProxySlipData, type ReceiptData } from '../../electron/core/printing/slip-data.js';
import { paperSpecs, type Paper } from '../../electron/core/printing/slip.js';
import { renderTemplate } from '../../electron/core/printing/template.js';
import { MAX_MASKED_NAME, maskIdNumber, maskName, maskPhone } from '../../electron/core/privacy/mask.js';
import type { Language } from '../../electron/core/settings/schema.js';
import { decodeEscPos } from '../../emulators/printer/decoder.js';
import { textColumns } from '../../emulators/printer/ticket.js';
import { slipTemplates } from '../../printer-templates/index.js';
import { exampleKey } from '../helpers/code-fixtures.js';
import { forbiddenFor, generatedResidents, leaksIn, type GeneratedResident } from '../helpers/generated-residents.js';

const RESIDENTS = Number(process.env.MASKING_RESIDENTS ?? 1000);
/** Made once for both tests (fast-check takes ~0.5 s for 1,000 pairs). */
const residents = generatedResidents(RESIDENTS);
/**
 * Where each resident's slips print: 58 mm (the narrowest roll) in their language, alternating zh-CN and en; every
 * tenth also on 80 mm in the other. Not every combination for everyone: a slip render costs ~2 ms (an
 * Intl.DateTimeFormat per time, a QR for the module size), and this test must stay within 15 s.
 */
function printingsOf(index: number): { language: Language; paper: Paper }[] {
  const [own, other]: Language[] = index % 2 === 0 ? ['zh-CN', 'en'] : ['en', 'zh-CN'];
  const printings = [{ language: own!, paper: '58mm' as Paper }];
  if (index % 10 === 0) printings.push({ language: other!, paper: '80mm' });
  return printings;
}
const statuses = ['GREEN', 'YELLOW', 'RED', 'PENDING'] as const;
const at = '2024-05-01T09:30:00+08:00';
const mask = (person: { name: string; idNumber: string }) => ({
  maskedName: maskName(person.name),
  maskedNumber: maskIdNumber(person.idNumber),
});

/** The three slips a resident can be handed, with the data core builds for them (application-slips.ts, proxies.ts). */
function slipsOf(resident: GeneratedResident, index: number): [TemplateId, PaperCodeData | ReceiptData | ProxySlipData][] {
  const codeId = index.toString(16).padStart(16, '0');
  const code = signCode(
    {
      codeId,
      status: statuses[index % 4]!,
      issuedAt: minutesOf(new Date(at)),
      statusAsOf: minutesOf(new Date(at)),
      validUntil: minutesOf(new Date('2024-05-15T09:30:00+08:00')),
      holderTag: holderTag(codeId, resident.idNumber),
      proxy: index % 2 === 0,
      hallId: 370202001,
    },
    exampleKey,
  );
  const common = {
    hallName: '测试社区服务大厅',
    ...mask(resident),
    proxyMaskedName: index % 2 === 0 ? maskName(resident.proxy.name) : null,
  };
  const ref = `QD-20240501-${String(index).padStart(4, '0')}`;
  const reprintNumber = index % 3;
  return [
    ['paper-code', { ...common, status: statuses[index % 4]!, codeText: code.text, humanId: humanCodeId(codeId), validUntil: at, statusAsOf: at, reprintNumber, complaintRef: ref }],
    ['receipt', { ...common, applicationRef: ref, submittedAt: at, expectedBy: index % 2 ? at : null, why: index % 2 ? 'review' : 'offline', complaintRef: ref, reprintNumber }],
    ['proxy-slip', { hallName: common.hallName, applicationRef: ref, proxy: mask(resident.proxy), subject: mask(resident), relationship: 'child', consent: 'signed-form', staffNo: '0001', at, reprintNumber }],
  ]; // prettier-ignore
}

/** Each forbidden value as the bytes it would be on the wire: UTF-8 (ASCII digits included) and GB18030. */
const encodingsOf = (forbidden: string[]) =>
  forbidden.map((value) => ({ value, forms: [Buffer.from(value, 'utf8'), iconv.encode(value, 'gb18030')] }));

/** What a stream gives away: forbidden values in its raw bytes, its decoded lines (wrapped or not), its QR text and payload. */
function leaksInStream(bytes: Uint8Array, paper: Paper, forbidden: string[]): { leaks: string[]; lines: string[]; sizes: number[] } {
  const raw = Buffer.from(bytes);
  const leaks = encodingsOf(forbidden)
    .filter(({ forms }) => forms.some((form) => raw.includes(form)))
    .map(({ value }) => value);
  const tickets = decodeEscPos(bytes, { paper });
  const elements = tickets.flatMap((ticket) => ticket.elements);
  const texts = elements.flatMap((element) => (element.kind === 'text' ? [element] : []));
  const lines = texts.map((element) => element.text);
  const qrs = elements.flatMap((element) => (element.kind === 'qr' ? [element.data] : []));
  leaks.push(...leaksIn(lines.join('\n'), forbidden), ...leaksIn(qrs.join('\n'), forbidden));
  for (const qr of qrs) {
    const payload = Buffer.from(base45Decode(qr) ?? []);
    leaks.push(
      ...encodingsOf(forbidden)
        .filter(({ forms }) => forms.some((form) => payload.includes(form)))
        .map(({ value }) => value),
    );
  }
  assert.equal(tickets.length, 1, 'one slip, one ticket');
  return { leaks, lines, sizes: texts.map((element) => element.size) };
}

/** Layout trouble: a line wider than the roll, a character GB18030 could not carry, or a masked value not printed whole. */
function layoutProblems(lines: string[], paper: Paper, sizes: number[], expected: string[]): string[] {
  const problems: string[] = [];
  lines.forEach((line, i) => {
    if (textColumns(line) * sizes[i]! > paperSpecs[paper].columns) problems.push(`line wider than ${paper}: ${line}`);
    if (/[\uFFFD\p{Cs}]/u.test(line)) problems.push(`undecodable character in: ${line}`);
  });
  const squeezed = lines.join('').replace(/\s+/g, '');
  for (const value of expected) if (!squeezed.includes(value.replace(/\s+/g, ''))) problems.push(`not printed whole: ${value}`);
  return problems;
}

test('mask functions: nothing forbidden in any masked value, well-formed, fits a slip line', () => {
  for (const resident of residents) {
    for (const person of [resident, resident.proxy]) {
      const masked = [maskName(person.name), maskIdNumber(person.idNumber), maskIdNumber(person.typedNumber), maskPhone(person.phone)];
      assert.deepEqual(leaksIn(masked.join('\n'), forbiddenFor(resident)), [], `${masked.join(' | ')}`);
      for (const value of masked) assert.ok(!/\p{Cs}/u.test(value) && value.includes('*'), `${value} is masked and well-formed`);
      const name = maskName(person.name);
      // Of a name only its surname (one or two characters) shows; the rest of it never does.
      assert.ok([...name].filter((c) => c !== '*' && c !== ' ').length <= 2, `${name} shows only a surname`);
      assert.ok(name.length <= 40 && [...name].length <= MAX_MASKED_NAME, `${name} fits the slip's masked-name field`);
    }
  }
});

test(`${RESIDENTS} residents × 3 slips: no leak in any printed byte, every line fits the roll`, () => {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const translators = new Map((['zh-CN', 'en'] as const).map((language) => [language, translator(language, 'slips')]));
  let printStreams = 0;
  const leaks: string[] = [];
  const problems: string[] = [];
  residents.forEach((resident, index) => {
    const forbidden = forbiddenFor(resident);
    for (const [template, data] of slipsOf(resident, index))
      for (const { language, paper } of printingsOf(index)) {
        const where = `resident ${index} ${template} ${language} ${paper}`;
        let bytes: Uint8Array;
        try {
          bytes = encodeSlip(renderSlip(template, data, { t: translators.get(language)!, language, paper }), { qrMode: 'native' });
        } catch (error) {
          problems.push(`${where}: not printed: ${(error as Error).message}`);
          continue;
        }
        printStreams += 1;
        const found = leaksInStream(bytes, paper, forbidden);
        leaks.push(...found.leaks.map((value) => `${where}: ${value}`));
        const expected = 'proxy' in data ? [data.proxy.maskedName, data.subject.maskedName] : [data.maskedName, data.proxyMaskedName ?? ''];
        problems.push(...layoutProblems(found.lines, paper, found.sizes, expected).map((p) => `${where}: ${p}`));
      }
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = Math.round((cpu.user + cpu.system) / 1e5) / 10; // wall time swings with the machine's load; CPU less
  const figure = { residents: residents.length, printStreams, leaks: leaks.length, layoutProblems: problems.length, seconds, cpuSeconds };
  console.log(`FIGURE masking ${JSON.stringify(figure)}`);
  assert.deepEqual(leaks.slice(0, 10), []);
  assert.deepEqual(problems.slice(0, 10), []);
  assert.equal(printStreams, residents.length * 3 + Math.ceil(residents.length / 10) * 3);
});

test('the search finds an unmasked name, number and phone in bytes and across wrapped lines (it can fail)', () => {
  const [resident] = generatedResidents(1, 7);
  const t = translator('zh-CN', 'slips');
  const [, receipt] = slipsOf(resident!, 1)[1]!;
  const healthy = encodeSlip(renderSlip('receipt', receipt, { t, language: 'zh-CN', paper: '58mm' }), { qrMode: 'native' });
  assert.deepEqual(leaksInStream(healthy, '58mm', forbiddenFor(resident!)).leaks, []);
  for (const name of ['𠀀伟', '阿卜杜·热合曼', '欧阳𪚥', 'ALBER MARTAN'])
    for (const field of ['maskedName', 'maskedNumber'] as const) {
      // Past the schema, as a bug in core would be: the template prints whatever it is given.
      const leaked = { ...receipt, [field]: name, maskedName: name } as ReceiptData;
      const slip = renderTemplate(slipTemplates.receipt, leaked, { t, language: 'zh-CN', paper: '58mm' });
      assert.ok(leaksInStream(encodeSlip(slip, { qrMode: 'native' }), '58mm', [name]).leaks.includes(name), name);
    }
  // A number printed inside a long Chinese line wraps over two lines: still found, grouped or not.
  for (const value of [resident!.idNumber, resident!.phone.replace(/(\d{3})(\d{4})/, '$1 $2 ')]) {
    const text = `证件号码证件号码证件号码证件号码证件号码证件号码${value}`;
    const bytes = encodeSlip(
      { paper: '58mm', blocks: [{ kind: 'text', text, align: 'left', size: 1, bold: false }, { kind: 'cut' }] },
      { qrMode: 'native' },
    );
    assert.ok(leaksInStream(bytes, '58mm', forbiddenFor(resident!)).leaks.length > 0, value);
  }
});
