import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/schemas/user";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
  }
  interface Session {
    user: DefaultSession["user"] & { id: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    /** The Session row this cookie stands for; deleting it ends the session. */
    sid: string;
  }
}
