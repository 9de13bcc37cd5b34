// Reference data for the demo seed: realistic, not real people. Prices per 条 in 元 (stored as fen).
// The price class is stored as given (it follows the allocation price, not the wholesale price).

export type SpecDef = {
  code: string;
  brand: string;
  name: string;
  cls: 1 | 2 | 3 | 4 | 5;
  wholesale: number; // 元 per 条
  retail: number; // 元 per 条
  sticks?: number; // per pack, default 20
  pop: number; // relative popularity
  core?: boolean; // part of the 24-spec test catalogue
  key?: { gradeMin: number; gradeMax?: number; area?: 'city' | 'rural' }; // key-brand candidate and its eligibility
};

export const SPEC_DEFS: SpecDef[] = [
  { code: '31010001', brand: '中华', name: '中华(硬)', cls: 1, wholesale: 381.6, retail: 450, pop: 5, core: true, key: { gradeMin: 15 } },
  { code: '31010002', brand: '中华', name: '中华(软)', cls: 1, wholesale: 556.5, retail: 650, pop: 2, core: true },
  { code: '31010003', brand: '中华', name: '中华(双中支)', cls: 1, wholesale: 381.6, retail: 450, pop: 2.5, key: { gradeMin: 15, area: 'city' } },
  { code: '31010004', brand: '中华', name: '中华(金中支)', cls: 1, wholesale: 424, retail: 500, pop: 1 },
  { code: '53010001', brand: '玉溪', name: '玉溪(软)', cls: 1, wholesale: 201.4, retail: 230, pop: 5, core: true, key: { gradeMin: 12 } },
  { code: '53010002', brand: '玉溪', name: '玉溪(硬)', cls: 1, wholesale: 201.4, retail: 230, pop: 3 },
  { code: '53010003', brand: '玉溪', name: '玉溪(细支初心)', cls: 1, wholesale: 254.4, retail: 300, pop: 1.2 },
  { code: '43010001', brand: '芙蓉王', name: '芙蓉王(硬)', cls: 1, wholesale: 218.36, retail: 250, pop: 5, core: true, key: { gradeMin: 12 } },
  { code: '43010002', brand: '芙蓉王', name: '芙蓉王(硬细支)', cls: 1, wholesale: 254.4, retail: 300, pop: 1.5 },
  { code: '43010003', brand: '白沙', name: '白沙(和天下)', cls: 1, wholesale: 848, retail: 1000, pop: 0.6 },
  { code: '33010001', brand: '利群', name: '利群(硬新版)', cls: 1, wholesale: 143.1, retail: 160, pop: 6, core: true, key: { gradeMin: 8 } },
  { code: '33010002', brand: '利群', name: '利群(软红长嘴)', cls: 1, wholesale: 206.7, retail: 240, pop: 1.8 },
  { code: '33010003', brand: '利群', name: '利群(阳光)', cls: 1, wholesale: 169.6, retail: 200, pop: 1.5 },
  { code: '42010001', brand: '黄鹤楼', name: '黄鹤楼(软蓝)', cls: 1, wholesale: 164.3, retail: 190, pop: 4, core: true, key: { gradeMin: 10 } },
  { code: '42010002', brand: '黄鹤楼', name: '黄鹤楼(硬雅香金)', cls: 1, wholesale: 254.4, retail: 300, pop: 1 },
  { code: '53020001', brand: '云烟', name: '云烟(软珍品)', cls: 1, wholesale: 190.8, retail: 220, pop: 2.5 },
  { code: '32010001', brand: '南京', name: '南京(炫赫门)', cls: 1, wholesale: 159, retail: 180, pop: 3.5, core: true },
  { code: '32010002', brand: '南京', name: '南京(十二钗烤烟)', cls: 1, wholesale: 159, retail: 180, pop: 2 },
  { code: '32020001', brand: '苏烟', name: '苏烟(软金砂)', cls: 1, wholesale: 339.2, retail: 400, pop: 1.2 },
  { code: '52010001', brand: '贵烟', name: '贵烟(跨越)', cls: 1, wholesale: 254.4, retail: 300, pop: 1.3 },
  { code: '13010001', brand: '钻石', name: '钻石(荷花)', cls: 1, wholesale: 305.3, retail: 350, pop: 1.5, key: { gradeMin: 18, area: 'city' } },
  { code: '63010001', brand: '冬虫夏草', name: '冬虫夏草(和润)', cls: 1, wholesale: 848, retail: 1000, sticks: 16, pop: 0.4 },
  { code: '53020002', brand: '云烟', name: '云烟(硬紫)', cls: 2, wholesale: 114.5, retail: 130, pop: 6, core: true, key: { gradeMin: 5 } },
  { code: '53020003', brand: '云烟', name: '云烟(细支云龙)', cls: 2, wholesale: 127.2, retail: 150, pop: 1.8, core: true },
  { code: '43010004', brand: '白沙', name: '白沙(硬精品)', cls: 2, wholesale: 88, retail: 100, pop: 6, core: true, key: { gradeMin: 1 } },
  { code: '43010005', brand: '白沙', name: '白沙(硬新精品二代)', cls: 2, wholesale: 106, retail: 120, pop: 3 },
  { code: '32010003', brand: '南京', name: '南京(红)', cls: 2, wholesale: 106, retail: 120, pop: 4, core: true, key: { gradeMin: 5 } },
  { code: '34010001', brand: '黄山', name: '黄山(红方印)', cls: 2, wholesale: 106, retail: 120, pop: 2.5 },
  { code: '34010002', brand: '黄山', name: '黄山(硬新一品)', cls: 2, wholesale: 84.8, retail: 100, pop: 3, core: true },
  { code: '37010001', brand: '泰山', name: '泰山(红将军)', cls: 2, wholesale: 84.8, retail: 100, pop: 2.5 },
  { code: '35010001', brand: '七匹狼', name: '七匹狼(纯香)', cls: 2, wholesale: 127.2, retail: 150, pop: 2 },
  { code: '52010002', brand: '贵烟', name: '贵烟(硬高遵)', cls: 2, wholesale: 106, retail: 120, pop: 2 },
  { code: '62010001', brand: '兰州', name: '兰州(硬珍品)', cls: 2, wholesale: 127.2, retail: 150, pop: 1.5 },
  { code: '53030001', brand: '红塔山', name: '红塔山(硬100)', cls: 2, wholesale: 88, retail: 100, pop: 3, core: true },
  { code: '45010001', brand: '真龙', name: '真龙(起源)', cls: 2, wholesale: 84.8, retail: 100, pop: 1.5 },
  { code: '51010001', brand: '娇子', name: '娇子(宽窄平安)', cls: 2, wholesale: 84.8, retail: 100, pop: 1.8 },
  { code: '61010001', brand: '好猫', name: '好猫(长乐)', cls: 2, wholesale: 84.8, retail: 100, pop: 1.3 },
  { code: '22010001', brand: '长白山', name: '长白山(777)', cls: 2, wholesale: 106, retail: 120, pop: 1.3 },
  { code: '53030002', brand: '红塔山', name: '红塔山(硬经典)', cls: 3, wholesale: 75, retail: 85, pop: 6, core: true, key: { gradeMin: 1 } },
  { code: '53030003', brand: '红塔山', name: '红塔山(软经典)', cls: 3, wholesale: 63.6, retail: 75, pop: 3 },
  { code: '44010001', brand: '双喜', name: '双喜(硬经典)', cls: 3, wholesale: 63.6, retail: 75, pop: 3, core: true },
  { code: '44010002', brand: '双喜', name: '双喜(软珍品好日子)', cls: 3, wholesale: 76.3, retail: 90, pop: 2 },
  { code: '35010002', brand: '七匹狼', name: '七匹狼(白)', cls: 3, wholesale: 76.3, retail: 90, pop: 2, core: true },
  { code: '53040001', brand: '红河', name: '红河(软甲)', cls: 3, wholesale: 63.6, retail: 70, pop: 2.5, core: true },
  { code: '31010005', brand: '牡丹', name: '牡丹(软)', cls: 3, wholesale: 63.6, retail: 75, pop: 2.5 },
  { code: '53050001', brand: '阿诗玛', name: '阿诗玛(硬)', cls: 3, wholesale: 63.6, retail: 75, pop: 1.5 },
  { code: '41010001', brand: '红旗渠', name: '红旗渠(银河之光)', cls: 3, wholesale: 63.6, retail: 75, pop: 2 },
  { code: '11010001', brand: '中南海', name: '中南海(典8)', cls: 3, wholesale: 63.6, retail: 75, pop: 1.5 },
  { code: '37010002', brand: '泰山', name: '泰山(硬红八喜)', cls: 3, wholesale: 76.3, retail: 90, pop: 1.8, core: true, key: { gradeMin: 1, area: 'rural' } },
  { code: '42020001', brand: '红金龙', name: '红金龙(硬新版)', cls: 4, wholesale: 44.5, retail: 50, pop: 5, core: true, key: { gradeMin: 1, gradeMax: 24 } },
  { code: '42020002', brand: '红金龙', name: '红金龙(硬神州)', cls: 4, wholesale: 38.2, retail: 45, pop: 2 },
  { code: '31010006', brand: '大前门', name: '大前门(短支)', cls: 4, wholesale: 38.2, retail: 45, pop: 2.5, core: true },
  { code: '53060001', brand: '红梅', name: '红梅(软黄)', cls: 4, wholesale: 33.9, retail: 40, pop: 3, core: true, key: { gradeMin: 1, gradeMax: 20, area: 'rural' } },
  { code: '52010003', brand: '黄果树', name: '黄果树(长征)', cls: 4, wholesale: 44.5, retail: 50, pop: 2 },
  { code: '37020001', brand: '哈德门', name: '哈德门(硬精品)', cls: 4, wholesale: 33.9, retail: 40, pop: 2, core: true },
  { code: '13010002', brand: '钻石', name: '钻石(硬蓝)', cls: 4, wholesale: 42.4, retail: 50, pop: 1.5 },
  { code: '44010003', brand: '五叶神', name: '五叶神(硬金)', cls: 4, wholesale: 42.4, retail: 50, sticks: 16, pop: 1 },
  { code: '36010001', brand: '金圣', name: '金圣(硬红)', cls: 4, wholesale: 38.2, retail: 45, pop: 1.2 },
  { code: '41010002', brand: '红旗渠', name: '红旗渠(芒果)', cls: 5, wholesale: 21.2, retail: 25, pop: 1.5, core: true },
  { code: '42020003', brand: '红三环', name: '红三环(软)', cls: 5, wholesale: 17, retail: 20, pop: 1.2, core: true },
];

