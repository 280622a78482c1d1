import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { FlashMessages } from "@/components/flash-messages";
import { SiteHeader } from "@/components/site-header";
import { getUser } from "@/auth/user";
import { logoutAction } from "./account/actions";
import { navLoginAction } from "./login/actions";
import { readFlashes } from "@/web/flash/flash";
import { siteOrigin } from "@/infra/env";
import "./globals.css";

export const metadata: Metadata = {
  // Absolute URLs in metadata (canonical, Open Graph) come from APP_URL, never the request's Host.
  metadataBase: new URL(siteOrigin),
  title: { default: "Pantry — recipes from what you have", template: "%s · Pantry" },
  description: "Type the ingredients you have and find recipes that use them.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, flashes] = await Promise.all([getUser(), readFlashes()]);
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50">
          Skip to content
        </a>
        <SiteHeader user={user} logoutAction={logoutAction} loginAction={navLoginAction} />
        {/* A new id with each render of this layout: the messages' cue that the server answered again. */}
        <FlashMessages flashes={flashes} renderId={crypto.randomUUID()} />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600">Pantry — cook with what you have.</footer>
      </body>
    </html>
  );
}
