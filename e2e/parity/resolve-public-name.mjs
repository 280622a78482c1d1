import dns from "node:dns";

// The stack's public name resolves to loopback inside the app's processes, as the platform's DNS
// does for a deployed site, so the server's own calls to APP_URL (the availability probe) reach
// the proxy. Loaded with NODE_OPTIONS=--import; the name comes from PARITY_PUBLIC_NAME.
const name = process.env.PARITY_PUBLIC_NAME;
const lookup = dns.lookup;

dns.lookup = function (hostname, options, callback) {
  if (!name || hostname !== name) return lookup.apply(this, arguments);
  const done = typeof options === "function" ? options : callback;
  const all = typeof options === "object" && options !== null && options.all === true;
  process.nextTick(() => (all ? done(null, [{ address: "127.0.0.1", family: 4 }]) : done(null, "127.0.0.1", 4)));
};
