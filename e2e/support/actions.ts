import type { APIRequestContext } from "@playwright/test";
import { formsOf } from "./forms";
import { E2E } from "./ports";

/**
 * Posts straight to a page's server action the way a browser without JavaScript does: the
 * form's hidden $ACTION_* fields plus our own, as multipart. Lets a test send what no honest
 * browser would (hostile values, missing or extra fields, files, broken encodings).
 */
export async function actionFields(request: APIRequestContext, path: string, fieldName: string): Promise<Record<string, string>> {
  const form = formsOf(await (await request.get(path)).text()).find((candidate) => candidate.html.includes(`name="${fieldName}"`));
  if (!form) throw new Error(`no form with a ${fieldName} field on ${path}`);
  return Object.fromEntries(form.hidden);
}

export async function postAction(request: APIRequestContext, path: string, hidden: Record<string, string>, fields: Record<string, string>) {
  return request.post(path, {
    multipart: { ...hidden, ...fields },
    headers: { origin: E2E.appUrl },
    maxRedirects: 0,
  });
}
