import 'server-only';
import type { Db } from '@/db/index';
import { complaintListSpec, listComplaints } from '@/db/queries/complaint-list';
import { listRetailers, retailerListSpec } from '@/db/queries/retailers';
import { adminUserListSpec, listAdminUsers } from '@/db/queries/admin-users';
import { auditListSpec, listAudit } from '@/db/queries/admin-audit';
import { adminRetailerListSpec, listAdminRetailers } from '@/db/queries/admin-retailers';
import zhAudit from '@/messages/zh-CN/admin-audit.json';
import { listVisits, visitListSpec } from '@/db/queries/visit-list';
import type { Role } from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';
import { formatDateTime } from '@/lib/format';
import zh from '@/messages/zh-CN.json';
import type { ListParams } from './params';

type Column<R> = { header: string; value: (row: R) => string | number };
type ExportDef<R> = {
  roles: Role[];
  spec: { sorts: readonly string[]; filters: readonly string[]; defaultSort?: { id: string; desc: boolean } };
  fetch: (db: Db, scope: Scope, p: ListParams, page: { limit: number; offset: number }) => Promise<{ rows: R[] }>;
  columns: Column<R>[];
  filename: string;
};

const define = <R,>(d: ExportDef<R>) => d as unknown as ExportDef<Record<string, unknown>>;
const yes = (b: unknown) => (b ? '是' : '否');

// Exports carry the same filters and scope as the list on screen: all filtered rows, not a page.
export const exportsByName: Record<string, ExportDef<Record<string, unknown>>> = {
  retailers: define({
    roles: ['manager', 'supervisor', 'branch_head'],
    spec: retailerListSpec,
    fetch: listRetailers,
    filename: '客户档案',
    columns: [
      { header: '许可证号', value: (r) => r.licenceNo },
      { header: '店名', value: (r) => r.name },
      { header: '店主', value: (r) => r.owner },
      { header: '电话', value: (r) => r.phone },
      { header: '地址', value: (r) => r.address },
      { header: '区域', value: (r) => zh.area[r.area] },
      { header: '业态', value: (r) => zh.formats[r.format] },
      { header: '档位', value: (r) => r.grade },
      { header: '线路', value: (r) => r.routeName },
      { header: '重点客户', value: (r) => yes(r.isKeyCustomer) },
      { header: '企业级', value: (r) => yes(r.isEnterprise) },
    ],
  }),
  visits: define({
    roles: ['manager', 'supervisor', 'branch_head'],
    spec: visitListSpec,
    fetch: listVisits,
    filename: '拜访记录',
    columns: [
      { header: '日期', value: (r) => r.visitDate },
      { header: '开始', value: (r) => formatDateTime(r.startedAt) },
      { header: '结束', value: (r) => formatDateTime(r.endedAt) },
      { header: '时长（分钟）', value: (r) => Math.round(r.durationSec / 60) },
      { header: '客户', value: (r) => r.retailerName },
      { header: '客户经理', value: (r) => r.managerName },
      { header: '短时拜访', value: (r) => yes(r.short) },
      { header: '计划外', value: (r) => yes(r.offPlan) },
    ],
  }),
  complaints: define({
    roles: ['manager', 'supervisor', 'branch_head'],
    spec: complaintListSpec,
    fetch: listComplaints,
    filename: '投诉',
    columns: [
      { header: '编号', value: (r) => r.number },
      { header: '客户', value: (r) => r.retailerName },
      { header: '类别', value: (r) => r.category },
      { header: '来源', value: (r) => zh.complaints.sources[r.source] },
      { header: '状态', value: (r) => zh.complaintStatus[r.status] },
      { header: '受理时间', value: (r) => formatDateTime(r.receivedAt) },
      { header: '处理期限', value: (r) => formatDateTime(r.resolveDueAt) },
      { header: '内容', value: (r) => r.description },
    ],
  }),
  'admin-users': define({
    roles: ['admin'],
    spec: adminUserListSpec,
    fetch: listAdminUsers,
    filename: '用户',
    columns: [
      { header: '用户名', value: (r) => r.username },
      { header: '姓名', value: (r) => r.name },
      { header: '角色', value: (r) => zh.roles[r.role] },
      { header: '营销部', value: (r) => r.branchName ?? '' },
      { header: '市场部', value: (r) => r.teamName ?? '' },
      { header: '电话', value: (r) => r.phone ?? '' },
      { header: '状态', value: (r) => (r.disabled ? '已停用' : '正常') },
      { header: '创建时间', value: (r) => formatDateTime(r.createdAt) },
    ],
  }),
  'admin-retailers': define({
    roles: ['admin'],
    spec: adminRetailerListSpec,
    fetch: listAdminRetailers,
    filename: '零售户',
    columns: [
      { header: '许可证号', value: (r) => r.licenceNo },
      { header: '店名', value: (r) => r.name },
      { header: '店主', value: (r) => r.owner },
      { header: '电话', value: (r) => r.phone },
      { header: '地址', value: (r) => r.address },
      { header: '区域', value: (r) => zh.area[r.area] },
      { header: '业态', value: (r) => zh.formats[r.format] },
      { header: '规模', value: (r) => zh.sizes[r.size] },
      { header: '档位', value: (r) => r.grade },
      { header: '客户经理', value: (r) => r.managerName },
      { header: '市场部', value: (r) => r.teamName },
      { header: '线路', value: (r) => r.routeName },
      { header: '重点客户', value: (r) => yes(r.isKeyCustomer) },
      { header: '企业级', value: (r) => yes(r.isEnterprise) },
      { header: '信息采集点', value: (r) => yes(r.isCollectionPoint) },
      { header: '电子结算', value: (r) => yes(r.isESettlement) },
      { header: '在册', value: (r) => yes(r.active) },
    ],
  }),
  'admin-audit': define({
    roles: ['admin'],
    spec: auditListSpec,
    fetch: listAudit,
    filename: '操作日志',
    columns: [
      { header: '时间', value: (r) => formatDateTime(r.at) },
      { header: '用户', value: (r) => r.username ?? '' },
      { header: '操作', value: (r) => (zhAudit.adminAudit.actions as Record<string, string>)[r.action.replace(/\./g, '_')] ?? r.action },
      { header: '操作代码', value: (r) => r.action },
      { header: '对象', value: (r) => r.entity ?? '' },
      { header: '对象编号', value: (r) => r.entityId ?? '' },
      { header: '结果', value: (r) => (r.success ? '成功' : '失败') },
      { header: '地址', value: (r) => r.ip ?? '' },
      { header: '详情', value: (r) => (r.detail == null ? '' : JSON.stringify(r.detail)) },
    ],
  }),
};

export const EXPORT_MAX_ROWS = 100_000;
export const EXPORT_BATCH = 2_000;