// ---------------------------------------------------------------- organisation

export const BRANCH_NAMES = ['城东营销部', '城西营销部', '城南营销部', '城北营销部', '高新营销部', '江北营销部', '开发区营销部', '临江营销部', '东湖营销部', '西山营销部', '南湖营销部', '北塘营销部', '新城营销部', '港区营销部', '滨海营销部', '河西营销部', '城中营销部', '郊县营销部', '望城营销部', '长丰营销部'];
export const TEAM_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function teamName(n: number): string {
  // 第一市场部 … 第四十市场部
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  let s = '';
  if (tens === 0) s = TEAM_ORDINALS[ones - 1];
  else if (tens === 1) s = ones === 0 ? '十' : `十${TEAM_ORDINALS[ones - 1]}`;
  else s = `${TEAM_ORDINALS[tens - 1]}十${ones === 0 ? '' : TEAM_ORDINALS[ones - 1]}`;
  return `第${s}市场部`;
}

export const DISTRICTS = ['东城区', '西城区', '南湖区', '北塘区', '高新区', '江北区', '经开区', '临江区', '东湖区', '西山区', '天心区', '雨花区', '芙蓉区', '开福区', '岳麓区', '望城区', '新港区', '滨海区', '河西区', '城中区'];
export const COUNTIES = ['长丰县', '宁乡县', '浏阳市', '双峰县', '湘潭县', '桃源县', '安化县', '新化县'];
export const ROADS = ['解放路', '人民路', '建设路', '中山路', '胜利路', '和平路', '光明路', '新华路', '朝阳路', '文化路', '五一大道', '劳动路', '迎宾路', '长青路', '金桥路', '东风路', '幸福路', '青年路', '友谊路', '滨江路', '学府路', '车站路', '育才路', '工农路', '兴业路', '团结路', '红旗路', '民主路', '公园路', '湘江路'];
export const TOWNS = ['白马镇', '青山镇', '石桥镇', '新塘镇', '黄花镇', '金井镇', '双江镇', '龙田镇', '枫林镇', '清水镇', '杨柳镇', '大屯镇'];
export const VILLAGES = ['何家村', '李家湾村', '王家坪村', '大塘村', '新屋村', '石门村', '枫树村', '茶园村', '桥头村', '杨林村', '长冲村', '花园村', '龙潭村', '柏树村'];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '魏', '苏', '吕', '丁', '任', '沈', '姚', '卢', '钟', '姜', '崔', '谭', '廖', '范', '汪', '陆', '金', '石', '戴', '贾', '韦', '夏', '邱', '方', '侯', '邹', '熊', '孟', '秦', '白', '江', '阎', '薛', '尹', '段', '雷', '黎', '史', '龙', '陶', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戚', '莫', '孔', '向', '汤'];
export const GIVEN_CHARS = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '文', '辉', '建', '玲', '红', '峰', '波', '斌', '宇', '浩', '凯', '健', '俊', '帆', '帅', '旭', '宁', '丹', '萍', '鹏', '飞', '林', '燕', '雪', '梅', '琳', '志', '国', '海', '春', '晓', '荣', '新', '利', '德', '福', '兰', '凤', '亮', '成', '东', '金', '云', '光', '永', '清', '婷', '慧', '兵', '松', '琴', '佳', '莉', '雯', '欣', '龙'];

