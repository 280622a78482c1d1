import "server-only";
import { Body, Button, Container, Head, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const styles = {
  body: { backgroundColor: "#fafaf9", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" },
  container: { backgroundColor: "#ffffff", border: "1px solid #e7e5e4", borderRadius: 8, margin: "24px auto", maxWidth: 520, padding: 32 },
  // A paragraph, not a heading: the plain-text part would shout a heading in capitals.
  greeting: { color: "#1c1917", fontSize: 20, fontWeight: 600, margin: "0 0 16px" },
  text: { color: "#292524", fontSize: 16, lineHeight: "24px" },
  button: { backgroundColor: "#9a3412", borderRadius: 6, color: "#ffffff", fontWeight: 600, padding: "12px 20px", textDecoration: "none" },
  small: { color: "#57534e", fontSize: 13, lineHeight: "20px" },
};

function Layout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {children}
          <Text style={styles.small}>— Pantry, recipes from what you have</Text>
        </Container>
      </Body>
    </Html>
  );
}

function ActionLink({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Section style={{ margin: "24px 0" }}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={styles.small}>
        Or paste this link into your browser: <Link href={href}>{href}</Link>
      </Text>
    </>
  );
}

/** Goes to an address nobody has confirmed yet: it carries no text the registrant typed. */
export function ActivationMail({ activationUrl, validHours }: { activationUrl: string; validHours: number }) {
  return (
    <Layout preview="Confirm your Pantry account">
      <Text style={styles.greeting}>Hello,</Text>
      <Text style={styles.text}>Thanks for joining Pantry. Confirm your address to start adding and saving recipes.</Text>
      <ActionLink href={activationUrl} label="Confirm my account" />
      <Text style={styles.small}>
        The link works once and expires in {validHours} hours. If you did not create an account, ignore this mail.
      </Text>
    </Layout>
  );
}

export function AccountExistsMail({ name, loginUrl, resetUrl }: { name: string; loginUrl: string; resetUrl: string }) {
  return (
    <Layout preview="You already have a Pantry account">
      <Text style={styles.greeting}>{`Hello ${name},`}</Text>
      <Text style={styles.text}>
        Someone (probably you) tried to register on Pantry with this address. You already have an account, so nothing was changed.
      </Text>
      <ActionLink href={loginUrl} label="Log in" />
      <Text style={styles.small}>
        Forgot your password? You can set a new one here: <Link href={resetUrl}>{resetUrl}</Link>. If this was not you, ignore this mail.
      </Text>
    </Layout>
  );
}

/** `name` only for an active account: an inactive one's name was typed by whoever registered it. */
export function PasswordResetMail({ name, resetUrl }: { name: string | null; resetUrl: string }) {
  return (
    <Layout preview="Reset your Pantry password">
      <Text style={styles.greeting}>{name ? `Hello ${name},` : "Hello,"}</Text>
      <Text style={styles.text}>Someone (probably you) asked to reset the password of your Pantry account.</Text>
      <ActionLink href={resetUrl} label="Choose a new password" />
      <Text style={styles.small}>
        The link works once and expires in one hour; asking again makes older links stop working. If you did not ask, ignore this mail: your
        password stays as it is.
      </Text>
    </Layout>
  );
}

/** Goes to the new address, which nobody has confirmed yet: it names neither the account nor its owner. */
export function EmailChangeMail({ confirmUrl, validHours }: { confirmUrl: string; validHours: number }) {
  return (
    <Layout preview="Confirm your new address for Pantry">
      <Text style={styles.greeting}>Hello,</Text>
      <Text style={styles.text}>Someone asked to use this address for their Pantry account. Confirm it to make the change.</Text>
      <ActionLink href={confirmUrl} label="Confirm my new address" />
      <Text style={styles.small}>
        The link works once and expires in {validHours} hours. Until it is used, the account keeps its old address. If you did not ask,
        ignore this mail.
      </Text>
    </Layout>
  );
}

/** Goes to an address that already has an account: the same mail arrives whether or not the requester could know that. */
export function EmailTakenMail({ loginUrl, resetUrl }: { loginUrl: string; resetUrl: string }) {
  return (
    <Layout preview="This address already has a Pantry account">
      <Text style={styles.greeting}>Hello,</Text>
      <Text style={styles.text}>
        Someone asked to move another Pantry account to this address. This address already has its own account, so nothing was changed.
      </Text>
      <ActionLink href={loginUrl} label="Log in" />
      <Text style={styles.small}>
        Forgot your password? You can set a new one here: <Link href={resetUrl}>{resetUrl}</Link>. If this was not you, ignore this mail.
      </Text>
    </Layout>
  );
}

/** Goes to the old address once the change is confirmed: its owner can take the account back. */
export function EmailChangedMail({
  name,
  newEmail,
  undoUrl,
  validDays,
}: {
  name: string;
  newEmail: string;
  undoUrl: string;
  validDays: number;
}) {
  return (
    <Layout preview="Your Pantry address was changed">
      <Text style={styles.greeting}>{`Hello ${name},`}</Text>
      <Text style={styles.text}>
        The address of your Pantry account was changed to {newEmail}. From now on you log in with that address, and mail goes there.
      </Text>
      <Text style={styles.text}>Was this not you? Put your old address back; every device signed in to the account is logged out.</Text>
      <ActionLink href={undoUrl} label="This was not me: restore my address" />
      <Text style={styles.small}>
        The link works once for {validDays} days. After using it, choose a new password: whoever made the change may know yours.
      </Text>
    </Layout>
  );
}

export function AccountDeletedMail({ name }: { name: string }) {
  return (
    <Layout preview="Your Pantry account is deleted">
      <Text style={styles.greeting}>{`Hello ${name},`}</Text>
      <Text style={styles.text}>
        Your Pantry account is deleted, with your recipes and your pantry. Every device that was signed in to it is logged out.
      </Text>
      <Text style={styles.small}>Thank you for cooking with us. You are welcome to register again at any time.</Text>
    </Layout>
  );
}
