import type { Viewer } from "~/auth/viewer";
import { addCommitment, recordDecision, updateDecision } from "~/models/decisions.server";
import { ConflictError, RuleError } from "~/models/errors";
import { checkInInvitee, closeMeeting, startItem } from "~/models/meeting-mode.server";
import { meetingModeSchema, plainValues } from "~/schemas/meeting-mode";

// What a form of the meeting mode asks, carried out: the page's action (plain forms, without
// JavaScript) and the background route (the same forms posted by the page's script) both come here,
// so the two ways of saving cannot drift apart.

export type MeetingModeReply =
  | {
      ok: true;
      intent: string;
      message: string;
      /** Where the page goes next (without JavaScript). */
      location: string;
      decisionId?: number;
      version?: number;
    }
  | {
      ok: false;
      status: number;
      intent: string | null;
      /** Which form answered: the decision's id or "nieuw", for the page to put the message by it. */
      formKey: string | null;
      fieldErrors: Record<string, string[]>;
      formErrors: string[];
      values: Record<string, string>;
      /** After a conflict: what is saved now, with its version, so the form can save over it on purpose. */
      saved?: Record<string, unknown>;
    };

export function carryOutMeetingMode({
  viewer,
  meetingId,
  formData,
}: {
  viewer: Viewer;
  meetingId: number;
  formData: FormData;
}): MeetingModeReply {
  const values = plainValues(formData);
  const formKey = values.intent === "decision" ? (values.decisionId ?? "nieuw") : (values.decisionId ?? null);
  const here = (itemId?: string | number) =>
    `/vergaderingen/${meetingId}/vergadermodus${itemId ? `?punt=${itemId}` : ""}`;
  const refused = (
    status: number,
    fieldErrors: Record<string, string[]>,
    formErrors: string[] = [],
    saved?: Record<string, unknown>,
  ) => ({ ok: false, status, intent: values.intent ?? null, formKey, fieldErrors, formErrors, values, saved }) as const;
  const parsed = meetingModeSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return refused(400, fieldErrors);
  }
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "start":
        startItem({ viewer, meetingId, itemId: input.itemId });
        return {
          ok: true,
          intent: input.intent,
          message: "Het agendapunt is in bespreking.",
          location: here(input.itemId),
        };
      case "checkin":
        checkInInvitee({ viewer, meetingId, inviteeId: input.inviteeId });
        return {
          ok: true,
          intent: input.intent,
          message: "Aanwezig gemeld.",
          location: `${here(values.punt)}#aanwezigheid`,
        };
      case "close":
        closeMeeting({ viewer, meetingId });
        return {
          ok: true,
          intent: input.intent,
          message: "De vergadering is gesloten.",
          location: `/vergaderingen/${meetingId}/besluitenlijst`,
        };
      case "decision": {
        const fields = {
          outcome: input.outcome,
          textMarkdown: input.textMarkdown,
          discussionMarkdown: input.discussionMarkdown,
          isConfidential: input.isConfidential,
        };
        if (input.decisionId) {
          if (!input.version) return refused(400, { "": ["Laad de pagina opnieuw en probeer het nog eens."] });
          updateDecision({ viewer, id: input.decisionId, expectedVersion: input.version, input: fields });
          return {
            ok: true,
            intent: input.intent,
            message: "Besluit en verslag opgeslagen in de concept-besluitenlijst.",
            location: here(input.itemId),
            decisionId: input.decisionId,
            version: input.version + 1,
          };
        }
        const { id, reference } = recordDecision({
          viewer,
          agendaItemId: input.itemId,
          input: { ...fields, commitments: [] },
        });
        return {
          ok: true,
          intent: input.intent,
          message: `Besluit ${reference} vastgelegd in de concept-besluitenlijst.`,
          location: here(input.itemId),
          decisionId: id,
          version: 1,
        };
      }
      case "commitment":
        addCommitment({
          viewer,
          decisionId: input.decisionId,
          input: { description: input.description, personId: input.personId, dueOn: input.dueOn ?? null },
        });
        return { ok: true, intent: input.intent, message: "Toezegging vastgelegd.", location: here(values.punt) };
    }
  } catch (error) {
    if (error instanceof ConflictError) return refused(409, {}, [error.message], error.saved);
    if (error instanceof RuleError) return refused(400, error.fieldErrors);
    throw error;
  }
}
