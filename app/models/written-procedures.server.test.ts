import { describe, expect, it } from "vitest";
import { mailToOutbox } from "../../tests/mail-env";
import { makeBody, makeMembership, makePerson, makeViewer } from "../../tests/factories";
import { instantFromAmsterdam } from "~/lib/format";
import { listOutbox, readOutboxMessage } from "~/lib/mail.server";
import type { WrittenRule } from "~/lib/vocabulary";
import { listAuditEntries } from "./audit.server";
import { getDecisionList } from "./decisions.server";
import { composeDecisionList } from "./decision-list-document.server";
import { ConflictError, NotFound, RuleError } from "./errors";
import { createMeeting, publishAgenda } from "./meetings.server";
import {
  answerByLink,
  answerWrittenProcedure,
  closeWrittenProcedure,
  getProcedureByLink,
  getWrittenPaper,
  getWrittenProcedure,
  listProceduresAwaitingAnswer,
  remindWrittenProcedures,
  sendWrittenProcedure,
} from "./written-procedures.server";

mailToOutbox();

const sentAt = instantFromAmsterdam("2026-12-01", "09:00");
const deadlineAt = instantFromAmsterdam("2026-12-08", "17:00");

/** The personal link of a mail in the outbox, to this address, newest first. */
function linkFor(address: string) {
  const message = listOutbox().find((entry) => entry.to.includes(address));
  if (!message) throw new Error(`geen mail aan ${address}`);
  const text = readOutboxMessage(message.file)!
    .toString("utf8")
    .replace(/=\r?\n/g, "");
  return { subject: message.subject, text, token: text.match(/\/antwoord\/([a-z0-9]{20,})/)![1]! };
}

async function stuurgroep({ rule = "tenzij-bezwaar" as WrittenRule, quorum = 50 } = {}) {
  const body = makeBody({ kind: "stuurgroep", code: "SG", writtenRule: rule, writtenQuorumPercent: quorum });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [body.id] });
  makeMembership({ bodyId: body.id, personId: secretary.personId, role: "secretaris" });
  const members = await Promise.all(
    ["Anna", "Bert", "Cees"].map(async (name) => {
      const viewer = await makeViewer({ role: "lid", name, memberBodyIds: [body.id] });
      makeMembership({ bodyId: body.id, personId: viewer.personId, role: "lid" });
      return viewer;
    }),
  );
  // An adviser is a member but does not vote.
  makeMembership({ bodyId: body.id, personId: makePerson({ name: "Adviseur" }).id, role: "adviseur" });
  return { body, secretary, members };
}

async function sendOne(setup: Awaited<ReturnType<typeof stuurgroep>>, isConfidential = false) {
  return sendWrittenProcedure({
    viewer: setup.secretary,
    bodyId: setup.body.id,
    input: {
      title: "Subsidie crisisbedden",
      proposalMarkdown: "De stuurgroep stemt **in**.",
      isConfidential,
      deadlineAt,
    },
    baseUrl: "https://gremium.test",
    now: sentAt,
  });
}

