// Invented residents for masking tests (fast-check, seeded): rare and ·-names, long foreign names, every document type
// with a valid check character, phones, addresses — and the strings that must never appear where a person can see.
import fc from 'fast-check';
import { icaoCheckDigit, mod112CheckChar } from '../../electron/core/identity/check-digit.js';
import { parseDocumentNumber } from '../../electron/core/identity/document-number.js';
import type { DocumentType } from '../../electron/core/identity/schema.js';

/** The longest name an application holds (electron/core/applications/schema.ts ApplicantSchema.name). */
export const NAME_MAX = 60;
/** "Today" for birth dates inside the generated numbers. */
export const generatedToday = new Date('2024-05-01T09:30:00+08:00');

export type NameKind = 'han' | 'rare' | 'dot' | 'latin';

export interface GeneratedPerson {
  name: string;
  nameKind: NameKind;
  documentType: DocumentType;
  /** What the person typed or the card holds (a legacy number is 15 digits here). */
  typedNumber: string;
  /** parseDocumentNumber's canonical form: what core holds and masks. */
  idNumber: string;
  phone: string;
  address: string;
}

export interface GeneratedResident extends GeneratedPerson {
  /** Who applied on their behalf (family proxy): another invented person. */
  proxy: GeneratedPerson;
}

// Invented: common surnames and given-name characters, no one in particular.
const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶程魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾韦邹孟熊秦邱尹薛闫段雷侯龙陶黎贺顾毛郝龚邵钱严覃戴莫孔汤',
];
const compoundSurnames = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '端木'];
const givenChars = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞刚桂英玉兰萍鹏飞宇轩浩梓涵欣怡晨曦睿泽嘉琪雯婷瑶璐琳妍'];
/** Extension B (surrogate pairs in UTF-16, four bytes in GB18030), Extension A and rare BMP characters. */
const rareChars = ['𠀀', '𪚥', '𠮷', '𡈽', '𨚕', '𥻗', '𤭢', '𠊎', '龘', '䶮', '堃', '喆', '犇', '淼', '昇', '燚', '赟', '𬱖', '𫖮', '𬌗'];
/** Transliterated parts of Uyghur, Kazakh and foreign names, joined with the middle dot U+00B7. */
const dotParts = [
  '阿卜杜',
  '热合曼',
  '买买提',
  '艾力',
  '古丽娜',
  '吐尔逊',
  '努尔',
  '阿依古丽',
  '约翰',
  '史密斯',
  '玛丽亚',
  '伊万诺夫',
  '穆罕默德',
  '帕提古丽',
  '叶尔兰',
];
const latinSyllables = [
  'AL',
  'BER',
  'CHRIS',
  'DO',
  'EL',
  'FON',
  'GAR',
  'HAN',
  'IS',
  'JO',
  'KAT',
  'LOU',
  'MAR',
  'NIK',
  'OS',
  'PET',
  'QUIN',
  'ROS',
  'SEB',
  'TAN',
  'VAL',
  'WIL',
  'XAV',
  'YUS',
  'ZEL',
];
const streets = ['香港中路', '延安三路', '宁夏路', '辽阳西路', '山东路', '台东一路', '长江路', '黄河东路'];
const districts = ['市南区', '市北区', '崂山区', '李沧区', '城阳区', '黄岛区'];
const nationalities2023 = ['840', '826', '250', '392', '410', '643', '276', '036', '124', '704'];
const nationalities2017 = ['USA', 'GBR', 'FRA', 'JPN', 'KOR', 'RUS', 'DEU', 'AUS', 'CAN', 'KAZ'];
const residentProvinces = ['11', '13', '21', '31', '32', '33', '35', '37', '41', '44', '51', '61', '65'];
const permitRegions = ['810000', '820000', '830000'];

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** A calendar date 1925–2023 (day ≤ 28, so always real) as YYYYMMDD. */
const birth = fc
  .record({ y: fc.integer({ min: 1925, max: 2023 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}${pad(m, 2)}${pad(d, 2)}`);
const withCheck = (body: string) => body + mod112CheckChar(body);

const hanName = fc
  .tuple(fc.oneof(pick(surnames), pick(compoundSurnames)), fc.array(pick(givenChars), { minLength: 1, maxLength: 3 }))
  .map(([surname, given]) => (surname + given.join('')).slice(0, Array.from(surname).length === 2 ? 4 : undefined))
  .filter((name) => Array.from(name).length <= 4);
/** 2–4 code points with at least one rare character, in the surname's place or the given name's. */
const rareName = fc
  .tuple(
    pick(rareChars),
    pick(surnames),
    fc.array(fc.oneof(pick(givenChars), pick(rareChars)), { minLength: 1, maxLength: 2 }),
    fc.boolean(),
  )
  .map(([rare, surname, given, rareFirst]) => (rareFirst ? [rare, ...given] : [surname, rare, ...given.slice(1)]).join(''));
/** At most 15 characters: the card's name field (electron/core/devices/id-reader/layout.ts). */
const dotName = fc.array(pick(dotParts), { minLength: 2, maxLength: 3 }).map((parts) => parts.join('·').slice(0, 15).replace(/·$/, ''));
/** Family name first, as on Chinese permits; some exactly NAME_MAX long. */
const latinWord = fc.array(pick(latinSyllables), { minLength: 1, maxLength: 6 }).map((s) => s.join(''));
const latinName = fc.tuple(fc.array(latinWord, { minLength: 2, maxLength: 8 }), fc.boolean()).map(([words, fill]) => {
  let name = words.join(' ').slice(0, NAME_MAX).trim();
  if (fill) name = (name + ' ' + 'MAXIMILIANO'.repeat(6)).slice(0, NAME_MAX);
  return name;
});

const residentNumber = fc.tuple(pick(residentProvinces), digits(4), birth, digits(3)).map(([p, r, b, s]) => withCheck(p + r + b + s));
const legacyNumber = fc
  .tuple(
    pick(residentProvinces),
    digits(4),
    birth.filter((b) => b < '20000000'),
    digits(3),
  )
  .map(([p, r, b, s]) => p + r + b.slice(2) + s);
const permitNumber = fc.tuple(pick(permitRegions), birth, digits(3)).map(([region, b, s]) => withCheck(region + b + s));
const foreign2023 = fc
  .tuple(pick(residentProvinces), pick(nationalities2023), birth, digits(3))
  .map(([p, n, b, s]) => withCheck(`9${p}${n}${b}${s}`));
const foreign2017 = fc.tuple(pick(nationalities2017), pick(residentProvinces), digits(2), birth, digits(1)).map(([n, p, c, b, s]) => {
  const body = n + p + c + b.slice(2) + s;
  return body + icaoCheckDigit(body);
});

const person: fc.Arbitrary<GeneratedPerson> = fc
  .record({
    kind: fc.constantFrom('resident', 'resident', 'resident-legacy', 'hmt-permit', 'foreign-2023', 'foreign-2017'),
    chinese: fc.oneof(hanName, hanName, rareName, dotName),
    foreign: fc.oneof(latinName, latinName, dotName),
    numbers: fc.record({ resident: residentNumber, legacy: legacyNumber, permit: permitNumber, f2023: foreign2023, f2017: foreign2017 }),
    phone: fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`),
    address: fc
      .tuple(pick(districts), pick(streets), fc.integer({ min: 1, max: 399 }), fc.integer({ min: 101, max: 2808 }))
      .map(([district, street, no, room]) => `山东省青岛市${district}${street}${no}号${room}室`),
  })
  .map(({ kind, chinese, foreign, numbers, phone, address }) => {
    const foreigner = kind.startsWith('foreign');
    const typedNumber = {
      resident: numbers.resident,
      'resident-legacy': numbers.legacy,
      'hmt-permit': numbers.permit,
      'foreign-2023': numbers.f2023,
      'foreign-2017': numbers.f2017,
    }[kind]!;
    const parsed = parseDocumentNumber(typedNumber, generatedToday);
    // A generator bug, not a test result: every number must pass the kiosk's own rules.
    if (!parsed.valid) throw new Error(`generated ${kind} number is invalid (${parsed.reason})`);
    const name = foreigner ? foreign : chinese;
    return {
      name,
      nameKind: nameKindOf(name),
      documentType: parsed.type,
      typedNumber,
      idNumber: parsed.canonical,
      phone,
      address,
    };
  });

