// Timing pages of a running server: what `npm run bench` and `npm run bench:page` share.

/** The p-th percentile (0–100) of the values. */
export function q(values: number[], p: number) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function timePage(target: string, cookie: string) {
  const t0 = performance.now();
  const res = await fetch(target, { headers: { cookie } });
  const body = await res.arrayBuffer(); // to the last streamed byte
  if (res.status !== 200) throw new Error(`${target} answered ${res.status}`);
  return { ms: performance.now() - t0, bytes: body.byteLength };
}

/** `total` requests for one page, `concurrency` at a time: p50 / p95 to the last byte, the pages a second, the page's size. */
export async function load(target: string, cookie: string, concurrency: number, total: number) {
  const times: number[] = [];
  let next = 0;
  let bytes = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const page = await timePage(target, cookie);
        times.push(page.ms);
        bytes = page.bytes;
      }
    }),
  );
  return { p50: q(times, 50), p95: q(times, 95), n: times.length, perSecond: (times.length / (performance.now() - t0)) * 1000, bytes };
}
