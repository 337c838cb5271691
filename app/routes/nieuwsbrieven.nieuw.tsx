import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageRoute, redirect } from "~/lib/responses.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, FormErrors, SelectField, TextField } from "~/components/form";
import { useKeyedForm, type KeyedReply } from "~/components/keyed-form";
import { validateWith } from "~/components/validate-with";
import { requireUser } from "~/auth/permissions.server";
import { formatDay } from "~/lib/format";
import { replyToModelError, unfinishedStatus } from "~/lib/form-reply.server";
import { createEdition, listEditionMeetings } from "~/models/newsletters.server";
import { createEditionSchema } from "~/schemas/newsletters";
import { slugFromTitle } from "~/lib/slug";

export const meta: MetaFunction = () => [{ title: "Nieuwe nieuwsbrief · Gremium" }];

export const loader = pageRoute(async ({ request }: LoaderFunctionArgs) => {
  return { meetings: listEditionMeetings({ viewer: requireUser(request) }) };
});

export const action = pageRoute(async ({ request }: ActionFunctionArgs) => {
  const viewer = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: createEditionSchema });
  if (submission.status !== "success")
    return data({ formKey: "create", result: submission.reply() } satisfies KeyedReply, unfinishedStatus(submission));
  try {
    const { slug } = createEdition({
      viewer,
      input: { ...submission.value, meetingId: submission.value.meetingId ?? null },
    });
    return redirect(`/nieuwsbrieven/${slug}/bewerken`);
  } catch (error) {
    const reply = replyToModelError(submission, error);
    return data({ formKey: "create", result: reply.data } satisfies KeyedReply, { status: reply.init?.status ?? 400 });
  }
});

export default function NewEdition() {
  const { meetings } = useLoaderData<typeof loader>();
  const [form, fields] = useKeyedForm(
    validateWith(createEditionSchema),
    "create",
    useActionData<typeof action>() as KeyedReply,
    {
      defaultValue: { meetingId: meetings[0] ? String(meetings[0].id) : "" },
    },
  );
  return (
    <>
      <Breadcrumb items={[{ to: "/nieuwsbrieven", label: "Nieuwsbrieven" }]} />
      <h1 className="nl-heading nl-heading--level-1">Nieuwe nieuwsbrief</h1>
      <p className="nl-paragraph">
        Gremium maakt een concept met de blokken van de nieuwsbrief, gevuld met wat openbaar is: de besluiten van de
        gekozen stuurgroep, de voortgang per themagroep en van de opgaven, en de komende vergaderingen. U past alles
        daarna aan.
      </p>
      <Form
        method="post"
        {...getFormProps(form)}
        className="gremium-form"
        onInput={(event) => {
          // The address follows the title until it is typed in by hand.
          const target = event.target as HTMLInputElement;
          const slug = event.currentTarget.elements.namedItem(fields.slug!.name) as HTMLInputElement | null;
          if (!slug) return;
          if (target === slug) slug.dataset.typed = slug.value ? "ja" : "";
          else if (target.name === fields.title!.name && !slug.dataset.typed) slug.value = slugFromTitle(target.value);
        }}
      >
        <FormErrors form={form} />
        <TextField field={fields.title!} label="Titel" description="Bijvoorbeeld: Nieuwsbrief december 2026." />
        <TextField
          field={fields.slug!}
          label="Webadres"
          optional
          description="Voorgesteld uit de titel, bijvoorbeeld december-2026 voor /nieuwsbrieven/december-2026. Leeg gelaten maakt Gremium het zelf."
        />
        <TextField
          field={fields.period!}
          label="Periode"
          optional
          description="Bijvoorbeeld: oktober – december 2026."
        />
        <SelectField
          field={fields.meetingId!}
          label="Na de vergadering van de stuurgroep"
          optional
          placeholder="Geen vergadering"
          options={meetings.map((m) => ({ value: m.id, label: `${m.bodyName}, ${formatDay(m.startsAt)}` }))}
        />
        <Button variant="primary">Concept maken</Button>
      </Form>
    </>
  );
}