export const SHOP_WORDS = ['好又多', '万家', '惠民', '邻里', '福满', '兴旺', '顺心', '如意', '鑫源', '百姓', '佳佳', '便民', '家家乐', '金穗', '旺旺', '和顺', '阳光', '利民', '聚福', '永丰', '美佳', '长兴', '华联', '友谊', '新世纪', '天天', '恒昌', '红星', '顺发', '嘉和', '万福', '鸿运', '富民', '诚信', '乐购', '明珠', '金马', '好邻居', '一品', '德润'];
export const FORMAT_SUFFIX: Record<string, string[]> = {
  grocery: ['食杂店', '副食店', '小卖部', '商店', '食品店'],
  convenience: ['便利店', '便民店', '24小时便利店', '便利超市'],
  supermarket: ['超市', '购物中心', '生活超市', '平价超市'],
  mall: ['商场', '百货商场', '购物广场'],
  tobacco_liquor: ['烟酒商行', '烟酒店', '名烟名酒', '烟酒茶行'],
  entertainment: ['棋牌室', '茶楼', '宾馆', 'KTV', '网吧', '台球室'],
  other: ['报刊亭', '加油站便利店', '药店', '五金店', '水果店'],
};
export const CHAINS = ['红旗连锁', '步步高', '芙蓉兴盛', '美宜佳', '快乐惠', '新一佳'];

