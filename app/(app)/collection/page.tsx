import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { WeekPicker } from '@/components/planning/week-picker';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/db/index';
import { getCollectionPoints } from '@/db/queries/planning';
import { requireRole } from '@/lib/auth/dal';
import { formatDateTime } from '@/lib/format';
import { collectionWeeks } from '@/lib/planning/collection';

export async function generateMetadata() {
  const t = await getTranslations('collection');
  return { title: t('heading') };
}

export default async function CollectionPage({ searchParams }: { searchParams: Promise<{ week?: string }> }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const weeks = collectionWeeks();
  const asked = (await searchParams).week;
  const week = typeof asked === 'string' && weeks.includes(asked) ? asked : weeks[0];
  const db = await getDb();
  const points = await getCollectionPoints(db, user, week);
  const t = await getTranslations('collection');
  const own = user.role === 'manager';

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{own ? t('heading') : t('teamHeading')}</h1>
        <p className="text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      <WeekPicker weeks={weeks} current={week} action="/collection" />
      {points.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <ul className="divide-y rounded-lg border bg-card" data-testid="collection-points">
          {points.map((p) => (
            <li key={p.retailerId}>
              <Link href={`/collection/${p.retailerId}?week=${week}`} className="flex min-h-14 items-center gap-3 p-3 hover:bg-muted">
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{p.name}</span>
                  <span className="block truncate text-sm text-muted-foreground">
                    {own ? p.address : `${t('manager')}：${p.managerName}`}
                    {p.savedAt && ` · ${formatDateTime(p.savedAt)}`}
                  </span>
                </span>
                {p.sheetId !== null ? <Badge variant="success">✓ {t('filled')}</Badge> : <Badge variant="outline">{t('notFilled')}</Badge>}
                <span className="text-sm text-primary">{own ? t('open') : t('view')}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
