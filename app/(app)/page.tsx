import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/dal';
import { roleHome } from '@/lib/auth/permissions';

export default async function Home() {
  const user = await requireUser();
  redirect(roleHome[user.role]);
}
