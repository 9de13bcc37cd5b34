import { Card, CardContent } from '@/components/ui/card';
import { cn } from '@/lib/utils';

/**
 * A figure, its unit and its change against the previous period (环比) with ▲/▼ and the number,
 * never colour alone. `better` says which direction is good, for the colour only.
 */
export function KpiCard({
  label,
  value,
  unit,
  change,
  changeLabel,
  note,
  better = 'up',
  testId,
}: {
  label: string;
  value: string;
  unit?: string;
  change: number | null;
  changeLabel: string;
  note?: React.ReactNode;
  better?: 'up' | 'down';
  testId?: string;
}) {
  const up = change !== null && change > 0;
  const down = change !== null && change < 0;
  const good = (up && better === 'up') || (down && better === 'down');
  return (
    <Card data-testid={testId}>
      <CardContent className="space-y-1 pt-4">
        <p className="text-sm text-muted-foreground">{label}</p>
        <p className="text-2xl font-semibold tabular-nums">
          <span data-testid={testId ? `${testId}-value` : undefined}>{value}</span>
          {unit && value !== '—' && <span className="ml-1 text-sm font-normal text-muted-foreground">{unit}</span>}
        </p>
        <p className={cn('text-xs tabular-nums', change === null || change === 0 ? 'text-muted-foreground' : good ? 'text-success' : 'text-destructive')}>
          {changeLabel}
        </p>
        {note && <div className="text-xs text-muted-foreground">{note}</div>}
      </CardContent>
    </Card>
  );
}
