// Slip templates at the Slip level: every slip × paper × language renders with real words, marks appear only when due,
// the QR carries the code exactly at 35–45 mm, and every key and field a template names exists in both languages / its schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { translator } from '../../electron/app/locales.js';
import { paperStatuses } from '../../electron/core/codes/schema.js';
import { templateIds, type TemplateId } from '../../electron/core/printing/schema.js';
import { renderSlip, slipDataSchemas, type SlipDataByTemplate } from '../../electron/core/printing/slip-data.js';
import { paperSpecs, statusShapes, type Paper, type Slip, type SlipBlock } from '../../electron/core/printing/slip.js';
import {
  formatDate,
  formatDateTime,
  qrModuleDots,
  qrModules,
  QR_MAX_DOTS,
  QR_MIN_DOTS,
  QR_QUIET_MODULES,
  renderTemplate,
  templateReferences,
  type Translate,
} from '../../electron/core/printing/template.js';
import type { Language } from '../../electron/core/settings/schema.js';
import { slipSamples, slipTemplates } from '../../printer-templates/index.js';

const languages: Language[] = ['zh-CN', 'en'];
const papers: Paper[] = ['58mm', '80mm'];

/** Every key path of a locale file, dotted ('paperCode.validUntil'). */
function flatKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => flatKeys(value, prefix ? `${prefix}.${key}` : key));
}
const words = Object.fromEntries(
  languages.map((language) => {
    const file = new URL(`../../renderer/locales/${language}/slips.json`, import.meta.url);
    return [language, new Set(flatKeys(JSON.parse(readFileSync(file, 'utf8'))))];
  }),
) as Record<Language, Set<string>>;

/** The app's translator (real i18next, real locale files), refusing keys the file lacks instead of echoing them. */
function strictT(language: Language): Translate {
  const t = translator(language, 'slips');
  return (key, params) => {
    assert.ok(words[language].has(key), `${language} slips.json lacks ${key}`);
    return t(key, params);
  };
}

const render = <K extends TemplateId>(id: K, data: SlipDataByTemplate[K], language: Language, paper: Paper = '58mm'): Slip =>
  renderSlip(id, data, { t: strictT(language), language, paper });
const sample = <K extends TemplateId>(id: K, change: Partial<SlipDataByTemplate[K]> = {}): SlipDataByTemplate[K] => ({
  ...structuredClone(slipSamples[id]),
  ...change,
});

/** What is printed as words: text blocks and both sides of pairs. */
const printed = (slip: Slip): string =>
  slip.blocks.map((b) => (b.kind === 'text' ? b.text : b.kind === 'pair' ? `${b.left} ${b.right}` : '')).join('\n');
const texts = (slip: Slip) => slip.blocks.filter((b): b is Extract<SlipBlock, { kind: 'text' }> => b.kind === 'text');

/** Print columns in Chinese mode (common brief): ASCII one column, anything else two; times the size. */
const columns = (text: string, size: number) => Array.from(text).reduce((sum, c) => sum + (c.charCodeAt(0) < 0x80 ? 1 : 2), 0) * size;

test('every template renders on both papers in both languages, ending in a cut, with no key or placeholder left', () => {
  for (const id of templateIds) {
    for (const paper of papers) {
      for (const language of languages) {
        const slip = render(id, slipSamples[id], language, paper);
        assert.equal(slip.paper, paper);
        assert.deepEqual(slip.blocks.at(-1), { kind: 'cut' }, `${id} ends with a cut`);
        const words = printed(slip);
        assert.doesNotMatch(words, /\{\{|\}\}/, `${id} ${language}: unfilled placeholder`);
        for (const block of slip.blocks) {
          if (block.kind === 'text') assert.notEqual(block.text.trim(), '', `${id}: empty text block`);
          if (block.kind === 'pair') assert.ok(block.left && block.right, `${id}: empty pair side`);
        }
      }
    }
  }
});

