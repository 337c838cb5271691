import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { ZodType } from "zod";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import type { KeyedReply } from "~/components/keyed-form";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { saveGoalLinks } from "~/lib/goal-links-route.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { redirect } from "~/lib/responses.server";
import { getGoalLinks, listGoalOptions } from "~/models/goal-links.server";
import {
  addBudgetLine,
  addChapter,
  addGoal,
  closePlan,
  getPlan,
  publishReport,
  removeBudgetLine,
  removeChapter,
  removeGoal,
  submitPlanForConsent,
  updateChapter,
  updateGoal,
  updateReport,
} from "~/models/plans.server";
import {
  budgetLineSchema,
  chapterSchema,
  goalSchema,
  planStepSchema,
  reportSchema,
  submitPlanSchema,
} from "~/schemas/plans";

// What the plan page reads and what its forms post, apart from the page itself (route.tsx).

/** The plan as the viewer may see it, with the goal-link forms for those who keep it; null when hidden. */
export function loadPlanPage(viewer: Viewer, id: number) {
  const found = getPlan({ viewer, id });
  if (!found) return null;
  const linkable = found.canManage && found.plan.status !== "afgesloten";
  return {
    ...found,
    objectiveOptions: linkable ? listGoalOptions({ viewer, years: [] }).objectives : [],
    goalLinks: linkable
      ? Object.fromEntries(
          found.goals.map((g) => [g.id, getGoalLinks({ viewer, target: { kind: "planGoal", id: g.id } })]),
        )
      : {},
  };
}

const schemas: Record<string, ZodType> = {
  "chapter-add": chapterSchema,
  "chapter-edit": chapterSchema,
  "chapter-preview": chapterSchema,
  "goal-add": goalSchema,
  "goal-edit": goalSchema,
  "budget-add": budgetLineSchema,
  submit: submitPlanSchema,
  "report-save": reportSchema,
  "report-preview": reportSchema,
  close: planStepSchema,
  "report-publish": planStepSchema,
  "chapter-remove": planStepSchema,
  "goal-remove": planStepSchema,
  "budget-remove": planStepSchema,
};

export type Reply = KeyedReply & { preview?: string };

/** Runs one of the page's forms (by its intent) and answers as the form expects. */
export async function planAction(viewer: SignedInViewer, planId: number, formData: FormData) {
  const intent = String(formData.get("intent") ?? "");
  const back = `/jaarplannen/${planId}`;
  if (intent === "links") {
    const goalId = Number(formData.get("goalId")) || 0;
    return saveGoalLinks(viewer, { kind: "planGoal", id: goalId }, formData, back);
  }
  const schema = schemas[intent];
  if (!schema)
    return data(
      { formKey: "onbekend", result: { status: "error" as const, error: { "": ["Onbekende opdracht."] } } },
      { status: 400 },
    );
  const target = formData.get("chapterId") ?? formData.get("goalId") ?? formData.get("targetId");
  const formKey =
    intent.endsWith("-edit") || intent === "chapter-preview"
      ? `${intent.replace("-preview", "-edit")}-${target ?? "nieuw"}`
      : intent;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return data({ formKey, result: submission.reply() } satisfies Reply, unfinishedStatus(submission));
  const input = submission.value as Record<string, any>;
  try {
    switch (intent) {
      case "chapter-preview":
      case "report-preview":
        return {
          formKey: intent === "report-preview" ? "report-save" : formKey,
          result: submission.reply(),
          preview: renderMarkdown(input.bodyMarkdown ?? input.reportMarkdown ?? ""),
        } satisfies Reply;
      case "chapter-add":
        addChapter({ viewer, planId, input: { title: input.title, bodyMarkdown: input.bodyMarkdown } });
        break;
      case "chapter-edit":
        updateChapter({
          viewer,
          id: input.chapterId ?? 0,
          expectedVersion: input.version,
          input: { title: input.title, bodyMarkdown: input.bodyMarkdown },
        });
        break;
      case "chapter-remove":
        removeChapter({ viewer, id: input.targetId ?? 0 });
        break;
      case "goal-add":
      case "goal-edit": {
        const goal = {
          title: input.title,
          ownerName: input.ownerName || null,
          quarter: input.quarter ?? null,
          status: input.status,
          progressNote: input.progressNote,
        };
        if (intent === "goal-add") addGoal({ viewer, planId, input: goal });
        else updateGoal({ viewer, id: input.goalId ?? 0, expectedVersion: input.version, input: goal });
        break;
      }
      case "goal-remove":
        removeGoal({ viewer, id: input.targetId ?? 0 });
        break;
      case "budget-add":
        addBudgetLine({
          viewer,
          planId,
          input: { kind: input.kind, description: input.description, amountCents: input.amount },
        });
        break;
      case "budget-remove":
        removeBudgetLine({ viewer, id: input.targetId ?? 0 });
        break;
      case "submit":
        submitPlanForConsent({
          viewer,
          id: planId,
          expectedVersion: input.version,
          meetingId: input.meetingId ?? null,
          agendaItemId: input.agendaItemId ?? null,
        });
        break;
      case "close":
        closePlan({ viewer, id: planId, expectedVersion: input.version });
        break;
      case "report-save":
        updateReport({ viewer, id: planId, expectedVersion: input.version, reportMarkdown: input.reportMarkdown });
        break;
      case "report-publish":
        publishReport({ viewer, id: planId, expectedVersion: input.version });
        break;
    }
    return redirect(`${back}?gedaan=${intent}`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey, result: reply.data } satisfies Reply, { status: reply.init?.status ?? 400 });
  }
}
