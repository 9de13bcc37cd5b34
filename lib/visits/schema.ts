import { z } from 'zod';
import { settingDefaults } from '@/lib/settings-defaults';

// One schema for the visit form (client hints) and for the server (the authority). Bounds that are
// settings are checked again on the server with the configured value.
export const infoKinds = ['monopoly', 'market', 'retailer_change', 'service_feedback'] as const;
export const missedReasons = ['closed', 'owner_absent', 'relocated', 'other'] as const;

const note = z.string().trim().max(500, { error: '内容不能超过 500 字' }).optional();
const isoTime = (label: string) => z.iso.datetime({ offset: true, error: `${label}时间格式不正确` });

export const stockLineSchema = z.object({
  specId: z.int({ error: '请选择卷烟规格' }).positive({ error: '请选择卷烟规格' }),
  stock: z
    .int({ error: '库存请填写整数条数' })
    .min(0, { error: '库存不能为负数' })
    .max(settingDefaults.maxStockPerLine * 10, { error: '库存数量不合理，请核对' }),
  onCounter: z.boolean(),
  priceTagOk: z.boolean(),
});

export const orderLineSchema = z.object({
  specId: z.int().positive({ error: '请选择卷烟规格' }),
  qty: z.int({ error: '订货量请填写整数条数' }).min(0, { error: '订货量不能为负数' }).max(settingDefaults.maxOrderPerLine * 10, { error: '订货量不合理，请核对' }),
});

export const complaintInputSchema = z.object({
  category: z.string().min(1, { error: '请选择投诉类别' }),
  description: z.string().trim().min(2, { error: '请填写投诉内容' }).max(1000, { error: '内容不能超过 1000 字' }),
  contact: z.string().trim().max(50).optional(),
});

export const sectionsSchema = z.object({
  ask: z.object({ done: z.boolean(), note }),
  look: z.object({
    done: z.boolean(),
    stockReasonable: z.boolean().optional(),
    displayTidy: z.boolean().optional(),
    tagsComplete: z.boolean().optional(),
    tagsMatch: z.boolean().optional(),
    note,
  }),
  introduce: z.object({ done: z.boolean(), topics: z.array(z.string().max(40)).max(10).optional(), note }),
  tidy: z.object({ done: z.boolean(), counter: z.boolean().optional(), display: z.boolean().optional(), priceTags: z.boolean().optional(), note }),
  collect: z.object({ done: z.boolean(), note }),
  answer: z.object({ done: z.boolean(), questions: note, note }),
  record: z.object({ done: z.boolean(), handbook: z.boolean().optional(), effects: note, suggestions: note }),
});

export const visitSubmissionSchema = z
  .object({
    clientId: z.uuid({ error: '提交编号无效' }),
    retailerId: z.int().positive({ error: '请选择客户' }),
    startedAt: isoTime('开始'),
    endedAt: isoTime('结束'),
    // the device's clock when it sent the visit: the server derives the clock offset from it
    deviceSentAt: isoTime('发送'),
    sections: sectionsSchema,
    illegalFound: z.boolean(),
    illegalNote: note,
    stockLines: z.array(stockLineSchema).max(200),
    orderLines: z.array(orderLineSchema).max(100).default([]),
    infoItems: z
      .array(z.object({ kind: z.enum(infoKinds, { error: '请选择信息类别' }), note: z.string().trim().min(1, { error: '请填写信息内容' }).max(500) }))
      .max(20)
      .default([]),
    complaints: z.array(complaintInputSchema).max(5).default([]),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endedAt) < Date.parse(v.startedAt)) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: '结束时间不能早于开始时间' });
    }
    if (v.illegalFound && !v.illegalNote) {
      ctx.addIssue({ code: 'custom', path: ['illegalNote'], message: '发现非法卷烟时请填写情况说明' });
    }
    const seen = new Set<number>();
    v.stockLines.forEach((line, i) => {
      if (seen.has(line.specId)) ctx.addIssue({ code: 'custom', path: ['stockLines', i, 'specId'], message: '同一规格只能填写一次' });
      seen.add(line.specId);
    });
    const seenOrder = new Set<number>();
    v.orderLines.forEach((line, i) => {
      if (seenOrder.has(line.specId)) ctx.addIssue({ code: 'custom', path: ['orderLines', i, 'specId'], message: '同一规格只能填写一次' });
      seenOrder.add(line.specId);
    });
  });

export type VisitSubmission = z.infer<typeof visitSubmissionSchema>;
export type VisitSubmissionInput = z.input<typeof visitSubmissionSchema>;

export const missedSchema = z
  .object({
    retailerId: z.int().positive(),
    day: z.iso.date({ error: '日期格式不正确' }),
    reason: z.enum(missedReasons, { error: '请选择未拜访原因' }),
    note: z.string().trim().max(200, { error: '说明不能超过 200 字' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '选择“其他”时请填写说明' });
  });

export const reorderSchema = z.object({
  day: z.iso.date(),
  retailerIds: z.array(z.int().positive()).min(1).max(200),
});
