// Nothing is mailed or deleted by a single post (issue 20): the route answers a post without
// `bevestigd=ja` with the question what will happen, and acts only on the confirmed post.
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { mailToOutbox } from "../mail-env";
import { makeBody, makeMembership, makePerson, makeViewer } from "../factories";
import { newsletterDeliveries, subscribers } from "../../db/schema";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import type { SignedInViewer } from "../../app/auth/viewer";
import { getDb } from "../../app/lib/db.server";
import { instantFromAmsterdam } from "../../app/lib/format";
import { listOutbox } from "../../app/lib/mail.server";
import { addAgendaItem } from "../../app/models/agenda.server";
import { addDocument, listDocumentsForItem } from "../../app/models/documents.server";
import { createMeeting, getMeeting } from "../../app/models/meetings.server";
import { createEdition, getEdition, updateSection } from "../../app/models/newsletters.server";
import { hashEmail } from "../../app/models/subscribers.server";
import { createSession } from "../../app/models/sessions.server";
import { action as meetingAction } from "../../app/routes/vergaderingen.$id._index";
import { action as itemAction } from "../../app/routes/vergaderingen.$id.agenda.$itemId._index";
import { action as papersAction } from "../../app/routes/vergaderingen.$id.agenda.$itemId.stukken";
import { action as editionAction } from "../../app/routes/nieuwsbrieven.$slug.bewerken/route";

mailToOutbox();

/** Posts a form to a route's action as the viewer would from the browser. */
async function post(
  run: (args: ActionFunctionArgs) => Promise<unknown>,
  viewer: SignedInViewer,
  path: string,
  params: Record<string, string>,
  fields: Record<string, string>,
) {
  const { token } = createSession({ userId: viewer.userId });
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: {
      cookie: `${SESSION_COOKIE}=${token}`,
      origin: "http://localhost",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields),
  });
  try {
    const answer = await run({ request, params, context: {} });
    return answer instanceof Response ? answer : ((answer as { data?: unknown }).data ?? answer);
  } catch (thrown) {
    return thrown;
  }
}

async function concept() {
  const body = makeBody({ name: "Stuurgroep Bevestigen" });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  makeMembership({ bodyId: body.id, personId: secretary.personId, role: "secretaris" });
  makeMembership({ bodyId: body.id, personId: makePerson({ name: "Burgemeester A", email: "a@gemeente.example" }).id });
  makeMembership({ bodyId: body.id, personId: makePerson({ name: "Directeur B", email: "b@partner.example" }).id });
  const { id } = createMeeting({
    viewer: secretary,
    input: {
      bodyId: body.id,
      date: "2031-03-12",
      startTime: "13:30",
      endTime: "15:30",
      location: "Hengelo",
      isPublic: true,
    },
  });
  const item = addAgendaItem({
    viewer: secretary,
    meetingId: id,
    input: { section: "B", subject: "Jaarplan 2031", proposalMarkdown: "Vast te stellen.", isConfidential: false },
  });
  return { secretary, id, item };
}

describe("publishing an agenda", () => {
  it("asks first, saying how many invitees get a mail; only the confirmed post publishes and mails", async () => {
    const { secretary, id } = await concept();
    const params = { id: String(id) };
    const asked = await post(meetingAction, secretary, `/vergaderingen/${id}`, params, {
      intent: "publish",
      version: "1",
    });
    expect(asked).toMatchObject({
      confirmation: {
        question: expect.stringContaining("3 genodigden krijgen een e-mail"),
        confirmLabel: "Publiceren en mailen",
      },
    });
    expect(getMeeting({ viewer: secretary, id })!.status).toBe("concept");
    expect(listOutbox()).toHaveLength(0);

    const fields = Object.fromEntries((asked as { confirmation: { fields: [string, string][] } }).confirmation.fields);
    await post(meetingAction, secretary, `/vergaderingen/${id}`, params, { ...fields, bevestigd: "ja" });
    expect(getMeeting({ viewer: secretary, id })!.status).toBe("gepubliceerd");
    expect(listOutbox()).toHaveLength(3);

    // Mailing the changed agenda is asked for the same way.
    const again = await post(meetingAction, secretary, `/vergaderingen/${id}`, params, { intent: "mail-changes" });
    expect(again).toMatchObject({ confirmation: { title: "Gewijzigde agenda mailen?" } });
    expect(listOutbox()).toHaveLength(3);
  });
});

