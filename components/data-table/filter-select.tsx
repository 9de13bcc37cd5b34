import { NativeSelect } from '@/components/ui/select';
import { cn } from '@/lib/utils';

export type Opt = { value: string; label: string };

/** A labelled filter select whose first option means "no filter". */
export function FilterSelect({ label, name, defaultValue, options, allLabel, className }: { label: string; name: string; defaultValue: string; options: Opt[]; allLabel: string; className?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-muted-foreground">{label}</span>
      <NativeSelect name={name} defaultValue={defaultValue} className={cn('h-10', className)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}
