/** Resident memory of a child process, from /proc (Linux). */
import { readFileSync } from "node:fs";

/** A `/proc/<pid>/status` size field in MB, or undefined when the process is gone (or not on Linux). */
function statusMb(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Resident memory now, in MB. */
export const rssMb = (pid: number) => statusMb(pid, "VmRSS");

/** The peak resident memory so far (VmHWM), in MB. */
export const peakRssMb = (pid: number) => statusMb(pid, "VmHWM");

/** RSS once the process has been quiet for `settleMs` (timers, lazy compilation and GC have run). */
export async function idleRssMb(pid: number, settleMs = 3_000): Promise<number | undefined> {
  await new Promise((r) => setTimeout(r, settleMs));
  return rssMb(pid);
}

export const mb = (n: number | undefined) => (n === undefined ? "–" : `${n.toFixed(0)} MB`);

/** utime + stime of a process in ms, from /proc (Linux). */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}