describe("deleting", () => {
  it("a paper and an agenda item stay until the removal is confirmed", async () => {
    const { secretary, id, item } = await concept();
    addDocument({
      viewer: secretary,
      agendaItemId: item.id,
      title: "Adviesnota jaarplan",
      isConfidential: false,
      content: { markdown: "Het jaarplan is klaar." },
    });
    const [paper] = listDocumentsForItem({ viewer: secretary, agendaItemId: item.id }).documents;
    const items = () => getMeeting({ viewer: secretary, id })!.sections.flatMap((s) => s.items.map((i) => i.id));
    const params = { id: String(id), itemId: String(item.id) };
    const path = `/vergaderingen/${id}/agenda/${item.id}`;
    const asked = await post(papersAction, secretary, `${path}/stukken`, params, {
      intent: "remove-document",
      documentId: String(paper!.id),
    });
    expect(asked).toMatchObject({
      confirmation: { question: expect.stringContaining("‘Adviesnota jaarplan’ verdwijnt van agendapunt B1") },
    });
    expect(listDocumentsForItem({ viewer: secretary, agendaItemId: item.id }).documents).toHaveLength(1);

    const askedItem = await post(itemAction, secretary, path, params, { intent: "remove", itemId: String(item.id) });
    expect(askedItem).toMatchObject({
      confirmation: {
        question: expect.stringContaining("‘Jaarplan 2031’ verdwijnt van de agenda, met het stuk erbij"),
      },
    });
    expect(items()).toContain(item.id);

    await post(papersAction, secretary, `${path}/stukken`, params, {
      intent: "remove-document",
      documentId: String(paper!.id),
      bevestigd: "ja",
    });
    expect(listDocumentsForItem({ viewer: secretary, agendaItemId: item.id }).documents).toHaveLength(0);
    await post(itemAction, secretary, path, params, { intent: "remove", itemId: String(item.id), bevestigd: "ja" });
    expect(items()).not.toContain(item.id);
  });
});

describe("sending an edition", () => {
  it("asks first, saying how many subscribers get it; an unconfirmed post queues nothing", async () => {
    const kwartiermaker = await makeViewer({ role: "kwartiermaker" });
    for (const email of ["een@gemeente.example", "twee@gemeente.example", "drie@gemeente.example"])
      getDb()
        .insert(subscribers)
        .values({ email, emailHash: hashEmail(email), status: "bevestigd" })
        .run();
    createEdition({
      viewer: kwartiermaker,
      input: { title: "Nieuwsbrief maart", slug: "maart", period: "", meetingId: null },
    });
    const intro = getEdition({ viewer: kwartiermaker, slug: "maart" })!.sections[0]!;
    updateSection({
      viewer: kwartiermaker,
      id: intro.id,
      expectedVersion: intro.version,
      input: { title: intro.title, bodyMarkdown: "Het convenant is getekend." },
    });
    const { edition, sections } = getEdition({ viewer: kwartiermaker, slug: "maart" })!;
    const params = { slug: "maart" };
    const path = "/nieuwsbrieven/maart/bewerken";
    const asked = await post(editionAction, kwartiermaker, path, params, {
      intent: "publish",
      version: String(edition.version),
    });
    expect(asked).toMatchObject({
      confirmation: { question: expect.stringContaining("3 abonnees krijgen deze editie") },
    });
    expect(getEdition({ viewer: kwartiermaker, slug: "maart" })!.edition.status).toBe("concept");
    expect(getDb().select().from(newsletterDeliveries).all()).toHaveLength(0);

    const removal = await post(editionAction, kwartiermaker, path, params, {
      intent: "section-remove",
      sectionId: String(sections[1]!.id),
    });
    expect(removal).toMatchObject({ confirmation: { title: "Blok verwijderen?" } });
    expect(getEdition({ viewer: kwartiermaker, slug: "maart" })!.sections).toHaveLength(sections.length);

    await post(editionAction, kwartiermaker, path, params, {
      intent: "publish",
      version: String(edition.version),
      bevestigd: "ja",
    });
    expect(getEdition({ viewer: kwartiermaker, slug: "maart" })!.edition.status).toBe("gepubliceerd");
    expect(getDb().select().from(newsletterDeliveries).all()).toHaveLength(3);
  });
});

describe("an unusual meeting date", () => {
  it("is asked about once when a meeting moves to it, and not again when only the time changes", async () => {
    const { secretary, id } = await concept();
    const params = { id: String(id) };
    const move = (fields: Record<string, string>) =>
      post(meetingAction, secretary, `/vergaderingen/${id}`, params, {
        intent: "move",
        version: String(getMeeting({ viewer: secretary, id })!.version),
        ...fields,
      });
    const asked = await move({ date: "2031-03-16", startTime: "13.30", endTime: "15.30" });
    expect(asked).toMatchObject({ dateWarning: { messages: ["16 maart 2031 is een zondag."] } });
    expect(getMeeting({ viewer: secretary, id })!.startsAt).toBe(instantFromAmsterdam("2031-03-12", "13:30"));
    await move({ date: "2031-03-16", startTime: "13.30", endTime: "15.30", datumAkkoord: "2031-03-16" });
    expect(getMeeting({ viewer: secretary, id })!.startsAt).toBe(instantFromAmsterdam("2031-03-16", "13:30"));
    // The same Sunday, another time: no second question.
    const retimed = await move({ date: "2031-03-16", startTime: "10.00", endTime: "12.00" });
    expect(retimed).toMatchObject({ done: "De vergadering is verplaatst." });
    expect(getMeeting({ viewer: secretary, id })!.startsAt).toBe(instantFromAmsterdam("2031-03-16", "10:00"));
  });
});
