/**
 * "Connected apps": the OAuth clients (MCP clients) a user granted access,
 * and revoking one. A grant is the provider's consent row; revoking deletes it
 * and revokes the refresh tokens at once, and the resource server refuses
 * access tokens of a client without a grant (their JWTs would otherwise live
 * until `exp`).
 */
import { and, desc, eq, isNull, max } from "drizzle-orm";
import type { ConnectedApp } from "../../contracts/oauth.ts";
import type { Db } from "../../db/client.ts";
import { oauthAccessToken, oauthClient, oauthConsent, oauthRefreshToken } from "../../db/schema/oauth.ts";

function hostOf(uri: string | undefined): string | null {
  if (!uri) return null;
  try {
    return new URL(uri).host || null;
  } catch {
    return null;
  }
}

export async function listConnectedApps(db: Db, userId: string): Promise<ConnectedApp[]> {
  const rows = await db
    .select({
      clientId: oauthConsent.clientId,
      name: oauthClient.name,
      redirectUris: oauthClient.redirectUris,
      scopes: oauthConsent.scopes,
      createdAt: oauthConsent.createdAt,
      lastUsedAt: max(oauthRefreshToken.createdAt),
    })
    .from(oauthConsent)
    .innerJoin(oauthClient, eq(oauthClient.clientId, oauthConsent.clientId))
    .leftJoin(oauthRefreshToken, and(eq(oauthRefreshToken.clientId, oauthConsent.clientId), eq(oauthRefreshToken.userId, userId)))
    .where(eq(oauthConsent.userId, userId))
    .groupBy(oauthConsent.id, oauthClient.id)
    .orderBy(desc(oauthConsent.createdAt));
  return rows.map((r) => ({
    client_id: r.clientId,
    name: r.name?.trim() || "Unnamed app",
    redirect_host: hostOf(r.redirectUris[0]),
    scopes: r.scopes,
    connected_at: (r.createdAt ?? new Date(0)).toISOString(),
    last_used_at: r.lastUsedAt ? new Date(r.lastUsedAt).toISOString() : null,
  }));
}

/** Ends a client's access for this user; false when it had none. */
export async function revokeConnectedApp(db: Db, userId: string, clientId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(oauthConsent)
      .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)))
      .returning({ id: oauthConsent.id });
    await tx
      .update(oauthRefreshToken)
      .set({ revoked: new Date() })
      .where(and(eq(oauthRefreshToken.userId, userId), eq(oauthRefreshToken.clientId, clientId), isNull(oauthRefreshToken.revoked)));
    await tx.delete(oauthAccessToken).where(and(eq(oauthAccessToken.userId, userId), eq(oauthAccessToken.clientId, clientId)));
    return gone.length > 0;
  });
}

/** Whether the user's grant to this client still stands (checked on every OAuth call of /mcp). */
export async function hasActiveGrant(db: Db, userId: string, clientId: string): Promise<boolean> {
  const rows = await db
    .select({ id: oauthConsent.id })
    .from(oauthConsent)
    .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)))
    .limit(1);
  return rows.length > 0;
}
