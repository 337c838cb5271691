import type { ActionFunctionArgs } from "@remix-run/node";
import { requireIdParam } from "~/auth/guards";
import { requireUser } from "~/auth/permissions.server";
import { addUploadedPapers, readUploadForm } from "~/lib/paper-upload.server";
import { resourceRoute } from "~/lib/responses.server";
import { RuleError } from "~/models/errors";

/**
 * One file of a multiple upload, sent on its own by the papers page's script so each file shows its
 * own progress. Answers JSON: the paper's title, or the Dutch reason it was refused. The page's own
 * form (without JavaScript) posts all files at once to the page instead.
 */
export const action = resourceRoute(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const agendaItemId = requireIdParam(params.itemId);
  const { formData, tooLarge } = await readUploadForm(request);
  if (tooLarge)
    return Response.json({ error: "Het bestand is groter dan 25 MB; het maximum is 25 MB." }, { status: 413 });
  const file = formData.get("file");
  if (!(file instanceof File) || !file.name) return Response.json({ error: "Kies een bestand." }, { status: 400 });
  const title =
    String(formData.get("title") ?? "")
      .trim()
      .slice(0, 200) || undefined;
  try {
    const [added] = await addUploadedPapers({
      viewer,
      agendaItemId,
      files: [file],
      title,
      isConfidential: formData.get("isConfidential") === "on",
    });
    return Response.json({ title: added });
  } catch (error) {
    if (error instanceof RuleError)
      return Response.json({ error: Object.values(error.fieldErrors).flat().join(" ") }, { status: 400 });
    throw error;
  }
});
