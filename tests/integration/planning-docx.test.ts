import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { makeBody, makeMembership, makeViewer } from "../factories";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { createMeeting, publishAgenda } from "../../app/models/meetings.server";
import { addTopic } from "../../app/models/planning.server";
import { createSession } from "../../app/models/sessions.server";
import { loader } from "../../app/routes/gremia.$slug.planning[.]docx";

async function download(slug: string, year: string, token?: string) {
  const request = new Request(`http://localhost/gremia/${slug}/planning.docx?jaar=${year}`, {
    headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {},
  });
  const response = (await loader({ request, params: { slug }, context: {} })) as Response;
  return {
    response,
    text: (await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })).value,
  };
}

describe("the bestuursagenda as a Word document", () => {
  it("lists a year's meetings with their topics, besloten topics for members only", async () => {
    const body = makeBody({ kind: "stuurgroep", name: "Stuurgroep ZVS", shortName: "Stuurgroep ZVS" });
    const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
    const member = await makeViewer({ role: "lid", memberBodyIds: [body.id] });
    makeMembership({ bodyId: body.id, personId: member.personId });
    const { id: meetingId } = createMeeting({
      viewer: secretary,
      input: {
        bodyId: body.id,
        date: "2031-03-13",
        startTime: "10:00",
        endTime: "12:00",
        location: "Twentehuis",
        isPublic: true,
      },
    });
    publishAgenda({ viewer: secretary, id: meetingId, expectedVersion: 1 });
    const topic = {
      purpose: "besluitvorming" as const,
      ownerName: "Fleur Hendriks",
      quarter: null,
      isConfidential: false,
    };
    addTopic({ viewer: secretary, bodyId: body.id, input: { ...topic, subject: "Meerjarenkoers 2032", meetingId } });
    addTopic({
      viewer: secretary,
      bodyId: body.id,
      input: { ...topic, subject: "Casus nazorg GEHEIM", meetingId, isConfidential: true },
    });
    addTopic({
      viewer: secretary,
      bodyId: body.id,
      input: { ...topic, subject: "Evaluatie", meetingId: null, quarter: "2031-K4" },
    });
    addTopic({
      viewer: secretary,
      bodyId: body.id,
      input: { ...topic, subject: "Later jaar", meetingId: null, quarter: "2032-K1" },
    });

    const { token } = createSession({ userId: member.userId });
    const members = await download(body.slug, "2031", token);
    expect(members.response.headers.get("content-disposition")).toContain(`bestuursagenda-${body.slug}-2031.docx`);
    expect(members.text).toContain("Bestuursagenda Stuurgroep ZVS 2031");
    expect(members.text).toContain("donderdag 13 maart 2031, Twentehuis");
    expect(members.text).toContain("Meerjarenkoers 2032");
    expect(members.text).toContain("Casus nazorg GEHEIM (besloten)");
    expect(members.text).toContain("Evaluatie");
    expect(members.text).not.toContain("Later jaar");

    const anonymous = await download(body.slug, "2031");
    expect(anonymous.text).toContain("Meerjarenkoers 2032");
    expect(anonymous.text).not.toContain("GEHEIM");
  });

  it("answers 404 for a year that is not a year", async () => {
    const body = makeBody();
    await expect(download(body.slug, "twintig")).rejects.toMatchObject({ status: 404 });
  });
});
