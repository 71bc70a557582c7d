/** `/api/{user_id}/lists` and `/api/{user_id}/sections`: thin handlers over the list domain. */
import { Hono } from "hono";
import { ListCreate, ListDeleteQuery, ListPatch, ListQuery, SectionCreate, SectionPatch } from "../../contracts/list.ts";
import type { Db } from "../../db/client.ts";
import * as lists from "../../domain/lists/service.ts";
import * as sections from "../../domain/lists/sections.ts";
import type { AuthEnv } from "../require-user.ts";
import { IntId, jsonBody, parseWith, queryParams } from "../validate.ts";

export interface ListRouteDeps {
  db: Db;
  onChange?: (userId: string) => void;
}

const located = (path: string, id: number) => `${path.replace(/\/$/, "")}/${id}`;

export function listRoutes({ db, onChange = () => {} }: ListRouteDeps) {
  const app = new Hono<AuthEnv>();
  const idOf = (raw: string | undefined) => parseWith(IntId, raw, "list id");

  app.get("/", async (c) => {
    const { archived } = queryParams(c, ListQuery);
    const filter = archived === undefined || archived === "all" ? undefined : archived === true || archived === "true";
    return c.json({ lists: await lists.listLists(db, c.var.user.id, filter) });
  });

  app.post("/", async (c) => {
    const list = await lists.createList(db, c.var.user.id, await jsonBody(c, ListCreate));
    c.header("location", located(c.req.path, list.id));
    onChange(c.var.user.id);
    return c.json(list, 201);
  });

  app.get("/:id", async (c) => c.json(await lists.getList(db, c.var.user.id, idOf(c.req.param("id")))));

  app.patch("/:id", async (c) => {
    const id = idOf(c.req.param("id"));
    const list = await lists.updateList(db, c.var.user.id, id, await jsonBody(c, ListPatch));
    onChange(c.var.user.id);
    return c.json(list);
  });

  app.delete("/:id", async (c) => {
    const id = idOf(c.req.param("id"));
    const { tasks } = queryParams(c, ListDeleteQuery);
    await lists.deleteList(db, c.var.user.id, id, tasks);
    onChange(c.var.user.id);
    return c.body(null, 204);
  });

  app.get("/:id/sections", async (c) => c.json({ sections: await sections.listSections(db, c.var.user.id, idOf(c.req.param("id"))) }));

  app.post("/:id/sections", async (c) => {
    const listId = idOf(c.req.param("id"));
    const { name } = await jsonBody(c, SectionCreate);
    const section = await sections.createSection(db, c.var.user.id, listId, name);
    c.header("location", located(c.req.path.replace(/\/lists\/[^/]+\/sections\/?$/, "/sections"), section.id));
    onChange(c.var.user.id);
    return c.json(section, 201);
  });

  return app;
}

export function sectionRoutes({ db, onChange = () => {} }: ListRouteDeps) {
  const app = new Hono<AuthEnv>();
  const idOf = (raw: string | undefined) => parseWith(IntId, raw, "section id");

  app.get("/:id", async (c) => c.json(await sections.getSection(db, c.var.user.id, idOf(c.req.param("id")))));

  app.patch("/:id", async (c) => {
    const id = idOf(c.req.param("id"));
    const section = await sections.updateSection(db, c.var.user.id, id, await jsonBody(c, SectionPatch));
    onChange(c.var.user.id);
    return c.json(section);
  });

  app.delete("/:id", async (c) => {
    await sections.deleteSection(db, c.var.user.id, idOf(c.req.param("id")));
    onChange(c.var.user.id);
    return c.body(null, 204);
  });

  return app;
}
