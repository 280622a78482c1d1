import { createServer, type IncomingMessage, type Server } from "node:http";

/**
 * A stand-in for the remote Resend API (the only fake in the test suite): the real `resend` SDK
 * posts to it through RESEND_BASE_URL. Tests read the delivered mail back and can make the next
 * sends fail or hang.
 */
export type SentMail = { id: string; from: string; to: string[]; subject: string; html: string; text: string; authorization: string };

type Mode = "ok" | "error" | "hang";

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

export function startFakeResend(port: number): Promise<Server> {
  const mails: SentMail[] = [];
  let mode: Mode = "ok";
  let counter = 0;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake-resend");
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };

    if (req.method === "POST" && url.pathname === "/emails") {
      const body = JSON.parse(await readBody(req)) as Omit<SentMail, "id" | "authorization">;
      if (mode === "hang") return; // never answers: the app's own timeout must cope
      if (mode === "error") return json(500, { statusCode: 500, name: "internal_server_error", message: "Simulated outage" });
      const mail: SentMail = { ...body, id: `fake_${++counter}`, authorization: req.headers.authorization ?? "" };
      mails.push(mail);
      return json(200, { id: mail.id });
    }
    // Test controls, not part of Resend's API.
    if (req.method === "GET" && url.pathname === "/__mails") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return json(200, to ? mails.filter((mail) => mail.to.some((address) => address.toLowerCase() === to)) : mails);
    }
    if (req.method === "POST" && url.pathname === "/__mode") {
      mode = (url.searchParams.get("mode") as Mode | null) ?? "ok";
      return json(200, { mode });
    }
    json(404, { name: "not_found", message: "Unknown route" });
  });

  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

// Run directly (Playwright's webServer): `tsx e2e/support/fake-resend.ts <port>`.
if (process.argv[1]?.endsWith("fake-resend.ts")) {
  const port = Number(process.argv[2] ?? 3199);
  void startFakeResend(port).then(() => console.log(`fake Resend API listening on http://127.0.0.1:${port}`));
}
