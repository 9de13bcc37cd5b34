import { AreaMessages } from '@/components/i18n/area-messages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="forecasts">{children}</AreaMessages>;
}