test('the paper code says its status in words and a shape, and its times in the language', () => {
  const zh = printed(render('paper-code', slipSamples['paper-code'], 'zh-CN'));
  for (const word of [
    '有效期至',
    '状态更新于',
    '绿码 ●',
    '码号 8YEJ-WFTD-HTBT-6=',
    '张*',
    '11**************2X',
    '2020年3月9日 09:30',
    '投诉电话 12345',
  ]) {
    assert.ok(zh.includes(word), `zh-CN paper code lacks ${word}`);
  }
  const en = printed(render('paper-code', slipSamples['paper-code'], 'en'));
  for (const word of ['Valid until', 'Status as of', 'GREEN ●', '9 Mar 2020, 09:30', '12345', 'QD-20200302-0007']) {
    assert.ok(en.includes(word), `en paper code lacks ${word}`);
  }
  const zhWords = { PENDING: '审核中', GREEN: '绿码', YELLOW: '黄码', RED: '红码' };
  for (const status of paperStatuses) {
    const big = texts(render('paper-code', sample('paper-code', { status }), 'zh-CN')).filter((b) => b.size === 3);
    assert.deepEqual(
      big.map((b) => b.text),
      [`${zhWords[status]} ${statusShapes[status]}`],
    );
  }
});

test('a PENDING paper code says it is not a pass; an issued one does not', () => {
  assert.ok(printed(render('paper-code', sample('paper-code', { status: 'PENDING' }), 'zh-CN')).includes('审核中，不作通行凭证'));
  assert.ok(printed(render('paper-code', sample('paper-code', { status: 'PENDING' }), 'en')).includes('NOT A PASS'));
  for (const status of ['GREEN', 'YELLOW', 'RED'] as const) {
    assert.ok(!printed(render('paper-code', sample('paper-code', { status }), 'zh-CN')).includes('不作通行凭证'), status);
  }
});

test('the proxy marker appears only when someone applied on the holder’s behalf', () => {
  for (const id of ['paper-code', 'receipt'] as const) {
    const proxied = printed(render(id, sample(id, { proxyMaskedName: '李**' }), 'zh-CN'));
    assert.ok(proxied.includes('【代办】代办人：李**'), id);
    assert.ok(printed(render(id, sample(id, { proxyMaskedName: '李**' }), 'en')).includes('[PROXY] Applied for by 李**'), id);
    const own = printed(render(id, sample(id, { proxyMaskedName: null }), 'zh-CN'));
    assert.ok(!own.includes('代办'), `${id} without a proxy mentions 代办`);
  }
});

test('补打 n appears only on a reprint, on every slip', () => {
  for (const id of templateIds) {
    for (const language of languages) {
      const mark = language === 'zh-CN' ? '补打' : 'Reprint';
      assert.ok(!printed(render(id, sample(id, { reprintNumber: 0 }), language)).includes(mark), `${id} first print says ${mark}`);
      const again = texts(render(id, sample(id, { reprintNumber: 3 }), language)).filter((b) => b.text.includes(mark));
      assert.deepEqual(
        again.map((b) => b.text),
        [`${mark} 3`],
        `${id} ${language}`,
      );
    }
  }
});

test('the QR carries the code text exactly, ECC Q, once, and only on the paper code', () => {
  for (const id of templateIds) {
    for (const paper of papers) {
      const qrs = render(id, slipSamples[id], 'zh-CN', paper).blocks.filter((b) => b.kind === 'qr');
      if (id !== 'paper-code') {
        assert.equal(qrs.length, 0, id);
        continue;
      }
      assert.deepEqual(qrs, [{ kind: 'qr', data: slipSamples['paper-code'].codeText, ecc: 'Q', moduleDots: 6 }]);
    }
  }
  const moduleDots = 4;
  const slip = renderSlip('paper-code', slipSamples['paper-code'], { t: strictT('en'), language: 'en', paper: '80mm', moduleDots });
  assert.deepEqual(
    slip.blocks.filter((b) => b.kind === 'qr').map((b) => (b.kind === 'qr' ? b.moduleDots : 0)),
    [moduleDots],
  );
});

const base45Char = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:');

test('a 155-character Base45 code prints version 8 at 6 dots a module: 35–45 mm with its quiet zone, inside the roll', () => {
  fc.assert(
    fc.property(fc.string({ unit: base45Char, minLength: 155, maxLength: 155 }), (text) => {
      assert.equal(qrModules(text), 49);
      for (const paper of papers) {
        const dots = qrModuleDots(text, paper);
        const width = (49 + 2 * QR_QUIET_MODULES) * dots;
        assert.equal(dots, 6);
        assert.ok(width >= 35 * 8 && width <= 45 * 8, `${width} dots is outside 35–45 mm`);
        assert.ok(width <= paperSpecs[paper].dots);
      }
    }),
    { numRuns: 40 },
  );
});

