/**
 * The built-in indicator frameworks of equity inspections, as the published documents list them. A county's
 * 细则 rewords, reorders and adds to these; an inspection copies a framework into editable rows (issue 12).
 *
 * - 县域义务教育优质均衡发展督导评估办法 (教督〔2017〕6号): four parts. 资源配置 (7 indicators, judged per school
 *   with the primary / middle standard and the county's coefficient of variation), 政府保障程度 (15), 教育质量 (9),
 *   社会认可度 (1, >= 85%). The school's academic office documents mostly 资源配置 1-3, 政府保障 9 and 12 (training
 *   and certificates), and 教育质量 6-8 (courses, homework burden).
 * - 县域义务教育均衡发展督导评估暂行办法 (教督〔2012〕3号; the 基本均衡县 assessment): the older scheme still quoted in
 *   provincial 细则.
 *
 * `computed` names a figure the app can compute against `standard` (the inspection dossier shows it beside the
 * evidence); the teacher figures come from teacherIndicators (shared/domain/teachers/indicators.ts).
 */
export type ComputedKey = 'degree' | 'backbone' | 'peArts' | 'certified' | 'training' | 'curriculum' | 'homework';

export interface FrameworkIndicator {
  /** Number within its part, as printed (1, 2, ...). */
  no: number;
  text: string;
  /** The standard as written, e.g. "小学 ≥ 4.2，初中 ≥ 5.3". */
  standard?: string;
  computed?: ComputedKey;
}
export interface FrameworkPart { no: string; name: string; indicators: FrameworkIndicator[] }
export interface Framework { key: string; name: string; document: string; parts: FrameworkPart[] }

export const QUALITY_BALANCE_2017: Framework = {
  key: 'quality-2017',
  name: '县域义务教育优质均衡发展督导评估',
  document: '教督〔2017〕6号',
  parts: [
    {
      no: '一', name: '资源配置',
      indicators: [
        { no: 1, text: '每百名学生拥有高于规定学历教师数', standard: '小学 ≥ 4.2 人，初中 ≥ 5.3 人', computed: 'degree' },
        { no: 2, text: '每百名学生拥有县级以上骨干教师数', standard: '小学、初中均 ≥ 1 人', computed: 'backbone' },
        { no: 3, text: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', standard: '小学、初中均 ≥ 0.9 人', computed: 'peArts' },
        { no: 4, text: '生均教学及辅助用房面积', standard: '小学 ≥ 4.5 平方米，初中 ≥ 5.8 平方米' },
        { no: 5, text: '生均体育运动场馆面积', standard: '小学 ≥ 7.5 平方米，初中 ≥ 10.2 平方米' },
        { no: 6, text: '生均教学仪器设备值', standard: '小学 ≥ 2000 元，初中 ≥ 2500 元' },
        { no: 7, text: '每百名学生拥有网络多媒体教室数', standard: '小学 ≥ 2.3 间，初中 ≥ 2.4 间' },
      ],
    },
    {
      no: '二', name: '政府保障程度',
      indicators: [
        { no: 1, text: '县域内义务教育学校规划布局合理，符合国家规定要求' },
        { no: 2, text: '县域内城乡义务教育学校建设标准统一、教师编制标准统一、生均公用经费基准定额统一、基本装备配置标准统一' },
        { no: 3, text: '所有小学、初中每12个班级配备音乐、美术专用教室1间以上；其中，每间音乐专用教室面积不小于96平方米，每间美术专用教室面积不小于90平方米' },
        { no: 4, text: '所有小学、初中规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人' },
        { no: 5, text: '小学、初中所有班级学生数分别不超过45人、50人' },
        { no: 6, text: '不足100名学生村小学和教学点按100名学生核定公用经费' },
        { no: 7, text: '特殊教育学校生均公用经费不低于6000元' },
        { no: 8, text: '全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量' },
        { no: 9, text: '教师5年360学时培训完成率达到100%', standard: '100%', computed: 'training' },
        { no: 10, text: '县级教育行政部门在核定的教职工编制总额和岗位总量内，统筹分配各校教职工编制和岗位数量' },
        { no: 11, text: '全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%' },
        { no: 12, text: '专任教师持有教师资格证上岗率达到100%', standard: '100%', computed: 'certified' },
        { no: 13, text: '城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别达到100%、95%' },
        { no: 14, text: '全县优质高中招生名额分配比例不低于50%，并向农村初中倾斜' },
        { no: 15, text: '留守儿童关爱体系健全，全县符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%' },
      ],
    },
    {
      no: '三', name: '教育质量',
      indicators: [
        { no: 1, text: '全县初中三年巩固率达到95%以上' },
        { no: 2, text: '全县残疾儿童少年入学率达到95%以上' },
        { no: 3, text: '所有学校制定章程，实现学校管理与教学信息化' },
        { no: 4, text: '全县所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费' },
        { no: 5, text: '教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平' },
        { no: 6, text: '所有学校德育工作、校园文化建设水平达到良好以上' },
        { no: 7, text: '课程开齐开足，教学秩序规范，综合实践活动有效开展', computed: 'curriculum' },
        { no: 8, text: '无过重课业负担', computed: 'homework' },
        { no: 9, text: '在国家义务教育质量监测中，相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15' },
      ],
    },
    {
      no: '四', name: '社会认可度',
      indicators: [
        { no: 1, text: '社会认可度调查的内容包括：县级人民政府及有关职能部门落实教育公平政策、推动优质教育资源共享，以及义务教育学校规范办学行为、实施素质教育、考试招生制度改革、提高教育质量等方面取得的成效', standard: '≥ 85%' },
      ],
    },
  ],
};

export const BASIC_BALANCE_2012: Framework = {
  key: 'basic-2012',
  name: '县域义务教育发展基本均衡县督导评估',
  document: '教督〔2012〕3号',
  parts: [
    {
      no: '一', name: '义务教育学校办学基本标准',
      indicators: [
        { no: 1, text: '县域内义务教育学校达到省定办学基本标准' },
      ],
    },
    {
      no: '二', name: '县域内义务教育校际均衡状况（差异系数：小学 ≤ 0.65，初中 ≤ 0.55）',
      indicators: [
        { no: 1, text: '生均教学及辅助用房面积' },
        { no: 2, text: '生均体育运动场馆面积' },
        { no: 3, text: '生均教学仪器设备值' },
        { no: 4, text: '每百名学生拥有计算机台数' },
        { no: 5, text: '生均图书册数' },
        { no: 6, text: '师生比' },
        { no: 7, text: '生均高于规定学历教师数' },
        { no: 8, text: '生均中级及以上专业技术职务教师数' },
      ],
    },
    {
      no: '三', name: '县级人民政府推进义务教育均衡发展工作',
      indicators: [
        { no: 1, text: '入学机会（保障适龄儿童少年平等接受义务教育）' },
        { no: 2, text: '保障机制（经费投入、教师队伍建设）' },
        { no: 3, text: '教师队伍（教师培训、交流、持证上岗）', computed: 'certified' },
        { no: 4, text: '质量与管理（课程开齐开足、减轻学生课业负担）', computed: 'curriculum' },
      ],
    },
    {
      no: '四', name: '公众满意度',
      indicators: [{ no: 1, text: '公众满意度调查', standard: '≥ 85%' }],
    },
  ],
};

export const FRAMEWORKS: readonly Framework[] = [QUALITY_BALANCE_2017, BASIC_BALANCE_2012];

/** 一-7, the way a dossier numbers an indicator. */
export const indicatorCode = (part: FrameworkPart, ind: FrameworkIndicator) => `${part.no}-${ind.no}`;
