import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { forbidden, notFound } from "~/auth/guards";
import type { SignedInViewer } from "~/auth/viewer";
import type { KeyedReply } from "~/components/keyed-form";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { askConfirmation, isConfirmed } from "~/lib/confirmation.server";
import { publishEditionText, removeSectionText } from "./confirmations";
import { renderMarkdown } from "~/lib/markdown.server";
import { redirect } from "~/lib/responses.server";
import { ConflictError, RuleError } from "~/models/errors";
import {
  addEditionImage,
  addSection,
  checkEdition,
  countEditionRecipients,
  deliveryProgress,
  getEdition,
  listContributors,
  listEditionImages,
  moveSection,
  publishEdition,
  removeSection,
  requestContribution,
  retryFailedDeliveries,
  sendTestMail,
  updateSection,
} from "~/models/newsletters.server";
import { newSectionSchema, sectionSchema } from "~/schemas/newsletters";

// What the edition editor reads and what its forms post, apart from the page itself (route.tsx).

export type Reply = KeyedReply & { preview?: string };

/** The edition with what its editor needs: images, contributors, the check, the sending progress. */
export function loadEditionEditor(viewer: SignedInViewer, slug: string, baseUrl: string) {
  const found = getEdition({ viewer, slug });
  if (!found) notFound("Deze nieuwsbrief bestaat niet.");
  if (!found.canManage) forbidden("Alleen de kwartiermaker bewerkt de nieuwsbrief.");
  return {
    ...found,
    images: found.canEdit ? listEditionImages({ viewer, editionId: found.edition.id }) : [],
    contributors: found.canEdit
      ? listContributors({ viewer }).map((p) => ({
          value: p.id,
          label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
        }))
      : [],
    check:
      found.edition.status === "concept"
        ? checkEdition({ viewer, editionId: found.edition.id, baseUrl: baseUrl })
        : null,
    progress:
      found.edition.status === "gepubliceerd" ? deliveryProgress({ viewer, editionId: found.edition.id }) : null,
    subscribers: found.canEdit ? countEditionRecipients({ viewer }) : 0,
  };
}

/** Runs one of the editor's forms (by its intent) and answers as the form expects. */
export async function editionAction(viewer: SignedInViewer, slug: string, formData: FormData, baseUrl: string) {
  const found = getEdition({ viewer, slug });
  if (!found) notFound("Deze nieuwsbrief bestaat niet.");
  const back = `/nieuwsbrieven/${found.edition.slug}/bewerken`;
  const intent = String(formData.get("intent") ?? "");
  const sectionId = Number(formData.get("sectionId")) || 0;
  const fail = (formKey: string, error: unknown) => {
    if (error instanceof ConflictError || error instanceof RuleError) {
      const messages = error instanceof ConflictError ? [error.message] : Object.values(error.fieldErrors).flat();
      return data({ formKey, result: { status: "error" as const, error: { "": messages } } } as Reply, {
        status: error instanceof ConflictError ? 409 : 400,
      });
    }
    throw error;
  };
  try {
    switch (intent) {
      case "section-edit":
      case "section-preview": {
        const submission = parseWithZod(formData, { schema: sectionSchema });
        const formKey = `section-${sectionId}`;
        if (submission.status !== "success")
          return data({ formKey, result: submission.reply() } satisfies Reply, unfinishedStatus(submission));
        if (intent === "section-preview")
          return {
            formKey,
            result: submission.reply(),
            preview: renderMarkdown(submission.value.bodyMarkdown),
          } satisfies Reply;
        try {
          updateSection({ viewer, id: sectionId, expectedVersion: submission.value.version, input: submission.value });
        } catch (error) {
          const reply = replyToModelError(submission, error);
          return data({ formKey, result: reply.data } satisfies Reply, { status: reply.init?.status ?? 400 });
        }
        break;
      }
      case "section-add": {
        const submission = parseWithZod(formData, { schema: newSectionSchema });
        if (submission.status !== "success")
          return data(
            { formKey: "section-add", result: submission.reply() } satisfies Reply,
            unfinishedStatus(submission),
          );
        addSection({ viewer, editionId: found.edition.id, input: submission.value });
        break;
      }
      case "section-up":
      case "section-down":
        moveSection({ viewer, id: sectionId, direction: intent === "section-up" ? "up" : "down" });
        break;
      case "section-remove": {
        const section = found.sections.find((s) => s.id === sectionId);
        if (section && !isConfirmed(formData)) return askConfirmation(formData, removeSectionText(section.title));
        removeSection({ viewer, id: sectionId });
        return redirect(`${back}?gedaan=verwijderd`);
      }
      case "contribution": {
        const personId = Number(formData.get("personId"));
        if (!personId)
          return data(
            {
              formKey: "contribution",
              result: { status: "error" as const, error: { "": ["Kies wie het blok schrijft."] } },
            } as Reply,
            { status: 400 },
          );
        await requestContribution({ viewer, sectionId, personId, baseUrl: baseUrl });
        return redirect(`${back}?gedaan=gevraagd#blok-${sectionId}`);
      }
      case "image": {
        const file = formData.get("bestand");
        try {
          const image = addEditionImage({
            viewer,
            editionId: found.edition.id,
            fileName: file instanceof File ? file.name : "",
            bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
            altText: String(formData.get("altText") ?? ""),
          });
          return redirect(`${back}?afbeelding=${image.id}#afbeeldingen`);
        } catch (error) {
          if (error instanceof RuleError)
            return data(
              {
                formKey: "image",
                result: { status: "error" as const, error: error.fieldErrors },
                altText: String(formData.get("altText") ?? ""),
              } as Reply & { altText: string },
              { status: 400 },
            );
          throw error;
        }
      }
      case "test-mail":
        await sendTestMail({ viewer, slug: found.edition.slug, baseUrl: baseUrl });
        return redirect(`${back}?gedaan=test`);
      case "publish":
        if (!isConfirmed(formData))
          return askConfirmation(formData, publishEditionText(countEditionRecipients({ viewer })));
        publishEdition({
          viewer,
          id: found.edition.id,
          expectedVersion: Number(formData.get("version")),
          baseUrl: baseUrl,
        });
        return redirect(`${back}?gedaan=gepubliceerd`);
      case "retry":
        retryFailedDeliveries({ viewer, editionId: found.edition.id });
        return redirect(`${back}?gedaan=opnieuw`);
      default:
        return data(
          {
            formKey: "onbekend",
            result: { status: "error" as const, error: { "": ["Onbekende opdracht."] } },
          } as Reply,
          { status: 400 },
        );
    }
    return redirect(`${back}?gedaan=opgeslagen#blok-${sectionId || "nieuw"}`);
  } catch (error) {
    return fail(intent, error);
  }
}