export const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '180', '181', '182', '183', '185', '186', '187', '188', '189'];

// ---------------------------------------------------------------- calendar (demo values)

/** [from, to, name] holidays and [day, name] make-up workdays (调休). Demo values. */
export const HOLIDAYS: [string, string, string][] = [
  ['2025-01-01', '2025-01-01', '元旦'],
  ['2025-01-28', '2025-02-04', '春节'],
  ['2025-04-04', '2025-04-06', '清明节'],
  ['2025-05-01', '2025-05-05', '劳动节'],
  ['2025-05-31', '2025-06-02', '端午节'],
  ['2025-10-01', '2025-10-08', '国庆节、中秋节'],
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
  ['2027-01-01', '2027-01-03', '元旦'],
  ['2027-02-06', '2027-02-12', '春节'],
  ['2027-04-03', '2027-04-05', '清明节'],
  ['2027-05-01', '2027-05-05', '劳动节'],
  ['2027-06-09', '2027-06-11', '端午节'],
  ['2027-09-15', '2027-09-17', '中秋节'],
  ['2027-10-01', '2027-10-07', '国庆节'],
];
export const MAKEUP_WORKDAYS: [string, string][] = [
  ['2025-01-26', '春节调休'],
  ['2025-02-08', '春节调休'],
  ['2025-04-27', '劳动节调休'],
  ['2025-09-28', '国庆节调休'],
  ['2025-10-11', '国庆节调休'],
  ['2026-01-04', '元旦调休'],
  ['2026-02-14', '春节调休'],
  ['2026-02-28', '春节调休'],
  ['2026-05-09', '劳动节调休'],
  ['2026-09-20', '国庆节调休'],
  ['2026-10-10', '国庆节调休'],
  ['2027-02-14', '春节调休'],
  ['2027-02-20', '春节调休'],
  ['2027-04-25', '劳动节调休'],
  ['2027-09-26', '国庆节调休'],
  ['2027-10-09', '国庆节调休'],
];

