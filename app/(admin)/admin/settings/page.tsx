import { getTranslations } from 'next-intl/server';
import { CategoryRowForm, NewCategoryForm, SettingsGroupForm, type SettingField } from '@/components/admin/settings-forms';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getAllComplaintCategories, getSettingOverrides } from '@/db/queries/admin-settings';
import { keysOf, settingDefs, settingGroups } from '@/lib/admin/settings';
import { requireRole } from '@/lib/auth/dal';
import { getSettings } from '@/lib/settings';
import { settingDefaults } from '@/lib/settings-defaults';

export async function generateMetadata() {
  const t = await getTranslations('adminSettings');
  return { title: t('heading') };
}

export default async function AdminSettingsPage() {
  await requireRole('admin');
  const db = await getDb();
  const [current, overrides, categories] = await Promise.all([
    getSettings(db),
    getSettingOverrides(db),
    getAllComplaintCategories(db),
  ]);
  const overridden = new Set(overrides.map((o) => o.key));
  const t = await getTranslations('adminSettings');
  return (
    <div className="space-y-4">
      <Toaster />
      <div>
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      {settingGroups.map((group) => {
        const fields: SettingField[] = keysOf(group).map((key) => {
          const d = settingDefs[key];
          return {
            key,
            kind: d.kind,
            value: current[key],
            defaultValue: settingDefaults[key],
            min: 'min' in d ? d.min : undefined,
            max: 'max' in d ? d.max : undefined,
            judgement: d.judgement,
            overridden: overridden.has(key),
          };
        });
        return (
          <Card key={group}>
            <CardHeader>
              <CardTitle>{t(`groups.${group}`)}</CardTitle>
            </CardHeader>
            <CardContent>
              <SettingsGroupForm group={group} fields={fields} />
            </CardContent>
          </Card>
        );
      })}
      <Card>
        <CardHeader>
          <CardTitle>{t('categories.heading')}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-muted-foreground">{t('categories.help')}</p>
          <Table data-testid="category-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t('categories.code')}</TableHead>
                <TableHead>{t('categories.nameZh')}</TableHead>
                <TableHead>{t('categories.nameEn')}</TableHead>
                <TableHead>{t('categories.sort')}</TableHead>
                <TableHead>{t('categories.active')}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {categories.map((c) => (
                <CategoryRowForm key={c.code} row={c} />
              ))}
            </TableBody>
          </Table>
          <NewCategoryForm />
        </CardContent>
      </Card>
    </div>
  );
}
