"use client";

import { ServerErrorPanel } from "@/components/server-error-panel";

export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ServerErrorPanel digest={error.digest} retry={retry} />;
}
