'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

export function NavLinks({ items, variant = 'top' }: { items: { href: string; label: string }[]; variant?: 'top' | 'bottom' }) {
  const pathname = usePathname();
  return items.map((item) => {
    const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
    return (
      <Link
        key={item.href}
        href={item.href}
        aria-current={active ? 'page' : undefined}
        className={cn(
          'shrink-0 rounded-md text-sm font-medium whitespace-nowrap',
          variant === 'top' ? 'px-3 py-2 hover:bg-muted' : 'flex min-h-14 flex-1 items-center justify-center px-4',
          active ? 'text-primary' : 'text-muted-foreground',
        )}
      >
        {item.label}
      </Link>
    );
  });
}
