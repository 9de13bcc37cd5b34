import { routeAction } from '@/lib/server-action';
import { submitVisitSpec } from '@/lib/visits/submit';

export const dynamic = 'force-dynamic';

// The stable URL finished visits are sent to, from the form and from the device's offline queue
// (Server Action ids change with every build). Same wrapper and validation as every action.
export function POST(request: Request) {
  return routeAction(submitVisitSpec, request);
}
