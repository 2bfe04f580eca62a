// Masking: names, document numbers and phone numbers show only their allowed parts, and short input shows nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MAX_MASKED_NAME, maskIdNumber, maskName, maskPhone } from '../../electron/core/privacy/mask.js';

test('a Chinese name keeps its surname, one * per other character', () => {
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('王小明'), '王**');
  assert.equal(maskName(' 李四 '), '李*');
});

test('compound surnames are kept whole when a given name follows', () => {
  for (const [name, masked] of [
    ['欧阳娜娜', '欧阳**'],
    ['司马光', '司马*'],
    ['诸葛亮', '诸葛*'],
    ['上官婉儿', '上官**'],
    ['令狐冲', '令狐*'],
    ['夏侯惇', '夏侯*'],
  ]) {
    assert.equal(maskName(name!), masked);
  }
  // Two characters: surname 司 and given name 马, not a bare compound surname.
  assert.equal(maskName('司马'), '司*');
});

test('a Latin name keeps the first letter of the family name, spaces kept', () => {
  assert.equal(maskName('SMITH JOHN'), 'S**** ****');
  assert.equal(maskName('NGUYEN VAN AN'), 'N***** *** **');
});

test('empty and one-character names leak nothing; characters outside the BMP count as one', () => {
  assert.equal(maskName(''), '');
  assert.equal(maskName('   '), '');
  assert.equal(maskName('张'), '*');
  assert.equal(maskName('J'), '*');
  assert.equal(maskName('𠮷野家'), '𠮷**');
});

test('a long foreign name is masked to at most 20 characters, so it still prints (the slip takes 40)', () => {
  const sixty = 'WOLFESCHLEGELSTEINHAUSEN BERGERDORFF HUBERT BLAINE MAXIMILIAN'.slice(0, 60);
  assert.equal(maskName(sixty), 'W***********************'.slice(0, MAX_MASKED_NAME));
  // A cut that lands on a space leaves no trailing space (it would shift a right-aligned slip value).
  assert.equal(maskName('ABCDEFGHIJKLMNOPQRS TUVWXYZ'), 'A******************');
  assert.equal(maskName('ABCDEFGHIJKLMNOPQRST'), 'A*******************');
  // Up to the cap nothing changes.
  assert.equal(maskName('NGUYEN VAN AN'), 'N***** *** **');
});

test('rare characters outside the BMP and ·-names: the surname whole, never half a surrogate pair', () => {
  assert.equal(maskName('𪚥𠀀'), '𪚥*');
  assert.equal(maskName('张𠀀龘'), '张**');
  assert.equal(maskName('阿卜杜·热合曼'), '阿******');
  const long = '𠀀'.repeat(30);
  assert.equal(maskName(long), '𠀀' + '*'.repeat(MAX_MASKED_NAME - 1));
  assert.doesNotMatch(maskName(long), /\p{Cs}/u);
});

test('property: a masked name never has more than 20 code points, so never more than the slip’s 40 UTF-16 units', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (name) => {
      const masked = maskName(name);
      assert.ok(Array.from(masked).length <= MAX_MASKED_NAME && masked.length <= 40, masked);
    }),
  );
});

test('an ID number shows its first 2 and last 2, same length', () => {
  assert.equal(maskIdNumber('11010519491231002X'), '11**************2X');
  assert.equal(maskIdNumber('KAZ110090123105'), 'KA***********05');
  assert.equal(maskIdNumber('E1234567'), 'E1****67');
});

test('a short ID number is fully masked', () => {
  assert.equal(maskIdNumber(''), '');
  assert.equal(maskIdNumber('123'), '***');
  assert.equal(maskIdNumber('1234567'), '*******');
});

test('a mobile number shows 3 + 4; shorter numbers less; very short nothing', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('+8613812345678'), '+86*******5678');
  assert.equal(maskPhone('12345678'), '****5678');
  assert.equal(maskPhone('123'), '***');
  assert.equal(maskPhone(''), '');
});

test('property: masks keep the length and always hide at least half of an ID or phone number', () => {
  const value = fc.string({ unit: fc.constantFrom(...'0123456789X'), maxLength: 24 });
  fc.assert(
    fc.property(value, (v) => {
      for (const masked of [maskIdNumber(v), maskPhone(v)]) {
        assert.equal(masked.length, v.length);
        const stars = [...masked].filter((c) => c === '*').length;
        assert.ok(stars * 2 >= v.length, `${v} → ${masked}`);
      }
    }),
  );
});
