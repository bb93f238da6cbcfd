/**
 * Deterministic fake people for the sample school and the benchmark school: a seeded PRNG, plausible Chinese
 * names and 学籍号 in the "G + 18-character ID number" form with a valid GB 11643 check digit.
 */
import { addDaysIso } from '../../../shared/domain/dates';
import { idCheckChar } from '../../../shared/domain/student-no';

export { Rng } from '../../../shared/domain/rng';
import { Rng } from '../../../shared/domain/rng';

/**
 * Common surnames in frequency order (roughly the national ranking). The weight falls off with the rank so that
 * 王/李/张/刘/陈 dominate as they do in a real class list.
 */
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤',
] as const;
const SURNAME_TABLE: [string, number][] = SURNAMES.map((s, i) => [s, 1 / (i + 8)]);

/** Given-name characters: neutral ones are used for both genders. */
const GIVEN_NEUTRAL = [
  '文', '明', '华', '晓', '嘉', '子', '思', '佳', '一', '可', '安', '心', '梓', '晨', '春', '清', '新', '书', '越', '宁',
  '乐', '家', '星', '若', '彦', '秋', '远', '言', '知', '云',
] as const;
const GIVEN_MALE = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '鹏', '浩', '俊', '峰', '刚', '辉', '健', '博', '轩', '豪', '航',
  '宏', '志', '锐', '凯', '诚', '毅', '翔', '振', '铭', '哲', '鑫', '彬', '成', '东', '帆', '林', '然', '瑞', '旭', '宇',
  '泽', '昊', '睿', '阳', '海', '天', '立', '永', '楠', '逸',
] as const;
const GIVEN_FEMALE = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '婷', '雪', '琳', '颖', '倩', '玲', '萍', '红', '梅', '燕', '蕾', '薇',
  '涵', '萱', '怡', '妍', '琪', '瑶', '悦', '璐', '彤', '菲', '馨', '露', '洁', '慧', '月', '兰', '莹', '婧', '茜', '蓉',
  '欣', '雨', '诗', '雅', '语', '佩', '晴', '舒', '念', '思',
] as const;

/**
 * A plausible full name. `twoCharShare` is how often the given name has two characters (children born in the
 * 2010s mostly have two; older teachers more often one).
 */
export function personName(rng: Rng, gender: '男' | '女', twoCharShare = 0.8): string {
  const own = gender === '男' ? GIVEN_MALE : GIVEN_FEMALE;
  const char = () => (rng.chance(0.7) ? rng.pick(own) : rng.pick(GIVEN_NEUTRAL));
  const surname = rng.weighted(SURNAME_TABLE);
  if (!rng.chance(twoCharShare)) return surname + rng.pick(own);
  let a = char();
  let b = char();
  if (a === b) b = rng.pick(own) === a ? rng.pick(GIVEN_NEUTRAL) : rng.pick(own);
  if (a === surname) a = rng.pick(own);
  return surname + a + b;
}

/** Names unique within one generated school (a retry keeps lists readable; real schools do have duplicates). */
export function uniqueNameMaker(rng: Rng, twoCharShare = 0.8): (gender: '男' | '女') => string {
  const used = new Set<string>();
  return (gender) => {
    let name = personName(rng, gender, twoCharShare);
    for (let i = 0; i < 5 && used.has(name); i++) name = personName(rng, gender, twoCharShare);
    used.add(name);
    return name;
  };
}

/**
 * A 学籍号 for a student: 'G' + county code + YYYYMMDD + 3-digit sequence + check character.
 * By the ID-number rule the last digit of the sequence is odd for boys and even for girls.
 * `used` keeps the numbers unique within the school.
 */
export function makeStudentNo(rng: Rng, countyCode: string, birthDate: string, gender: '男' | '女', used: Set<string>): string {
  const ymd = birthDate.replace(/-/g, '');
  for (;;) {
    const seq = rng.int(0, 49) * 2 + (gender === '男' ? 1 : 0) + rng.int(0, 9) * 100;
    const body = countyCode + ymd + String(seq).padStart(3, '0');
    const no = 'G' + body + idCheckChar(body);
    if (!used.has(no)) {
      used.add(no);
      return no;
    }
  }
}

/** ISO date (YYYY-MM-DD) of a day offset from a start date, in UTC so time zones never shift it. */
export function addDays(isoDate: string, days: number): string {
  return addDaysIso(isoDate, days);
}
