import { getDb } from '@/db/index';
import { getPrefill } from '@/db/queries/prefill';
import { getCurrentUser } from '@/lib/auth/dal';
import { can } from '@/lib/auth/permissions';
import { today } from '@/lib/clock';

export const dynamic = 'force-dynamic';

// GET /api/v1/prefill            the day's scheduled shops, kept on the device for offline visits
// GET /api/v1/prefill?retailer=N one shop in scope (an off-plan visit)
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: '登录已失效，请重新登录' }, { status: 401 });
  if (!can(user.role, 'visit:write')) return Response.json({ message: '记录不存在' }, { status: 404 });
  const url = new URL(request.url);
  const retailer = url.searchParams.get('retailer');
  const retailerId = retailer ? Number(retailer) : undefined;
  if (retailer && (!Number.isSafeInteger(retailerId) || retailerId! <= 0)) return Response.json({ message: '记录不存在' }, { status: 404 });
  const prefill = await getPrefill(await getDb(), user, today(), retailerId);
  if (!prefill) return Response.json({ message: '客户不存在或不在您的负责范围内' }, { status: 404 });
  return Response.json(prefill, { headers: { 'cache-control': 'private, no-store' } });
}
