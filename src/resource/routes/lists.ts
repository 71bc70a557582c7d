/** `/api/{user_id}/lists` and `/api/{user_id}/sections`: thin handlers over the list domain. */
import { Hono } from "hono";
import { List, ListCreate, ListDeleteQuery, ListPatch, ListQuery, Section, SectionCreate, SectionPatch } from "../../contracts/list.ts";
import { ListList, SectionList } from "../../contracts/rest.ts";
import type { Db } from "../../db/client.ts";
import * as lists from "../../domain/lists/service.ts";
import * as sections from "../../domain/lists/sections.ts";
import { docs } from "../../http/openapi.ts";
import type { AuthEnv } from "../require-user.ts";
import { IntId, jsonBody, parseWith, queryParams } from "../validate.ts";

export interface ListRouteDeps {
  db: Db;
  onChange?: (userId: string) => void;
}

const doc = docs("Lists and sections");
const byId = { params: { id: IntId } };
const located = (path: string, id: number) => `${path.replace(/\/$/, "")}/${id}`;

export function listRoutes({ db, onChange = () => {} }: ListRouteDeps) {
  const app = new Hono<AuthEnv>();
  const idOf = (raw: string | undefined) => parseWith(IntId, raw, "list id");

  app.get("/", doc({ summary: "List your lists", query: ListQuery, responses: { 200: ListList } }), async (c) => {
    const { archived } = queryParams(c, ListQuery);
    const filter = archived === undefined || archived === "all" ? undefined : archived === true || archived === "true";
    return c.json({ lists: await lists.listLists(db, c.var.user.id, filter) });
  });

  app.post("/", doc({ summary: "Create a list", body: ListCreate, idempotent: true, responses: { 201: { schema: List, headers: { Location: "the new list" } } }, errors: [409, 429] }), async (c) => {
    const list = await lists.createList(db, c.var.user.id, await jsonBody(c, ListCreate));
    c.header("location", located(c.req.path, list.id));
    onChange(c.var.user.id);
    return c.json(list, 201);
  });

  app.get("/:id", doc({ summary: "Read a list", ...byId, responses: { 200: List }, errors: [404] }), async (c) => c.json(await lists.getList(db, c.var.user.id, idOf(c.req.param("id")))));

  app.patch("/:id", doc({ summary: "Rename, recolour, archive or reorder a list", ...byId, body: ListPatch, responses: { 200: List }, errors: [404, 409, 429] }), async (c) => {
    const id = idOf(c.req.param("id"));
    const list = await lists.updateList(db, c.var.user.id, id, await jsonBody(c, ListPatch));
    onChange(c.var.user.id);
    return c.json(list);
  });

  app.delete("/:id", doc({ summary: "Delete a list (`tasks=move|delete` when it has tasks)", ...byId, query: ListDeleteQuery, responses: { 204: null }, errors: [404, 409, 429] }), async (c) => {
    const id = idOf(c.req.param("id"));
    const { tasks } = queryParams(c, ListDeleteQuery);
    await lists.deleteList(db, c.var.user.id, id, tasks);
    onChange(c.var.user.id);
    return c.body(null, 204);
  });

  app.get("/:id/sections", doc({ summary: "A list's sections", ...byId, responses: { 200: SectionList }, errors: [404] }), async (c) => c.json({ sections: await sections.listSections(db, c.var.user.id, idOf(c.req.param("id"))) }));

  app.post("/:id/sections", doc({ summary: "Create a section in a list", ...byId, body: SectionCreate, idempotent: true, responses: { 201: { schema: Section, headers: { Location: "the new section" } } }, errors: [404, 409, 429] }), async (c) => {
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

  app.get("/:id", doc({ summary: "Read a section", ...byId, responses: { 200: Section }, errors: [404] }), async (c) => c.json(await sections.getSection(db, c.var.user.id, idOf(c.req.param("id")))));

  app.patch("/:id", doc({ summary: "Rename or reorder a section", ...byId, body: SectionPatch, responses: { 200: Section }, errors: [404, 429] }), async (c) => {
    const id = idOf(c.req.param("id"));
    const section = await sections.updateSection(db, c.var.user.id, id, await jsonBody(c, SectionPatch));
    onChange(c.var.user.id);
    return c.json(section);
  });

  app.delete("/:id", doc({ summary: "Delete a section (its tasks go to the top of the list)", ...byId, responses: { 204: null }, errors: [404, 429] }), async (c) => {
    await sections.deleteSection(db, c.var.user.id, idOf(c.req.param("id")));
    onChange(c.var.user.id);
    return c.body(null, 204);
  });

  return app;
}
