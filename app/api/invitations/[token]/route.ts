import { errorResponse, readJson } from "@/lib/api/route";
import { acceptInvitation } from "@/lib/db/accounts/invitations";
import { MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { AcceptInvitationInput, InvitationParams } from "@/lib/schemas/people";

export const dynamic = "force-dynamic";

// POST /api/invitations/:token { name, password } → 201 { id, email, role }: no session (the link is the credential);
// a used link → 409, an expired one → 409, an unknown one → 404, and nothing is written.
// Not through route(): it authenticates every caller, and the invitee has no account yet.
export async function POST(req: Request, context: { params: Promise<unknown> }): Promise<Response> {
  try {
    const { token } = InvitationParams.parse(await context.params);
    const input = await readJson(req, AcceptInvitationInput, MAX_REQUEST_BYTES);
    return Response.json(await acceptInvitation({ token, input }), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
