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

/** PUT /api/profile/password: the current password proves it is the person, not just their open tab. */
export const ChangePasswordInput = z.strictObject({ currentPassword: z.string().min(1, "must not be empty").max(1024), newPassword: Password });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
