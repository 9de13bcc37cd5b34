// Every value DOMAIN.md calls a setting, with its default. Values marked "judgement" have no
// industry source; the UI says so next to them.
export const settingDefaults = {
  timeZone: 'Asia/Shanghai',
  visitStandardCity: 30, // visits a day, 城网
  visitStandardRural: 25, // visits a day, 农网
  shortVisitMinutes: 8,
  visitEndBy: '15:00',
  firstVisitBy: '09:30',
  reportBackBy: '16:00',
  maxStockPerLine: 2000, // 条; larger is refused as absurd
  maxOrderPerLine: 500, // 条
  visitMaxAgeDays: 7,
  futureStartToleranceMinutes: 5,
  // visit frequency by grade (judgement): visits per month
  visitFrequency: [
    { gradeMin: 25, gradeMax: 30, perMonth: 4 }, // weekly
    { gradeMin: 10, gradeMax: 24, perMonth: 2 }, // fortnightly
    { gradeMin: 1, gradeMax: 9, perMonth: 1 }, // monthly
  ],
  keyCustomerMinGrade: 25, // judgement; or enterprise-level
  highFluctuationCv: 0.5, // judgement: CV of weekly purchases over 8 weeks
  highFluctuationWeeks: 8,
  stockToSalesLow: 1, // weeks of stock, judgement
  stockToSalesHigh: 2,
  stockToSalesOver: 3.5,
  stockStructureGapPoints: 20, // judgement
  agreementTolerance: 0.1,
  agreementToleranceSmall: 0.15,
  complaintAckWorkingDays: 1, // judgement
  complaintResolveWorkingDays: 5, // judgement
  complaintEscalateBranchWorkingDays: 2, // judgement: past the resolve deadline, to the branch head
  opinionReplyWorkingDays: 5, // judgement
  dailyReportDue: '18:00',
  weeklySummaryDueWeekday: 1, // Monday
  monthlySummaryDueDay: 1,
  signInMaxPerUser: 5,
  signInMaxPerAddress: 20,
  signInWindowMinutes: 15,
  sessionIdleHours: 8, // no request for this long ends a session
  sessionAbsoluteDays: 7, // a session older than this ends however busy
} as const;

export type SettingKey = keyof typeof settingDefaults;
export type Settings = { -readonly [K in SettingKey]: (typeof settingDefaults)[K] extends readonly (infer U)[] ? U[] : (typeof settingDefaults)[K] extends number ? number : (typeof settingDefaults)[K] extends string ? string : (typeof settingDefaults)[K] };

export const defaultComplaintCategories = [
  { code: 'supply', nameZh: '货源分配', nameEn: 'Supply allocation' },
  { code: 'ordering', nameZh: '订货', nameEn: 'Ordering service' },
  { code: 'delivery', nameZh: '送货', nameEn: 'Delivery' },
  { code: 'manager_conduct', nameZh: '客户经理', nameEn: 'Customer manager conduct' },
  { code: 'settlement', nameZh: '货款结算', nameEn: 'Settlement' },
  { code: 'monopoly', nameZh: '专卖', nameEn: 'Monopoly enforcement' },
  { code: 'quality', nameZh: '产品质量', nameEn: 'Product quality' },
  { code: 'tie_in', nameZh: '搭售', nameEn: 'Tie-in sales' },
  { code: 'other', nameZh: '其他', nameEn: 'Other' },
] as const;
