/**
 * A TCP proxy for fault tests: put it between the server and PostgreSQL, then
 * `cut()` the line (open connections are reset, new ones are accepted and
 * dropped at once) and `restore()` it, as a database restart or network blip would.
 */
import { createConnection, createServer, type AddressInfo, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** Resets every open connection and drops new ones until `restore()`. */
  cut(): void;
  restore(): void;
  /** Connections accepted since start (dropped ones included). */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let down = false;
  let connections = 0;
  const server = createServer((client) => {
    connections++;
    if (down) return void client.resetAndDestroy();
    const upstream = createConnection(target);
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      down = true;
      for (const s of open) s.resetAndDestroy();
      open.clear();
    },
    restore: () => {
      down = false;
    },
    get connections() {
      return connections;
    },
    close: async () => {
      down = true;
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
