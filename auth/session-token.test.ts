import { decode as authJsDecode, encode as authJsEncode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

const secret = "a-test-secret-of-some-length-0123456789abcdef";
const salt = "__Secure-authjs.session-token";
const token = { sub: "7d3c1a52-0000-4000-8000-000000000001", name: "Ada", email: "ada@example.test", sid: "s-1" };

describe("the session cookie's token", () => {
  it("is read by Auth.js's own decode, and reads Auth.js's own tokens: cookies stay valid across the two", async () => {
    const ours = await encodeSessionToken({ token, secret, salt });
    expect(await authJsDecode({ token: ours, secret, salt })).toMatchObject(token);

    const theirs = await authJsEncode({ token, secret, salt });
    expect(await decodeSessionToken({ token: theirs, secret, salt })).toMatchObject(token);
  });

  it("sets an expiry maxAge ahead, and a fresh id each time", async () => {
    const first = await decodeSessionToken({ token: await encodeSessionToken({ token, secret, salt, maxAge: 60 }), secret, salt });
    const second = await decodeSessionToken({ token: await encodeSessionToken({ token, secret, salt, maxAge: 60 }), secret, salt });
    expect(first!.exp! - first!.iat!).toBe(60);
    expect(first!.jti).not.toBe(second!.jti);
  });

  it("refuses a token made with another secret or for another cookie, and a tampered one", async () => {
    const made = await encodeSessionToken({ token, secret, salt });
    await expect(decodeSessionToken({ token: made, secret: "another-secret-0123456789abcdef0123456789", salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token: made, secret, salt: "authjs.session-token" })).rejects.toThrow();
    const parts = made.split(".");
    parts[3] = parts[3]!.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    await expect(decodeSessionToken({ token: parts.join("."), secret, salt })).rejects.toThrow();
  });

  it("reads tokens of a previous secret listed after the current one, and writes with the current one", async () => {
    const old = "the-previous-secret-0123456789abcdef012345";
    const fromOld = await encodeSessionToken({ token, secret: old, salt });
    expect(await decodeSessionToken({ token: fromOld, secret: [secret, old], salt })).toMatchObject(token);
    const fresh = await encodeSessionToken({ token, secret: [secret, old], salt });
    expect(await authJsDecode({ token: fresh, secret, salt })).toMatchObject(token);
  });

  it("has nothing to read without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret, salt })).toBeNull();
  });
});
