export function KpiSkeleton({ count = 8 }: { count?: number }) {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-hidden>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="h-[116px] animate-pulse rounded-lg border bg-muted/60" />
      ))}
    </div>
  );
}

export function PanelSkeleton({ height = 320 }: { height?: number }) {
  return <div className="animate-pulse rounded-lg border bg-muted/60" style={{ height }} aria-hidden />;
}