// ---------------------------------------------------------------- texts

export const ASK_NOTES = ['近期销量平稳', '节前备货需求增加', '周边新开一家便利店，客流略降', '高档烟走货慢', '细支烟询问的人多了', '学校放假，客流减少', '附近工地开工，中低档烟走得快', '老顾客反映价格稳定'];
export const LOOK_NOTES = ['柜台陈列整齐', '部分价签缺失，已补齐', '价签与实物不符一处，已更正', '库存偏高，建议控制进货', '库存偏低，提醒及时订货', '柜台有灰尘，已协助清理'];
export const INTRO_TOPICS = ['本月重点品牌', '货源投放政策', '新品上市', '电子结算操作', '诚信经营', '陈列标准', '订货时间调整', '价格监测'];
export const INTRO_NOTES = ['介绍了本月重点品牌及投放量', '讲解新品卖点', '提醒订货时间窗口', '介绍细支烟陈列技巧'];
export const COLLECT_NOTES = ['未发现违规经营', '周边有婚宴团购需求', '消费者对新品反响较好', '有顾客询问外省品牌', '送货员服务态度好', '反映订货电话有时打不通'];
export const ANSWER_QUESTIONS = ['询问下周货源', '询问电子结算扣款时间', '询问新品何时到货', '询问档位调整规则', '询问许可证延续手续'];
export const ANSWER_NOTES = ['已现场解答', '需请示后答复', '已记录，下次拜访答复'];
export const RECORD_EFFECTS = ['重点品牌已上柜', '价签全部规范', '陈列调整到位', '建议量已录入模拟订单'];
export const RECORD_SUGGESTIONS = ['希望增加利群投放', '建议延长订货时间', '希望送货时间固定', '建议增加细支烟品种'];
export const ILLEGAL_NOTES = ['柜台发现疑似假冒中华(硬)2条，已登记并报专卖稽查', '发现无税标外省卷烟3条，已登记上报', '发现疑似走私烟1条，已劝导并上报', '发现非本渠道进货卷烟5条，已告知专卖所'];

export const INFO_NOTES: Record<'monopoly' | 'market' | 'retailer_change' | 'service_feedback', string[]> = {
  monopoly: ['附近流动摊贩售卖无标卷烟', '周边有无证经营户', '发现疑似网络售烟线索', '有零售户跨区进货迹象'],
  market: ['消费者对细支烟接受度提高', '婚宴团购需求增加，中高档烟走俏', '周边工地开工，低价烟需求上升', '节前礼品烟咨询增多', '新品上市首周反响一般', '外省品牌询问增多'],
  retailer_change: ['店主计划下月装修', '店铺拟转让', '经营者变更为店主配偶', '拟申请变更经营地址', '营业时间调整为早七晚十'],
  service_feedback: ['送货员服务态度好', '订货员沟通及时', '反映送货时间不固定', '希望稽查人员提前告知检查事项', '电子结算扣款提醒及时'],
};

