// npm run user:deactivate -- --email a@b.org [--reactivate]
import { parseArgs } from "node:util";
import { setDeactivated } from "../lib/db/accounts/users";
import { Email } from "../lib/schemas/user";
import { fail, withDatabase } from "./with-database";

const { values } = parseArgs({ options: { email: { type: "string" }, reactivate: { type: "boolean", default: false } } });
const email = Email.safeParse(values.email ?? "");
if (!email.success) fail("usage: npm run user:deactivate -- --email <address> [--reactivate]");

await withDatabase(async (client) => {
  const user = await setDeactivated(email.data, !values.reactivate, client);
  if (!user) fail(`No account with the email ${email.data}.`);
  console.log(`${user.email} ${values.reactivate ? "reactivated" : "deactivated: signed out everywhere at the next request"}`);
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
