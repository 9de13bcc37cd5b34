import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** A plain GET form: the month lives in the URL, so a link shows the same month. */
export function MonthPicker({ month, label, submit }: { month: string; label: string; submit: string }) {
  return (
    <form method="get" className="flex items-end gap-2">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted-foreground">{label}</span>
        <Input type="month" name="month" defaultValue={month.slice(0, 7)} className="h-10 w-44" />
      </label>
      <Button type="submit" variant="outline" className="h-10">
        {submit}
      </Button>
    </form>
  );
}
