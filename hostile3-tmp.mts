import { anchorQuote } from "./lib/spans/anchor.ts";
import { SearchBudget } from "./lib/spans/budget.ts";
const [n, L, P, U] = process.argv.slice(2).map(Number);
const text = "ab".repeat(n);
const quote = "ab".repeat(L / 2).slice(0, L - 3) + "Xab";
const prefix = "ba".repeat(P);
for (let i = 0; i < 5; i++) {
  const b = new SearchBudget(U);
  const t = performance.now();
  const r = anchorQuote(text, { quote, prefix, suffix: prefix, start: 5, end: 5 + L }, b);
  const ms = performance.now() - t;
  console.log(r.status, (r as any).reason, ms.toFixed(1), "ms", "units", U - b.remaining, "ns/unit", ((ms * 1e6) / (U - b.remaining)).toFixed(1));
}
