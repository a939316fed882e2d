/** The admin console's sections, in the order the sub-navigation and the overview list them. */
export const adminSections = [
  { href: "/admin/people", label: "People", about: "Invite people, create accounts, change roles, deactivate, reset passwords and unlock after failed sign-ins." },
  { href: "/admin/profile-fields", label: "Profile fields", about: "Define annotator attributes such as political leaning, language or expertise, used to balance panels." },
  { href: "/admin/labels", label: "Labels", about: "Add, rename, recolour, reorder and retire labels, set their shortcuts and attribute fields." },
  { href: "/admin/guidelines", label: "Guidelines", about: "Edit the annotation guideline, versioned, with who changed what and when." },
  { href: "/admin/sources", label: "Sources", about: "Edit sources, merge duplicates and delete sources without articles." },
  { href: "/admin/audit", label: "Audit log", about: "Every change, by whom and when, with before and after; filter and download as CSV." },
] as const;
