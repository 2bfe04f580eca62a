// Region data for document numbers: GB/T 2260 province-level codes and the fixed codes of the HMT residence permits.

export interface Province {
  /** The first two digits of a GB/T 2260 region code. */
  code: string;
  zh: string;
  en: string;
  /**
   * Whether resident ID numbers are issued under this prefix. GB/T 2260 lists Taiwan (71), Hong Kong (81) and
   * Macao (82), but no resident ID carries them: their residents get the residence permits below instead.
   */
  residentIds: boolean;
}

export const provinces: readonly Province[] = [
  { code: '11', zh: '北京市', en: 'Beijing', residentIds: true },
  { code: '12', zh: '天津市', en: 'Tianjin', residentIds: true },
  { code: '13', zh: '河北省', en: 'Hebei', residentIds: true },
  { code: '14', zh: '山西省', en: 'Shanxi', residentIds: true },
  { code: '15', zh: '内蒙古自治区', en: 'Inner Mongolia', residentIds: true },
  { code: '21', zh: '辽宁省', en: 'Liaoning', residentIds: true },
  { code: '22', zh: '吉林省', en: 'Jilin', residentIds: true },
  { code: '23', zh: '黑龙江省', en: 'Heilongjiang', residentIds: true },
  { code: '31', zh: '上海市', en: 'Shanghai', residentIds: true },
  { code: '32', zh: '江苏省', en: 'Jiangsu', residentIds: true },
  { code: '33', zh: '浙江省', en: 'Zhejiang', residentIds: true },
  { code: '34', zh: '安徽省', en: 'Anhui', residentIds: true },
  { code: '35', zh: '福建省', en: 'Fujian', residentIds: true },
  { code: '36', zh: '江西省', en: 'Jiangxi', residentIds: true },
  { code: '37', zh: '山东省', en: 'Shandong', residentIds: true },
  { code: '41', zh: '河南省', en: 'Henan', residentIds: true },
  { code: '42', zh: '湖北省', en: 'Hubei', residentIds: true },
  { code: '43', zh: '湖南省', en: 'Hunan', residentIds: true },
  { code: '44', zh: '广东省', en: 'Guangdong', residentIds: true },
  { code: '45', zh: '广西壮族自治区', en: 'Guangxi', residentIds: true },
  { code: '46', zh: '海南省', en: 'Hainan', residentIds: true },
  { code: '50', zh: '重庆市', en: 'Chongqing', residentIds: true },
  { code: '51', zh: '四川省', en: 'Sichuan', residentIds: true },
  { code: '52', zh: '贵州省', en: 'Guizhou', residentIds: true },
  { code: '53', zh: '云南省', en: 'Yunnan', residentIds: true },
  { code: '54', zh: '西藏自治区', en: 'Xizang (Tibet)', residentIds: true },
  { code: '61', zh: '陕西省', en: 'Shaanxi', residentIds: true },
  { code: '62', zh: '甘肃省', en: 'Gansu', residentIds: true },
  { code: '63', zh: '青海省', en: 'Qinghai', residentIds: true },
  { code: '64', zh: '宁夏回族自治区', en: 'Ningxia', residentIds: true },
  { code: '65', zh: '新疆维吾尔自治区', en: 'Xinjiang', residentIds: true },
  { code: '71', zh: '台湾省', en: 'Taiwan', residentIds: false },
  { code: '81', zh: '香港特别行政区', en: 'Hong Kong', residentIds: false },
  { code: '82', zh: '澳门特别行政区', en: 'Macao', residentIds: false },
];

/** The whole region code of a Hong Kong / Macao / Taiwan residence permit (830000 is not in GB/T 2260 itself). */
export const permitRegions: readonly { code: string; zh: string; en: string }[] = [
  { code: '810000', zh: '香港', en: 'Hong Kong' },
  { code: '820000', zh: '澳门', en: 'Macao' },
  { code: '830000', zh: '台湾', en: 'Taiwan' },
];

/**
 * A province under which mainland documents are issued: resident IDs, and the accepting province of foreign
 * permanent resident cards (issued by mainland immigration offices only).
 */
export function mainlandProvince(prefix: string): Province | undefined {
  return provinces.find((p) => p.residentIds && p.code === prefix);
}

/** The province or permit region a 6-digit region code belongs to, for display. */
export function regionName(code: string): { zh: string; en: string } | undefined {
  return permitRegions.find((r) => r.code === code) ?? provinces.find((p) => p.code === code.slice(0, 2));
}
