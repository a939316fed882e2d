// npm run user:create -- --email a@b.org --role ANALYST [--name "A. B."] [--password …]
// Without --password one is generated and printed. An existing email has its
// name, role and password reset (and is reactivated).
import { parseArgs } from "node:util";
import { z } from "zod";
import { upsertUser } from "../lib/db/accounts/users";
import { generatePassword } from "../lib/runtime/secrets";
import { CreateUserInput } from "../lib/schemas/user";
import { fail, withDatabase } from "./with-database";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string", default: "ANALYST" }, name: { type: "string" }, password: { type: "string" } },
});
const password = values.password ?? generatePassword();
const parsed = CreateUserInput.safeParse({
  email: values.email ?? "",
  role: values.role?.toUpperCase(),
  name: values.name ?? values.email?.split("@")[0] ?? "",
  password,
});
if (!parsed.success) fail(`Cannot create user:\n${z.prettifyError(parsed.error)}`);

await withDatabase(async (client) => {
  const { user, created } = await upsertUser(parsed.data, client);
  console.log(`${created ? "created" : "updated"} ${user.email} (${user.role.toLowerCase()})`);
  if (!values.password) console.log(`password: ${password}`);
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
