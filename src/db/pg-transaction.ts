/**
 * Transactions on a `pg` pool that cannot leak connections. drizzle-orm 0.45
 * runs `begin` outside its try/finally, so a `begin` that fails (the database
 * went away, a timeout) never returns its client to the pool; after `max` such
 * failures every request waits for a connection and the server never recovers.
 * Here we check the client out ourselves and always release it — destroying it
 * unless the transaction ended cleanly or with an application error after rollback
 * (`isApplicationError`, passed in: this layer knows no classes above it).
 */
import type pg from "pg";

export function leakFreeTransactions<D extends { transaction: (...args: never[]) => Promise<unknown> }>(
  db: D,
  pool: pg.Pool,
  onClient: (client: pg.PoolClient) => D,
  /** Errors raised by our own code inside a transaction: drizzle rolled back, the client is fine. */
  isApplicationError: (err: unknown) => boolean,
): void {
  // A drizzle instance per pooled client (clients are reused, so this mostly hits).
  const perClient = new WeakMap<pg.PoolClient, D>();
  const transaction = async (...args: Parameters<D["transaction"]>) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      let txDb = perClient.get(client);
      if (!txDb) perClient.set(client, (txDb = onClient(client)));
      return await (txDb.transaction as (...a: Parameters<D["transaction"]>) => Promise<unknown>)(...args);
    } catch (err) {
      if (!isApplicationError(err)) broken = err as Error;
      throw err;
    } finally {
      client.release(broken);
    }
  };
  db.transaction = transaction as D["transaction"];
}
