import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Slant", template: "%s · Slant" },
  description: "Document source bias and framing in news.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the per-request nonce makes every page render per request, which nonce-based CSP needs.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
