import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { codePointLength, passwordSchema, PASSWORD_TOO_LONG_MESSAGE, PASSWORD_TOO_SHORT_MESSAGE } from "./policy";
import { COMMON_PASSWORD_MESSAGE, commonPasswordCount, isCommonPassword, serverPasswordSchema } from "./common-passwords";

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);
}

describe("passwordSchema (browser-safe length rules)", () => {
  it("uses the agreed messages", () => {
    expect(PASSWORD_TOO_SHORT_MESSAGE).toBe("Use at least 8 characters.");
    expect(PASSWORD_TOO_LONG_MESSAGE).toBe("Use at most 128 characters.");
  });

  it.each([
    ["7 ASCII", "a".repeat(7), [PASSWORD_TOO_SHORT_MESSAGE]],
    ["8 ASCII", "a".repeat(8), []],
    ["128 ASCII", "a".repeat(128), []],
    ["129 ASCII", "a".repeat(129), [PASSWORD_TOO_LONG_MESSAGE]],
    // Emoji outside the BMP are one code point each (two UTF-16 units).
    ["7 emoji (14 UTF-16 units)", "🍅".repeat(7), [PASSWORD_TOO_SHORT_MESSAGE]],
    ["8 emoji", "🍅".repeat(8), []],
    ["128 emoji (256 UTF-16 units)", "🍅".repeat(128), []],
    ["129 emoji", "🍅".repeat(129), [PASSWORD_TOO_LONG_MESSAGE]],
    ["7 mixed", "ab🍅c🥕d🧄", [PASSWORD_TOO_SHORT_MESSAGE]],
    ["8 mixed", "ab🍅c🥕d🧄e", []],
    ["127 ASCII + 1 emoji", `${"a".repeat(127)}🍅`, []],
    ["128 ASCII + 1 emoji", `${"a".repeat(128)}🍅`, [PASSWORD_TOO_LONG_MESSAGE]],
    ["empty", "", [PASSWORD_TOO_SHORT_MESSAGE]],
    ["huge", "a".repeat(1_000_000), [PASSWORD_TOO_LONG_MESSAGE]],
  ] as const)("%s", (_label, password, expected) => {
    expect(messages(passwordSchema.safeParse(password))).toEqual(expected);
  });

  it("counts code points exactly like [...s].length", () => {
    for (const s of ["", "abc", "🍅", "e\u0301", "👩‍🍳", "\ud83c", "a\udc00b", "🍅\ud83c", "ü🍅ß✓"]) {
      expect(codePointLength(s)).toBe([...s].length);
    }
    // Combining marks and ZWJ sequences are several code points (no grapheme counting).
    expect(codePointLength("👩‍🍳")).toBe(3);
  });

  it("accepts any characters, with no composition rules", () => {
    for (const password of [
      "aaaaaaaa",
      "12345678x",
      "        ",
      "  padded  ",
      "pässwörd ✓ 🍅",
      "пароль-кухня",
      "密码密码密码密码",
      "tab\there\nnewline",
      "quote\"'`\\$<>&;",
      "\u0000nul-byte!",
    ]) {
      const result = passwordSchema.safeParse(password);
      expect(result.success).toBe(true);
      // No trimming or normalisation.
      expect(result.data).toBe(password);
    }
  });

  it("rejects non-strings", () => {
    for (const value of [undefined, null, 12345678, ["password"]]) {
      expect(passwordSchema.safeParse(value).success).toBe(false);
    }
  });

  it("does not put the password in the error", () => {
    const result = passwordSchema.safeParse("short!");
    expect(JSON.stringify(result.error)).not.toContain("short!");
    expect(String(result.error)).not.toContain("short!");
  });
});

describe("common-password list", () => {
  it("holds at least 10,000 passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it("uses the agreed message", () => {
    expect(COMMON_PASSWORD_MESSAGE).toBe("This password is too common. Choose one that is harder to guess.");
  });

  it.each(["password", "123456", "qwerty123", "12345678", "password1", "iloveyou", "trustno1", "passw0rd", "letmein1"])(
    "knows %j",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it("matches case-insensitively", () => {
    for (const password of ["PASSWORD", "Password", "pAsSwOrD", "QWERTY123", "Qwerty123", "IloveYou", "TrustNo1"]) {
      expect(isCommonPassword(password)).toBe(true);
    }
  });

  it("does not flag uncommon passwords", () => {
    const random = randomBytes(24).toString("base64url");
    for (const password of [
      "tomato basil oregano pantry",
      "my grandmother's lasagne recipe, 1987",
      "correct horse battery staple",
      random,
      `${random} ${random}`,
      "",
    ]) {
      expect(isCommonPassword(password)).toBe(false);
    }
  });
});

describe("serverPasswordSchema (length + common-password check)", () => {
  it("refuses common passwords of a valid length, whatever the case", () => {
    for (const password of ["password", "PASSWORD", "qwerty123", "Password1", "12345678"]) {
      expect(messages(serverPasswordSchema.safeParse(password))).toEqual([COMMON_PASSWORD_MESSAGE]);
    }
  });

  it("gives only the length message for a short common password", () => {
    expect(messages(serverPasswordSchema.safeParse("123456"))).toEqual([PASSWORD_TOO_SHORT_MESSAGE]);
  });

  it("accepts a long random passphrase", () => {
    const passphrase = `${randomBytes(6).toString("hex")} simmering tomato sauce ${randomBytes(6).toString("hex")}`;
    expect(serverPasswordSchema.safeParse(passphrase)).toEqual({ success: true, data: passphrase });
    expect(serverPasswordSchema.safeParse("a".repeat(120) + "🍅🥕").success).toBe(true);
  });
});
