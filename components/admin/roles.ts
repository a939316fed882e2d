import type { Role } from "@/lib/schemas/user";

export const roleOptions: { value: Role; label: string }[] = [
  { value: "ANALYST", label: "Analyst" },
  { value: "REVIEWER", label: "Reviewer" },
  { value: "ADMIN", label: "Admin" },
];

