import { z } from "zod";

export const Role = z.enum(["ANALYST", "REVIEWER", "ADMIN"]);
export type Role = z.infer<typeof Role>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "must be an email address" }));

export const Password = z.string().min(8, "must be at least 8 characters").max(1024);

export const CreateUserInput = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200),
  role: Role,
  password: Password,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const SignInInput = z.object({ email: Email, password: z.string().min(1).max(1024) });