test('shorter and longer codes get the largest module that keeps the symbol within 45 mm and the roll', () => {
  for (const length of [1, 20, 60, 100, 157, 158, 250, 400]) {
    const text = 'A'.repeat(length);
    const width = qrModules(text) + 2 * QR_QUIET_MODULES;
    for (const paper of papers) {
      const dots = qrModuleDots(text, paper);
      const limit = Math.min(QR_MAX_DOTS, paperSpecs[paper].dots);
      assert.ok(width * dots <= limit, `${length} chars: ${width * dots} dots`);
      assert.ok(dots === 16 || width * (dots + 1) > limit, `${length} chars: a larger module would still fit`);
      if (dots < 16) assert.ok(width * dots >= QR_MIN_DOTS, `${length} chars: ${width * dots} dots is below 35 mm`);
    }
  }
});

test('large text (status words, titles) fits one line on both rolls in both languages', () => {
  for (const id of templateIds) {
    const variants: SlipDataByTemplate[TemplateId][] =
      id === 'paper-code' ? paperStatuses.map((status) => sample('paper-code', { status })) : [slipSamples[id]];
    for (const data of variants) {
      for (const paper of papers) {
        for (const language of languages) {
          for (const block of texts(render(id, data as never, language, paper)).filter((b) => b.size > 1)) {
            const used = columns(block.text, block.size);
            assert.ok(used <= paperSpecs[paper].columns, `${id} ${language} ${paper}: "${block.text}" takes ${used} columns`);
          }
        }
      }
    }
  }
});

test('zh-CN and en have exactly the same slip keys', () => {
  assert.deepEqual([...words['zh-CN']].sort(), [...words.en].sort());
  assert.ok(words['zh-CN'].size > 40);
});

/** The zod schema at a dotted path ('officer.staffNo', 'breachRefs[].item'), unwrapping nullable and refinements. */
function schemaAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const part of path.split('.')) {
    while (current instanceof z.ZodNullable || current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    const list = part.endsWith('[]');
    const name = list ? part.slice(0, -2) : part;
    if (name === 'item' && current instanceof z.ZodArray) {
      current = current.element as z.ZodType;
      continue;
    }
    if (!(current instanceof z.ZodObject)) return undefined;
    current = (current.shape as Record<string, z.ZodType>)[name];
    if (current === undefined) return undefined;
    if (list) current = current instanceof z.ZodArray ? current : undefined;
  }
  return current;
}

test('every key a template names exists in both languages, for every value its words are chosen by', () => {
  for (const id of templateIds) {
    const refs = templateReferences(slipTemplates[id]);
    assert.ok(refs.keys.size > 3, id);
    for (const key of refs.keys) for (const language of languages) assert.ok(words[language].has(key), `${language} lacks ${key} (${id})`);
    for (const { prefix, field } of refs.wordSets) {
      let values = schemaAt(slipDataSchemas[id], field);
      while (values instanceof z.ZodNullable) values = values.unwrap() as z.ZodType;
      assert.ok(values instanceof z.ZodEnum, `${id}.${field} chooses words but is not an enum`);
      for (const value of values.options) {
        for (const language of languages)
          assert.ok(words[language].has(`${prefix}.${String(value)}`), `${language} lacks ${prefix}.${String(value)}`);
      }
    }
  }
});

test('every field a template reads is in its schema', () => {
  for (const id of templateIds) {
    const refs = templateReferences(slipTemplates[id]);
    assert.ok(refs.fields.size > 3, id);
    for (const field of refs.fields) assert.ok(schemaAt(slipDataSchemas[id], field), `${id} reads ${field}, not in its schema`);
  }
  // The check itself can fail.
  assert.equal(schemaAt(slipDataSchemas['paper-code'], 'maskedNmae'), undefined);
  assert.equal(schemaAt(slipDataSchemas['sla-report'], 'officer.name'), undefined);
});