function nameKindOf(name: string): NameKind {
  if (name.includes('·')) return 'dot';
  if (/[A-Z]/.test(name)) return 'latin';
  return Array.from(name).some((c) => rareChars.includes(c)) ? 'rare' : 'han';
}

/** `count` residents from `seed`, each with a proxy; the same seed gives the same people. */
export function generatedResidents(count: number, seed = 20240501): GeneratedResident[] {
  const people = fc.sample(fc.record({ self: person, proxy: person }), { seed, numRuns: count });
  return people.map(({ self, proxy }) => ({ ...self, proxy }));
}

/**
 * What must never be seen of a person: the full document number (and a legacy number as typed), its 17-character
 * body, the phone number, the address, and the whole name when it has two characters or more (one character cannot
 * be told apart from ordinary words, and a one-character name is masked whole anyway).
 */
export function forbiddenOf(person: GeneratedPerson): string[] {
  const found = [person.idNumber, person.typedNumber, person.phone, person.address];
  if (person.idNumber.length === 18) found.push(person.idNumber.slice(0, 17));
  if (Array.from(person.name).length >= 2) found.push(person.name);
  return [...new Set(found)];
}

/** The forbidden strings of a resident and their proxy. */
export const forbiddenFor = (resident: GeneratedResident): string[] => [...forbiddenOf(resident), ...forbiddenOf(resident.proxy)];

/**
 * The forbidden strings found in a text: as written, and with spaces, hyphens and line breaks removed from the text (a
 * number grouped "138 1234 5678", or wrapped over two printed lines, is still the number).
 */
export function leaksIn(text: string, forbidden: readonly string[]): string[] {
  const squeezed = text.normalize('NFKC').replace(/[\s\-‐‑–—]+/g, '');
  return forbidden.filter((value) => {
    const plain = value.replace(/\s+/g, '');
    return text.includes(value) || (plain.length >= 2 && squeezed.includes(plain));
  });
}
