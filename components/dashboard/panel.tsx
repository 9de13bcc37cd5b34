import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

export function Panel({ title, hint, children, testId }: { title: string; hint?: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** A link that narrows the current view: team → manager → shop. */
export function drillHref(path: string, sp: Record<string, string | undefined>, patch: Record<string, string | undefined>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...sp, ...patch })) if (v) q.set(k, v);
  return `${path}?${q.toString()}`;
}

/** The view's query string, for exports of the same rows. */
export function query(sp: Record<string, string | undefined>) {
  return new URLSearchParams(Object.entries(sp).filter(([, v]) => v) as [string, string][]).toString();
}