describe("written procedures", () => {
  it("mails each voting member a personal link and numbers the round per body and year", async () => {
    const setup = await stuurgroep();
    const { reference } = await sendOne(setup);
    expect(reference).toBe("SG-2026-S1");
    expect((await sendOne(setup)).reference).toBe("SG-2026-S2");
    const anna = linkFor(setup.members[0]!.email);
    expect(anna.subject).toContain("Schriftelijke ronde SG-2026-S");
    expect(anna.text).toContain("De stuurgroep stemt **in**.");
    expect(listOutbox().some((entry) => entry.to.includes("Adviseur"))).toBe(false);
    expect(listOutbox().some((entry) => entry.to.includes(setup.secretary.email))).toBe(false);
    expect(listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries[0]!.action).toBe(
      "written-procedure.send",
    );
  });

  it("sends papers along: for the body's members and the unused link, for no one else; a bad file is refused", async () => {
    const setup = await stuurgroep();
    const text = new TextEncoder().encode("Toelichting bij het voorstel.");
    const { id } = await sendWrittenProcedure({
      viewer: setup.secretary,
      bodyId: setup.body.id,
      input: {
        title: "Met stukken",
        proposalMarkdown: "Zie de toelichting.",
        isConfidential: true,
        deadlineAt,
        papers: [{ fileName: "toelichting-crisisbedden.txt", bytes: text }],
      },
      baseUrl: "https://gremium.test",
      now: sentAt,
    });
    const procedure = getWrittenProcedure({ viewer: setup.members[0]!, id })!;
    expect(procedure.papers.map((p) => p.fileName)).toEqual(["toelichting-crisisbedden.txt"]);
    const paperId = procedure.papers[0]!.id;
    expect(linkFor(setup.members[0]!.email).text).toMatch(/Stukken \(te openen via de link hieronder\): /);
    expect(getWrittenPaper({ viewer: setup.members[0]!, procedureId: id, paperId })?.contentType).toMatch(
      /^text\/plain/,
    );
    const outsider = await makeViewer({ role: "lid" });
    expect(getWrittenPaper({ viewer: outsider, procedureId: id, paperId })).toBeNull();
    expect(getWrittenPaper({ viewer: null, procedureId: id, paperId, token: "verzonnen" })).toBeNull();
    const { token } = linkFor(setup.members[1]!.email);
    expect(getWrittenPaper({ viewer: null, procedureId: id, paperId, token })).not.toBeNull();
    answerByLink({ token, slug: setup.body.slug, answer: "instemmen", remark: "", now: sentAt + 1000 });
    expect(getWrittenPaper({ viewer: null, procedureId: id, paperId, token })).toBeNull();
    await expect(
      sendWrittenProcedure({
        viewer: setup.secretary,
        bodyId: setup.body.id,
        input: {
          title: "Vals",
          proposalMarkdown: "X",
          isConfidential: false,
          deadlineAt,
          papers: [{ fileName: "rapport.pdf", bytes: text }],
        },
        baseUrl: "https://gremium.test",
        now: sentAt,
      }),
    ).rejects.toThrow(RuleError);
  });

  it("keeps a besloten proposal out of the mail: title and link only", async () => {
    const setup = await stuurgroep();
    await sendOne(setup, true);
    const mail = linkFor(setup.members[1]!.email);
    expect(mail.text).not.toContain("stemt **in**");
    expect(mail.text).toContain("besloten");
  });

  it("takes one answer through the mailed link, once; the member can still change it signed in", async () => {
    const setup = await stuurgroep();
    const { id } = await sendOne(setup);
    const [anna] = setup.members;
    const { token } = linkFor(anna!.email);
    expect(getProcedureByLink({ token, slug: setup.body.slug })?.personName).toBe("Anna");
    expect(getProcedureByLink({ token, slug: "ander-gremium" })).toBeNull();
    answerByLink({ token, slug: setup.body.slug, answer: "niet-instemmen", remark: "Te duur", now: sentAt + 1000 });
    expect(() =>
      answerByLink({ token, slug: setup.body.slug, answer: "instemmen", remark: "", now: sentAt + 2000 }),
    ).toThrow(NotFound);
    const seen = getWrittenProcedure({ viewer: anna!, id })!;
    expect(seen.ownAnswer).toMatchObject({ answer: "niet-instemmen", remark: "Te duur" });
    // A form opened before the link was used is a conflict, not a silent overwrite.
    expect(() =>
      answerWrittenProcedure({
        viewer: anna!,
        id,
        answer: "instemmen",
        remark: "",
        expectedVersion: 1,
        now: sentAt + 3000,
      }),
    ).toThrow(ConflictError);
    answerWrittenProcedure({
      viewer: anna!,
      id,
      answer: "instemmen",
      remark: "Toch akkoord",
      expectedVersion: seen.ownAnswer!.version,
      now: sentAt + 4000,
    });
    expect(getWrittenProcedure({ viewer: anna!, id })!.ownAnswer?.answer).toBe("instemmen");
    // After the deadline nothing is answered any more.
    expect(() =>
      answerWrittenProcedure({
        viewer: anna!,
        id,
        answer: "onthouden",
        remark: "",
        expectedVersion: 3,
        now: deadlineAt + 1,
      }),
    ).toThrow(RuleError);
  });

  it("closes only after the deadline or when all answered; 'tenzij bezwaar' rejects on one objection", async () => {
    const setup = await stuurgroep();
    const { id } = await sendOne(setup);
    for (const [index, answer] of (["instemmen", "niet-instemmen"] as const).entries()) {
      const { token } = linkFor(setup.members[index]!.email);
      answerByLink({ token, slug: setup.body.slug, answer, remark: "", now: sentAt + 1000 });
    }
    expect(() =>
      closeWrittenProcedure({ viewer: setup.secretary, id, expectedVersion: 1, now: sentAt + 5000 }),
    ).toThrow(/nog niet geantwoord/);
    expect(() =>
      closeWrittenProcedure({ viewer: setup.members[0]!, id, expectedVersion: 1, now: deadlineAt + 1 }),
    ).toThrow(/secretariaat/);
    expect(closeWrittenProcedure({ viewer: setup.secretary, id, expectedVersion: 1, now: deadlineAt + 1 })).toBe(
      "verworpen",
    );
    expect(getWrittenProcedure({ viewer: setup.members[2]!, id })).toMatchObject({
      status: "gesloten",
      outcome: "verworpen",
    });
  });

  it("a majority with a quorum: too few answers give no decision", async () => {
    const setup = await stuurgroep({ rule: "meerderheid", quorum: 60 });
    const { id } = await sendOne(setup);
    const { token } = linkFor(setup.members[0]!.email);
    answerByLink({ token, slug: setup.body.slug, answer: "instemmen", remark: "", now: sentAt + 1000 });
    expect(closeWrittenProcedure({ viewer: setup.secretary, id, expectedVersion: 1, now: deadlineAt + 1 })).toBe(
      "geen-quorum",
    );
  });

  it("reminds those who have not answered, once, a day before the deadline, with a new link", async () => {
    const setup = await stuurgroep();
    const { id } = await sendOne(setup);
    const first = linkFor(setup.members[1]!.email).token;
    const { token } = linkFor(setup.members[0]!.email);
    answerByLink({ token, slug: setup.body.slug, answer: "instemmen", remark: "", now: sentAt + 1000 });
    expect(await remindWrittenProcedures({ baseUrl: "https://gremium.test", now: sentAt + 2000 })).toBe(0);
    const dayBefore = deadlineAt - 20 * 60 * 60_000;
    expect(await remindWrittenProcedures({ baseUrl: "https://gremium.test", now: dayBefore })).toBe(2);
    expect(await remindWrittenProcedures({ baseUrl: "https://gremium.test", now: dayBefore + 60_000 })).toBe(0);
    const reminder = linkFor(setup.members[1]!.email);
    expect(reminder.subject).toMatch(/^Herinnering/);
    // Only the newest link works.
    expect(getProcedureByLink({ token: first, slug: setup.body.slug })).toBeNull();
    expect(getProcedureByLink({ token: reminder.token, slug: setup.body.slug })?.id).toBe(id);
    expect(listProceduresAwaitingAnswer({ viewer: setup.members[1]!, now: dayBefore }).map((p) => p.id)).toEqual([id]);
    expect(listProceduresAwaitingAnswer({ viewer: setup.members[0]!, now: dayBefore })).toEqual([]);
    expect(listProceduresAwaitingAnswer({ viewer: setup.members[1]!, now: deadlineAt + 1 })).toEqual([]);
  });

  it("is listed on the body's next besluitenlijst under 'Schriftelijk besloten': for its members, not yet for the public", async () => {
    const setup = await stuurgroep();
    const { id: meetingId } = createMeeting({
      viewer: setup.secretary,
      input: {
        bodyId: setup.body.id,
        date: "2026-12-17",
        startTime: "10:00",
        endTime: "12:00",
        location: "Hengelo",
        isPublic: true,
      },
    });
    publishAgenda({ viewer: setup.secretary, id: meetingId, expectedVersion: 1 });
    const { id } = await sendOne(setup);
    const besloten = await sendOne(setup, true);
    closeWrittenProcedure({ viewer: setup.secretary, id, expectedVersion: 1, now: deadlineAt + 1 });
    closeWrittenProcedure({ viewer: setup.secretary, id: besloten.id, expectedVersion: 1, now: deadlineAt + 1 });
    const list = getDecisionList({ viewer: setup.members[0]!, meetingId })!;
    if (!list.visible) throw new Error("lijst niet zichtbaar");
    const document = composeDecisionList({ viewer: setup.members[0]!, list });
    expect(document.written.map((w) => [w.reference, w.outcomeLabel, w.isConfidential])).toEqual([
      ["SG-2026-S1", "Aangenomen", false],
      ["SG-2026-S2", "Aangenomen", true],
    ]);
    expect(document.written[0]!.answers).toEqual(["Anna: geen antwoord", "Bert: geen antwoord", "Cees: geen antwoord"]);
    expect(getWrittenProcedure({ viewer: null, id })).toBeNull();
    expect(getWrittenProcedure({ viewer: await makeViewer({ role: "lid" }), id: besloten.id })).toBeNull();
  });
});
