import https from "node:https";
import type { IncomingHttpHeaders } from "node:http";
import { type Form, formsOf } from "../support/forms";
import { PARITY } from "../support/ports";

/**
 * A visitor without a browser, for what a browser cannot choose: its own client address on the
 * loopback range (each counts as a different person for the per-IP limits), thousands of requests
 * (the load runs), and which instance answers. It speaks to the proxy over TLS for the public name,
 * keeps cookies, and posts forms as a browser with JavaScript off does (multipart, with Origin).
 */
export type Answer = { status: number; headers: IncomingHttpHeaders; body: string; instance: string; location: string | undefined };

export type VisitorOptions = { sourceAddress?: string; timeoutMs?: number };

export class Visitor {
  readonly cookies = new Map<string, string>();
  private readonly agent: https.Agent;

  constructor(private readonly options: VisitorOptions = {}) {
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 2,
      rejectUnauthorized: false,
      servername: PARITY.publicName,
      localAddress: options.sourceAddress,
    });
  }

  request(
    method: string,
    path: string,
    init: { body?: Buffer | string; headers?: Record<string, string>; instance?: "a" | "b" } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      host: `${PARITY.publicName}:${PARITY.httpsPort}`,
      "user-agent": "pantry-parity-visitor",
      ...init.headers,
    };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    if (init.instance) headers["x-parity-instance"] = init.instance;
    if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
    return new Promise((resolve, reject) => {
      const request = https.request(
        { host: "127.0.0.1", port: PARITY.httpsPort, method, path, headers, agent: this.agent, timeout: this.options.timeoutMs ?? 30_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            this.keepCookies(response.headers["set-cookie"] ?? []);
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              instance: String(response.headers["x-parity-upstream"] ?? ""),
              location: response.headers.location,
            });
          });
        },
      );
      request.on("timeout", () => request.destroy(new Error(`${method} ${path}: no answer in time`)));
      request.on("error", reject);
      request.end(init.body);
    });
  }

  get(path: string, instance?: "a" | "b"): Promise<Answer> {
    return this.request("GET", path, { instance });
  }

  /**
   * Posts the form of `page` (fetched from `path`) that `pick` chooses, with the page's hidden
   * fields and `fields`, as a browser with JavaScript off does.
   */
  async submit(
    path: string,
    page: Answer,
    pick: (form: Form) => boolean,
    fields: Record<string, string>,
    instance?: "a" | "b",
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const form = formsOf(page.body).find(pick);
    if (!form) throw new Error(`no such form on ${path} (status ${page.status})`);
    const data = new FormData();
    for (const [name, value] of form.hidden) if (!(name in fields)) data.append(name, value);
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    const encoded = new Request("https://form.invalid/", { method: "POST", body: data });
    return this.request("POST", path, {
      body: Buffer.from(await encoded.arrayBuffer()),
      headers: {
        "content-type": encoded.headers.get("content-type")!,
        origin: PARITY.publicUrl,
        referer: `${PARITY.publicUrl}${path}`,
        ...headers,
      },
      instance,
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private keepCookies(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some(
        (part) => /^\s*max-age=0\s*$/i.test(part) || (/^\s*expires=/i.test(part) && Date.parse(part.split("=")[1]!) < Date.now()),
      );
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The form whose inputs include one named `name` (and, if given, whose HTML contains `text`). */
export const formWith =
  (name: string, text?: string) =>
  (form: Form): boolean =>
    form.html.includes(`name="${name}"`) && (text === undefined || form.html.includes(text));
