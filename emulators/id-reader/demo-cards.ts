// Synthetic demo cards for the emulator: invented people, numbers built with valid MOD 11-2 check digits, never real ones.
import type { CardTextFields } from '../../electron/core/devices/id-reader/card.js';
import type { CardType } from '../../electron/core/devices/id-reader/layout.js';
import type { DemoCard } from '../../electron/core/devices/id-reader/schema.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check character for a 17-digit body. */
export function checkDigit(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Appends the check character; sequence codes 99x are used throughout so the numbers stand out as synthetic. */
const withCheck = (body17: string): string => body17 + checkDigit(body17);

export interface DemoCardData extends DemoCard {
  cardType: CardType;
  fields: CardTextFields;
}

const resident = (fields: Omit<CardTextFields, 'englishName' | 'nationality'>): CardTextFields => ({
  ...fields,
  englishName: null,
  nationality: null,
});
const hanZu = { code: '01', name: '汉' };

export const demoCards: readonly DemoCardData[] = [
  {
    id: 'resident-elderly',
    label: '居民 · 1941 · 女 · 长期',
    cardType: 'resident',
    fields: resident({
      name: '林秀兰',
      sex: 'F',
      ethnicity: hanZu,
      birthDate: '1941-03-07',
      address: '北京市东城区示例胡同1号',
      idNumber: withCheck('11010119410307998'),
      issuer: '北京市公安局东城分局',
      validFrom: '2015-03-10',
      validTo: 'long-term',
    }),
  },
  {
    id: 'resident-long-term',
    label: '居民 · 1975 · 男 · 壮 · 长期',
    cardType: 'resident',
    fields: resident({
      name: '韦建国',
      sex: 'M',
      ethnicity: { code: '08', name: '壮' },
      birthDate: '1975-11-20',
      address: '广西壮族自治区南宁市青秀区样例路88号',
      idNumber: withCheck('45010319751120997'),
      issuer: '南宁市公安局青秀分局',
      validFrom: '2021-12-01',
      validTo: 'long-term',
    }),
  },
  {
    id: 'resident-young',
    label: '居民 · 2001 · 女 · 回',
    cardType: 'resident',
    fields: resident({
      name: '马晓雨',
      sex: 'F',
      ethnicity: { code: '03', name: '回' },
      birthDate: '2001-06-15',
      address: '宁夏回族自治区银川市兴庆区演示街12号',
      idNumber: withCheck('64010420010615996'),
      issuer: '银川市公安局兴庆区分局',
      validFrom: '2019-06-01',
      validTo: '2029-06-01',
    }),
  },
  {
    id: 'resident-expired',
    label: '居民 · 1985 · 男 · 已过期',
    cardType: 'resident',
    fields: resident({
      name: '张伟明',
      sex: 'M',
      ethnicity: hanZu,
      birthDate: '1985-02-28',
      address: '上海市黄浦区测试路100弄5号',
      idNumber: withCheck('31010119850228995'),
      issuer: '上海市公安局黄浦分局',
      validFrom: '2008-01-01',
      validTo: '2018-01-01',
    }),
  },
  {
    // The husband of resident-elderly: the proxy wizard's demo subject (his wife or a grandchild applies for him).
    id: 'resident-family',
    label: '居民 · 1938 · 男 · 长期',
    cardType: 'resident',
    fields: resident({
      name: '林大海',
      sex: 'M',
      ethnicity: hanZu,
      birthDate: '1938-09-21',
      address: '北京市东城区示例胡同1号',
      idNumber: withCheck('11010119380921999'),
      issuer: '北京市公安局东城分局',
      validFrom: '2012-09-01',
      validTo: 'long-term',
    }),
  },
  {
    // The demo officer's own ID card: registered to staff number 0001, so a tap at staff sign-in asks only the PIN.
    id: 'staff-officer',
    label: '工作人员卡 · 演示审核员 0001',
    cardType: 'resident',
    fields: resident({
      name: '赵立新',
      sex: 'M',
      ethnicity: hanZu,
      birthDate: '1982-04-02',
      address: '山东省青岛市市南区演示路6号',
      idNumber: withCheck('37020219820402998'),
      issuer: '青岛市公安局市南分局',
      validFrom: '2016-04-01',
      validTo: '2036-04-01',
    }),
  },
  {
    id: 'hmt-permit',
    label: '港澳台居住证 · 1995 · 男',
    cardType: 'hmt-permit',
    fields: {
      name: '陈家豪',
      englishName: null,
      sex: 'M',
      ethnicity: null,
      birthDate: '1995-08-12',
      address: null,
      idNumber: withCheck('81000019950812993'),
      issuer: '深圳市公安局',
      validFrom: '2022-05-01',
      validTo: '2027-05-01',
      nationality: null,
      passNumber: 'H99887766',
      issueCount: '01',
    },
  },
  {
    id: 'foreign-permanent',
    label: '外国人永居证 · 1980 · 男',
    cardType: 'foreign-permanent',
    fields: {
      name: '杰米',
      englishName: 'EXAMPLE, JAMIE',
      sex: 'M',
      ethnicity: null,
      birthDate: '1980-05-15',
      address: null,
      // 2023 format: 9 + province (11) + nationality (124, Canada) + birth date + sequence + check.
      idNumber: withCheck('91112419800515997'),
      issuer: '1500',
      validFrom: '2023-12-01',
      validTo: '2033-11-30',
      nationality: 'CAN',
    },
  },
];

/** What the trainer panel may show: id, label, card type — no names, no numbers. */
export function publicDemoCard(card: DemoCardData): DemoCard {
  return { id: card.id, label: card.label, cardType: card.cardType };
}
