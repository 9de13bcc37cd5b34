import { Suspense } from 'react';
import { DashNav } from '@/components/dashboard/dash-nav';
import { AreaMessages } from '@/components/i18n/area-messages';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { getDb } from '@/db/index';
import { getScopeOrg, getSpecOptions } from '@/db/queries/dashboard';
import { getTranslations } from 'next-intl/server';
import { retailFormatEnum } from '@/db/schema';
import { requireRole } from '@/lib/auth/dal';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole('supervisor', 'branch_head');
  const db = await getDb();
  const [org, specs] = await Promise.all([getScopeOrg(db, user), getSpecOptions(db)]);
  const brands = [...new Set(specs.map((s) => s.brand))];
  const tf = await getTranslations('formats');
  return (
    <AreaMessages area="dashboard">
      <div className="space-y-3">
        <Suspense>
          <DashNav />
          <FilterBar
            teams={org.teams.map((t) => ({ value: String(t.id), label: t.name }))}
            managers={org.managers.map((m) => ({ value: String(m.id), label: m.name, teamId: String(m.teamId) }))}
            brands={brands.map((b) => ({ value: b, label: b }))}
            specs={specs.map((s) => ({ value: String(s.id), label: s.name }))}
            formats={retailFormatEnum.enumValues.map((f) => ({ value: f, label: tf(f) }))}
          />
        </Suspense>
        {children}
      </div>
    </AreaMessages>
  );
}
