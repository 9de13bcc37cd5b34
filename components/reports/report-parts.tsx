import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';

export type ReportStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'missing';

/** The badge colour of each report state (the data table's badge column takes it by name too). */
export const statusVariants = { draft: 'secondary', submitted: 'warning', approved: 'success', returned: 'destructive', missing: 'destructive' } as const;

export async function StatusBadge({ status, late }: { status: ReportStatus; late?: boolean }) {
  const t = await getTranslations('reports');
  return (
    <span className="inline-flex gap-1">
      <Badge variant={statusVariants[status]} data-testid="report-status" data-status={status}>
        {t(`status.${status}`)}
      </Badge>
      {late && status !== 'missing' && <Badge variant="outline">{t('late')}</Badge>}
    </span>
  );
}

/** The review outcome the author must see first: a returned report says what to change. */
export async function ReviewBanner({ status, comment }: { status: ReportStatus; comment: string | null }) {
  const t = await getTranslations('reports');
  if (status === 'returned')
    return (
      <p role="status" className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm" data-testid="returned-banner">
        {t('returnedBanner', { comment: comment ?? '' })}
      </p>
    );
  if (status === 'approved')
    return (
      <p role="status" className="rounded-md border border-success/40 bg-success/10 p-3 text-sm">
        {t('approvedBanner')}
        {comment ? `：${comment}` : ''}
      </p>
    );
  return null;
}

export async function ReviewHistory({ events }: { events: { id: number; action: string; comment: string | null; at: Date; actor: string }[] }) {
  const t = await getTranslations('reports');
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h2 id="history-heading" className="font-semibold">
        {t('history')}
      </h2>
      <ol className="space-y-1 text-sm" data-testid="review-history">
        {events.map((e) => (
          <li key={e.id} className="flex flex-wrap gap-x-2">
            <span className="tabular-nums text-muted-foreground">{formatDateTime(e.at)}</span>
            <span>{e.actor}</span>
            <span className="font-medium">{t(`actions.${e.action as 'submitted' | 'approved' | 'returned'}`)}</span>
            {e.comment && <span className="text-muted-foreground">“{e.comment}”</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function TextBlock({ label, text, testId }: { label: string; text: string; testId?: string }) {
  return (
    <div className="space-y-1 border-b py-3 last:border-b-0" data-testid={testId}>
      <h3 className="text-sm font-medium">{label}</h3>
      <p className="whitespace-pre-wrap text-sm">{text || '—'}</p>
    </div>
  );
}
