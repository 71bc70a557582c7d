/** Whether something accepts TCP connections at host:port (a local service for the tests). */
import { Socket } from "node:net";

export function tcpReachable(port: number, host = "127.0.0.1", timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.setTimeout(timeoutMs);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
    s.once("timeout", () => (s.destroy(), resolve(false)));
    s.connect(port, host);
  });
}
