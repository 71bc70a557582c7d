/**
 * Lists at scale: one user with 1,000 and then 100,000 tasks spread over 50 lists (a new database
 * for each size). Times the first page of all tasks, one list's first page (list_id,
 * sort=position) and a two-word search (`q`), as the
 * domain runs them (the SQL a request makes, without HTTP), on PGlite and — when
 * one answers on 127.0.0.1:5432 — on PostgreSQL. Baseline: `select 1` on the
 * same connection in the same run.
 */
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { createList } from "../src/domain/lists/service.ts";
import { listTasks } from "../src/domain/tasks/service.ts";
import { createPostgresTestDatabase, postgresAvailable } from "../tests/support/test-db.ts";
import { percentiles } from "./http.ts";

const SIZES = [1_000, 100_000];
const LISTS = 50;
const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 300);
// BENCH_LIST_DB=postgres skips PGlite; BENCH_EXPLAIN=1 prints the plans of the list and search queries.
const USER = "bench-user";
const WORDS = ("passport photos renew report quarterly call mom buy milk eggs bread garden plant water fix sink book venue party " +
  "invoice send email review code deploy server plan trip flight hotel taxes file pay rent clean garage car insurance dentist " +
  "appointment gym membership birthday gift read chapter write draft slides meeting notes budget sprint release bug ticket").split(" ");

async function seed(database: Database, tasks: number) {
  const { db } = database;
  for (let i = 2; i <= LISTS; i += 1) await createList(db, USER, { name: `List ${i}` });
  const words = sql.raw(`(array[${WORDS.map((w) => `'${w}'`).join(",")}])`);
  const n = sql.raw(String(WORDS.length));
  // Titles of 4 words and notes of 6 from a small vocabulary: each word is in a few % of the tasks.
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(sql`
    insert into tasks (user_id, id, title, description, tags, list_id, position, priority, completed)
    select ${USER}::text, g,
      ${words}[1 + floor(random() * ${n})::int] || ' ' || ${words}[1 + floor(random() * ${n})::int] || ' ' || ${words}[1 + floor(random() * ${n})::int] || ' ' || g,
      ${words}[1 + floor(random() * ${n})::int] || ' ' || ${words}[1 + floor(random() * ${n})::int] || ' ' || ${words}[1 + floor(random() * ${n})::int],
      array[${words}[1 + floor(random() * ${n})::int]],
      1 + g % ${sql.raw(String(LISTS))}, (g / ${sql.raw(String(LISTS))} + 1) * 1024, g % 4, g % 5 = 0
    from generate_series(1, ${sql.raw(String(tasks))}) g`);
  await db.execute(sql`insert into task_counters (user_id, last_id) values (${USER}, ${tasks})`);
  await db.execute(sql`analyze`);
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 20; i += 1) await fn(); // warm up caches and plans
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  const p = percentiles(ms);
  return { p50: p.p50, p99: p.p99 };
}

async function benchOne(label: string, database: Database, tasks: number) {
  await migrateDatabase(database);
  const t0 = performance.now();
  await seed(database, tasks);
  const seeded = (performance.now() - t0) / 1000;
  const { db } = database;
  const row = (name: string, r: { p50: number; p99: number }) =>
    console.log(`  ${name.padEnd(44)} p50 ${r.p50.toFixed(2).padStart(7)} ms   p99 ${r.p99.toFixed(2).padStart(7)} ms   ×baseline ${(r.p50 / base.p50).toFixed(1)}`);
  const base = await time(() => db.execute(sql`select 1`));
  const all = await time(() => listTasks(db, USER, { status: "all", limit: 50 }));
  const page = await time(() => listTasks(db, USER, { list_id: 17, sort: "position", status: "all", limit: 50 }));
  const pending = await time(() => listTasks(db, USER, { list_id: 17, parent_id: "none", status: "pending", limit: 50 }));
  const search = await time(() => listTasks(db, USER, { q: "passport photos", status: "all", limit: 50 }));
  if (process.env.BENCH_EXPLAIN) {
    for (const q of [
      sql`explain analyze select parent_id, count(*) from tasks where user_id = ${USER} and parent_id in (1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50) group by parent_id`,
      sql`explain analyze select * from tasks where user_id = ${USER} and search_text like '%passport%' and search_text like '%photos%' order by id limit 51`,
    ]) console.log(((await db.execute<Record<string, string>>(q)) as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join("\n"));
  }
  if (process.env.BENCH_EXPLAIN) {
    const { getList } = await import("../src/domain/lists/service.ts");
    const { tasks: t } = await import("../src/db/schema/tasks.ts");
    const { and, eq, asc } = await import("drizzle-orm");
    row("  getList", await time(() => getList(db, USER, 17)));
    row("  drizzle select page", await time(() => db.select().from(t).where(and(eq(t.userId, USER), eq(t.listId, 17))).orderBy(asc(t.position), asc(t.id)).limit(51)));
    row("  raw select page", await time(() => db.execute(sql`select * from tasks where user_id = ${USER} and list_id = 17 order by position, id limit 51`)));
  }
  const hits = (await listTasks(db, USER, { q: "passport photos", status: "all", limit: 100 })).tasks.length;
  console.log(`\n${label}: ${tasks.toLocaleString("en")} tasks in ${LISTS} lists (seeded in ${seeded.toFixed(1)} s), ${RUNS} runs each`);
  row("select 1 (baseline)", base);
  row("all tasks, default order, 50 per page", all);
  row("one list, sort=position, 50 per page", page);
  row("one list, top level, pending, 50 per page", pending);
  row(`q="passport photos" (${hits}${hits === 100 ? "+" : ""} matches), 50`, search);
}

async function main() {
  const postgres = await postgresAvailable();
  if (!postgres) console.log("\nPostgreSQL: not reachable on 127.0.0.1:5432, skipped");
  for (const tasks of SIZES) {
    if (process.env.BENCH_LIST_DB !== "postgres") {
      const pglite = await openDatabase({ dataDir: "memory://" });
      try {
        await benchOne("PGlite", pglite, tasks);
      } finally {
        await pglite.close();
      }
    }
    if (!postgres) continue;
    const pg = await createPostgresTestDatabase();
    const database = await openDatabase({ databaseUrl: pg.url, dataDir: "memory://" });
    try {
      await benchOne("PostgreSQL", database, tasks);
    } finally {
      await database.close();
      await pg.drop();
    }
  }
}

await main();
