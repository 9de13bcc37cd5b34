// CPU time (ms) used so far by the processes whose command line matches, read from /proc (Linux):
// the server's (and its workers'), and PostgreSQL's backends. What bounds a page under load.
import fs from 'node:fs';

export function cpuMs(match: (cmdline: string) => boolean) {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!match(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime, in USER_HZ (100 a second)
    } catch {
      /* the process ended */
    }
  }
  return ticks * 10;
}
export const serverCpu = () => cpuMs((c) => c.includes('server.mjs'));
export const postgresCpu = () => cpuMs((c) => c.startsWith('postgres:'));