test('the receipt says why, and the review deadline only when there is one', () => {
  const review = printed(render('receipt', slipSamples.receipt, 'zh-CN'));
  assert.ok(review.includes('需由工作人员审核') && review.includes('预计审核完成 2020年3月2日 15:12'));
  const offline = printed(render('receipt', sample('receipt', { why: 'offline', expectedBy: null }), 'zh-CN'));
  assert.ok(offline.includes('恢复连接后自动办理') && !offline.includes('需由工作人员审核') && !offline.includes('预计'));
  assert.ok(offline.includes('本回执不是健康码'));
});

test('the proxy slip names relationship and consent in words', () => {
  const en = printed(
    render('proxy-slip', sample('proxy-slip', { relationship: 'care-home', consent: 'verbal-witnessed', staffNo: null }), 'en'),
  );
  assert.ok(en.includes('Care home') && en.includes('Spoken, witnessed by staff') && !en.includes('Staff no.'));
  const zh = printed(render('proxy-slip', slipSamples['proxy-slip'], 'zh-CN'));
  assert.ok(zh.includes('子女') && zh.includes('出示本人身份证') && zh.includes('经办人工号 1001') && zh.includes('李**'));
});

test('the timeout notice records the officer and community responsible, and the status issued', () => {
  const zh = printed(render('timeout-notice', slipSamples['timeout-notice'], 'zh-CN'));
  for (const word of [
    '超时默认通知书',
    '王*（工号 1001）',
    '八大湖社区',
    '签发结果 绿码 ●',
    '审核截止 2020年3月2日 15:12',
    '2020年3月3日 18:00',
  ]) {
    assert.ok(zh.includes(word), `lacks ${word}`);
  }
});

test('the SLA report: a null figure says so, 0 minutes is a figure, no breaches says none', () => {
  const none = printed(
    render('sla-report', sample('sla-report', { medianMinutes: 0, p90Minutes: null, breachRefs: [], breaches: 0 }), 'zh-CN'),
  );
  assert.ok(none.includes('用时中位数 0 分钟') && none.includes('90% 用时 样本不足') && none.includes('超时申请编号：\n无'));
  const some = printed(render('sla-report', slipSamples['sla-report'], 'en'));
  assert.ok(
    some.includes('On time 12 of 14') && some.includes('- QD-20200302-0003\n- QD-20200302-0005') && some.includes('Date 2 Mar 2020'),
  );
});

test('dates and times are on the Asia/Shanghai clock in the slip’s language', () => {
  assert.equal(formatDateTime('2020-03-09T01:30:00Z', 'zh-CN'), '2020年3月9日 09:30');
  assert.equal(formatDateTime('2020-03-09T01:30:00Z', 'en'), '9 Mar 2020, 09:30');
  // Midnight is 00:00 (not 24:00), and the day turns over in Shanghai, not in UTC.
  assert.equal(formatDateTime('2020-12-31T16:00:00Z', 'zh-CN'), '2021年1月1日 00:00');
  assert.equal(formatDateTime('2020-09-30T20:05:00-04:00', 'en'), '1 Oct 2020, 08:05');
  // A calendar date is that day wherever the clock is.
  assert.equal(formatDate('2020-03-02', 'zh-CN'), '2020年3月2日');
  assert.equal(formatDate('2020-09-02', 'en'), '2 Sep 2020');
});

test('renderTemplate needs no schema: when, each over objects and otherwise work on any data', () => {
  const t: Translate = (key, params) => `${key}${params ? JSON.stringify(params) : ''}`;
  const slip = renderTemplate<{ rows: { n: number }[]; flag: boolean; size: string }>(
    {
      id: 'sla-report',
      blocks: [
        { each: 'rows', blocks: [{ text: 'row', values: { n: 'n' }, size: { '80mm': 2 } }] },
        { when: 'flag', blocks: [{ rule: true }], otherwise: [{ feed: 2 }] },
      ],
    },
    { rows: [{ n: 1 }, { n: 0 }], flag: false, size: 'x' },
    { t, language: 'en', paper: '58mm' },
  );
  assert.deepEqual(slip.blocks, [
    { kind: 'text', text: 'row{"n":"1"}', align: 'left', size: 1, bold: false },
    { kind: 'text', text: 'row{"n":"0"}', align: 'left', size: 1, bold: false },
    { kind: 'feed', lines: 2 },
  ]);
});