export const COMPLAINT_TEXTS: Record<string, string[]> = {
  supply: ['反映利群(硬新版)货源投放量偏少', '认为本档位中华(硬)限量过低', '反映相邻零售户货源比自己多'],
  ordering: ['电话订货多次占线', '网上订货系统提交失败', '订货时间窗口太短'],
  delivery: ['送货迟到两小时', '送货少了一条，未及时补送', '送货员未按约定时间送达'],
  manager_conduct: ['客户经理拜访时间不固定', '客户经理答复问题不及时', '客户经理未按时回访'],
  settlement: ['电子结算重复扣款', '扣款失败未及时通知', '结算账户变更未生效'],
  monopoly: ['对检查结果有异议', '反映周边有人无证售烟', '认为处罚过重'],
  quality: ['一条烟有破损', '卷烟受潮发霉', '烟支空头'],
  tie_in: ['反映订货时被要求搭配滞销规格', '认为紧俏烟搭配销售'],
  other: ['希望增加宣传物料', '咨询许可证办理流程', '反映系统短信提醒过多'],
};
export const OPINION_TEXTS = ['建议增加细支烟投放', '希望客户经理拜访时带上新品宣传册', '建议订货系统增加语音提醒', '希望提前公布下月货源政策', '对送货员服务表示满意', '建议组织零售户经营培训', '希望价签及时更新', '建议延长周末订货时间'];
export const OPINION_REPLIES = ['已向营销部反映，下月起落实', '感谢建议，已转相关部门研究', '已解释相关政策，客户表示理解', '已安排专人跟进，近期答复'];
export const COMPLAINT_NOTES = {
  assigned: ['请于规定时限内核查处理', '转客户经理核实情况'],
  investigating: ['已电话联系客户了解情况', '已到店核实', '已调取订货记录核对'],
  resolved: ['已补送货品并致歉', '已解释政策并调整', '已协调物流部门整改', '已退还多扣款项'],
  replied: ['已电话反馈处理结果', '已上门反馈处理结果'],
  follow_up_ok: ['回访客户表示满意'],
  follow_up_bad: ['回访客户表示不满意，要求重新处理'],
  reopened: ['客户不满意，重新核查'],
  closed: ['办结'],
  escalated: ['超过处理时限，自动升级'],
};

export const BRIEF_POLICIES = ['本周继续执行“按档投放、公平公开”的货源投放政策', '落实诚信互助小组活动，引导零售户规范经营', '电子结算推广：未开通户本月内完成开通引导', '本月开展价签规范专项检查', '细支烟培育：每户至少上柜两个细支规格', '节前备货：提醒零售户合理订货、防止断货'];
export const BRIEF_FOCUS = ['重点走访高波动客户和企业级客户，完成个体预测', '重点品牌上柜率需达到95%以上', '拜访标准：城网每日不少于30户、农网不少于25户，每户不少于8分钟', '关注库存偏高零售户，指导控制进货节奏', '收集婚宴团购信息，及时上报', '检查陈列与价签，拍照留存'];
export const BRIEF_ISSUES = ['上周有两户电子结算失败，请客户经理当天电话跟进', '部分零售户反映送货时间不固定，已与物流中心沟通', '注意防范假烟流入，发现线索及时上报', '月度计划请于月末最后一个工作日前提交', '日报请于当日18:00前提交'];
export const REPORT_ISSUES = ['零售户普遍反映高档烟走货慢', '部分户价签不全，已现场整改', '个别零售户询问货源政策', '细支烟需求上升', '无明显共性问题', '节前备货意愿强', '部分店铺反映送货时间不固定'];
export const REPORT_GAINS = ['重点品牌上柜率提升', '完成全部计划拜访，新品推介效果较好', '解决两户订货问题', '收集团购信息一条', '引导一户开通电子结算', '规范三户价签'];
export const REVIEW_RETURN_COMMENTS = ['未拜访原因填写不完整，请补充', '主要收获过于简单，请具体说明', '库存情况说明不清楚，请补充', '请补充重点客户库存分析'];
export const REVIEW_APPROVE_COMMENTS = ['已阅', '同意', '继续保持', '注意控制短时拜访', '分析到位'];
export const SUMMARY_WEEKLY = ['本周按计划完成拜访，重点品牌上柜情况良好，个别零售户库存偏高，下周重点跟进。', '本周细支烟动销加快，高档烟消化偏慢，建议下周加强推介。', '本周处理投诉一件，已回访满意；下周继续关注电子结算失败户。'];
export const SUMMARY_MONTHLY = ['本月目标完成情况良好，重点品牌上柜率稳定，高波动客户库存波动较大，下月加强个体预测。', '本月拜访完成率达标，存销比总体合理，一类烟供不应求，二三类烟动销平稳。', '本月零售户经营总体稳定，节日期间需求上升，下月注意合理备货。'];
export const MISSED_OTHER_NOTES = ['店主外出进货', '道路施工无法到达', '临时参加公司会议', '店铺装修暂停营业'];
export const FOLLOW_UP_NOTES = ['已电话联系，客户表示今日补充余额', '电话未接通，明日再联系', '已协助重新提交订单', '客户已改为现金结算'];
