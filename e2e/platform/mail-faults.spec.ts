import { expect, linkIn, setResendMode, test, uniqueEmail, waitForMail } from "../support/test";

const main = (page: import("@playwright/test").Page) => page.getByRole("main");

test.afterEach(async () => setResendMode("ok"));

for (const mode of ["error", "hang"] as const) {
  test(`Resend ${mode === "error" ? "answering 500" : "timing out"}: the account is saved and the link can be sent again`, async ({
    page,
  }) => {
    await setResendMode(mode);
    const email = uniqueEmail(mode);
    await page.goto("/register");
    await main(page).getByLabel("Name").fill("Unlucky Timing");
    await main(page).getByLabel("Email", { exact: true }).fill(email);
    await main(page).getByLabel("Password", { exact: true }).fill("a long and unusual passphrase");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("flash")).toContainText("could not send the confirmation mail");
    await expect(page).toHaveURL(/\/activate\/resend$/);

    await setResendMode("ok");
    await main(page).getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByTestId("resend-message")).toContainText("a new link is on its way");
    const mail = await waitForMail(email, "Confirm your account");
    await page.goto(linkIn(mail, "/activate/"));
    await page.getByRole("main").getByLabel("Password").fill("a long and unusual passphrase");
    await page.getByRole("button", { name: "Confirm my account" }).click();
    await expect(page.getByTestId("user-menu")).toContainText("Unlucky Timing");
  });
}
