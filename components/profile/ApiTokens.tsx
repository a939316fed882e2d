"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/TextField";
import { api, messageOf } from "@/lib/client/api";
import { CreatedToken, type TokenView } from "@/lib/schemas/responses/accounts";
import { formatDate } from "@/lib/text/format";

export function ApiTokens({ initial }: { initial: TokenView[] }) {
  const [tokens, setTokens] = useState(initial);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function create() {
    setProblem(null);
    const body = await api("POST", "/api/tokens", { body: { name }, schema: CreatedToken }).catch((e: unknown) => setProblem(messageOf(e)));
    if (!body) return;
    const { token, ...view } = body;
    setTokens((list) => [view, ...list]);
    setCreated({ name: view.name, token });
    setName("");
  }

  async function revoke(id: string) {
    setProblem(null);
    const revoked = await api("DELETE", `/api/tokens/${id}`).then(() => true, (e: unknown) => void setProblem(messageOf(e)));
    if (!revoked) return;
    setTokens((list) => list.filter((t) => t.id !== id));
  }

  return (
    <div className="space-y-4">
      <form
        className="flex items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div className="flex-1">
          <TextField label="Token name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. analysis notebook" required maxLength={100} />
        </div>
        <Button type="submit">Create token</Button>
      </form>
      {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
      {created && (
        <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p>
            Your new token “{created.name}”. Copy it now: it will not be shown again.
          </p>
          <div className="flex gap-2">
            <input readOnly aria-label="New token" value={created.token} onFocus={(e) => e.currentTarget.select()} className="flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" />
            <Button type="button" variant="secondary" onClick={() => void navigator.clipboard?.writeText(created.token)}>
              Copy
            </Button>
          </div>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">No tokens.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 font-medium">Name</th>
              <th className="py-2 font-medium">Token</th>
              <th className="py-2 font-medium">Created</th>
              <th className="py-2 font-medium">Last used</th>
              <th className="py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="py-2">{t.name}</td>
                <td className="py-2 font-mono text-xs">{t.prefix}…</td>
                <td className="py-2">{formatDate(t.createdAt)}</td>
                <td className="py-2">{t.lastUsedAt ? formatDate(t.lastUsedAt) : "never"}</td>
                <td className="py-2 text-right">
                  <Button type="button" variant="ghost" onClick={() => void revoke(t.id)} aria-label={`Revoke ${t.name}`}>
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

