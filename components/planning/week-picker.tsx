import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { addDays } from '@/lib/time';

/** A plain GET form: works before the page's JavaScript arrives. */
export function WeekPicker({ weeks, current, action }: { weeks: string[]; current: string; action: string }) {
  const t = useTranslations('collection');
  const tc = useTranslations('table');
  return (
    <form action={action} className="flex items-end gap-2">
      <div className="flex-1 space-y-1">
        <Label htmlFor="week">{t('weeks')}</Label>
        <NativeSelect id="week" name="week" defaultValue={current}>
          {weeks.map((w) => (
            <option key={w} value={w}>
              {t('weekLabel', { from: w, to: addDays(w, 6) })}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline">
        {tc('query')}
      </Button>
    </form>
  );
}
