/**
 * The forms of a server-rendered page, each with its hidden inputs (Next's $ACTION_* fields among
 * them), so a test can post one the way a browser without JavaScript does.
 */
export type Form = { hidden: [string, string][]; html: string };

const entities: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#x27;": "'", "&#39;": "'" };
const decode = (text: string) => text.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (entity) => entities[entity]!);
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

export function formsOf(html: string): Form[] {
  return [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map(([formHtml]) => ({
    html: formHtml,
    hidden: [...formHtml.matchAll(/<input\b[^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => attribute(tag, "type") === "hidden" && attribute(tag, "name") !== undefined)
      .map((tag) => [decode(attribute(tag, "name")!), decode(attribute(tag, "value") ?? "")] as [string, string]),
  }));
}
