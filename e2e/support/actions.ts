import type { APIRequestContext } from "@playwright/test";
import { E2E } from "./ports";

/**
 * Posts straight to a page's server action the way a browser without JavaScript does: the
 * form's hidden $ACTION_* fields plus our own, as multipart. Lets a test send what no honest
 * browser would (hostile values, missing or extra fields, files, broken encodings).
 */
const decode = (value: string) => value.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

export async function actionFields(request: APIRequestContext, path: string, fieldName: string): Promise<Record<string, string>> {
  const html = await (await request.get(path)).text();
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map((match) => match[1]!).find((body) => body.includes(`name="${fieldName}"`));
  if (!form) throw new Error(`no form with a ${fieldName} field on ${path}`);
  const hidden: Record<string, string> = {};
  for (const input of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    hidden[decode(input[1]!)] = decode(input[2] ?? "");
  }
  return hidden;
}

export async function postAction(request: APIRequestContext, path: string, hidden: Record<string, string>, fields: Record<string, string>) {
  return request.post(path, {
    multipart: { ...hidden, ...fields },
    headers: { origin: E2E.appUrl },
    maxRedirects: 0,
  });
}
