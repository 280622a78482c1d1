import type { NextRequest } from "next/server";
import { getDb } from "@/infra/db";
import { errorFields, log } from "@/infra/log";
import { MAX_SUGGEST_CHARS, suggestIngredients } from "@/core/search/suggest";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Asked on every pause in typing: the answer depends only on `q` and the recipe counts, which may
// lag a minute behind without harm, so browsers and shared caches keep it that long.
const CACHED = { "cache-control": "public, max-age=60" };

/** GET /api/ingredients/suggest?q=shri → { suggestions: [{ name: "prawn", matched: "shrimp", recipeCount }] }. */
export async function GET(request: NextRequest): Promise<Response> {
  const q = request.nextUrl.searchParams.get("q") ?? "";
  // Longer text matches no dictionary key: answered without asking the database.
  if (q.length > MAX_SUGGEST_CHARS * 4) return Response.json({ suggestions: [] }, { headers: CACHED });
  try {
    const suggestions = await suggestIngredients(await getDb(), q);
    return Response.json({ suggestions }, { headers: CACHED });
  } catch (error) {
    // Suggestions are a convenience: without the database the box still takes typed names, so the
    // answer stays a 200 with none, and is not cached.
    log.error("suggest.failed", errorFields(error));
    return Response.json({ suggestions: [] }, { headers: { "cache-control": "no-store" } });
  }
}
