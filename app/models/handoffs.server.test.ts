import { describe, expect, it } from "vitest";
import { makeBody, makeViewer } from "../../tests/factories";
import { getDb } from "~/lib/db.server";
import { listAuditEntries } from "./audit.server";
import { addAgendaItem } from "./agenda.server";
import { recordDecision } from "./decisions.server";
import { addDocument } from "./documents.server";
import {
  acceptHandoff,
  listHandoffsForItems,
  listProposedHandoffs,
  proposeHandoff,
  recordHandoff,
} from "./handoffs.server";
import { createMeeting, getMeeting, publishAgenda } from "./meetings.server";
import { documents } from "../../db/schema";
import { Forbidden } from "./errors";

async function chain() {
  const stuurgroep = makeBody({ kind: "stuurgroep", name: "Stuurgroep", code: "SG" });
  const expert = makeBody({ kind: "expertgroep", name: "Expertgroep", code: "EG", parentId: stuurgroep.id });
  const theme = makeBody({ kind: "themagroep", name: "Themagroep Mensenhandel", code: "MH", parentId: expert.id });
  const secretary = await makeViewer({ role: "secretariaat", memberBodyIds: [stuurgroep.id, expert.id, theme.id] });
  const plan = (bodyId: number, date: string) => {
    const { id } = createMeeting({
      viewer: secretary,
      input: { bodyId, date, startTime: "10:00", endTime: "11:00", location: "Hengelo", isPublic: true },
    });
    publishAgenda({ viewer: secretary, id, expectedVersion: 1 });
    return id;
  };
  return { stuurgroep, expert, theme, secretary, plan };
}

describe("hand-off between bodies", () => {
  it("a themagroep item goes via the expertgroep to the stuurgroep, and the decision shows back on the original", async () => {
    const { stuurgroep, expert, theme, secretary, plan } = await chain();
    const themeMeeting = plan(theme.id, "2026-10-08");
    const original = addAgendaItem({
      viewer: secretary,
      meetingId: themeMeeting,
      input: {
        section: "B",
        subject: "Controledag arbeidsmigratie",
        proposalMarkdown: "1. In te stemmen met een controledag.",
        isConfidential: false,
      },
    });
    addDocument({
      viewer: secretary,
      agendaItemId: original.id,
      title: "Plan van aanpak",
      isConfidential: false,
      content: { markdown: "## Voorstel" },
    });

    proposeHandoff({ viewer: secretary, agendaItemId: original.id, toBodyId: expert.id });
    expect(() => proposeHandoff({ viewer: secretary, agendaItemId: original.id, toBodyId: expert.id })).toThrow(
      /al doorgezet/,
    );
    expect(listProposedHandoffs({ viewer: secretary, bodyId: expert.id }).map((h) => h.subject)).toEqual([
      "Controledag arbeidsmigratie",
    ]);

    const expertMeeting = plan(expert.id, "2026-11-19");
    const [proposed] = listProposedHandoffs({ viewer: secretary, bodyId: expert.id });
    const atExpert = acceptHandoff({ viewer: secretary, handoffId: proposed.id, meetingId: expertMeeting });
    expect(listProposedHandoffs({ viewer: secretary, bodyId: expert.id })).toEqual([]);
    const expertItem = getMeeting({ viewer: secretary, id: expertMeeting })!
      .sections.find((s) => s.section === "B")!
      .items.at(-1)!;
    expect(expertItem).toMatchObject({ subject: "Controledag arbeidsmigratie" });
    expect(
      getDb()
        .select()
        .from(documents)
        .all()
        .filter((d) => d.agendaItemId === atExpert.id)
        .map((d) => d.title),
    ).toEqual(["Plan van aanpak"]);

    proposeHandoff({ viewer: secretary, agendaItemId: atExpert.id, toBodyId: stuurgroep.id });
    const sgMeeting = plan(stuurgroep.id, "2026-12-10");
    const atSg = acceptHandoff({
      viewer: secretary,
      handoffId: listProposedHandoffs({ viewer: secretary, bodyId: stuurgroep.id })[0].id,
      meetingId: sgMeeting,
    });
    const decision = recordDecision({
      viewer: secretary,
      agendaItemId: atSg.id,
      input: {
        outcome: "ingestemd",
        textMarkdown: "Ingestemd.",
        discussionMarkdown: "",
        isConfidential: false,
        commitments: [],
      },
    });

    const fromExpert = listHandoffsForItems({ viewer: secretary, agendaItemIds: [atExpert.id] });
    expect(fromExpert).toEqual([
      expect.objectContaining({
        toBodyName: "Stuurgroep",
        status: "geaccepteerd",
        decisions: [expect.objectContaining({ reference: decision.reference })],
      }),
    ]);
    expect(listHandoffsForItems({ viewer: secretary, agendaItemIds: [original.id] })).toEqual([
      expect.objectContaining({ toBodyName: "Expertgroep", status: "geaccepteerd" }),
    ]);
    // The public sees the stuurgroep's decision only once that list is vastgesteld.
    expect(listHandoffsForItems({ viewer: null, agendaItemIds: [atExpert.id] })[0].decisions).toEqual([]);
    expect(
      listAuditEntries({ viewer: await makeViewer({ role: "beheerder" }) }).entries.some(
        (e) => e.action === "handoff.accept",
      ),
    ).toBe(true);
  });

  it("only sends upward, and only the receiving body's secretariaat accepts", async () => {
    const { stuurgroep, theme, expert, secretary, plan } = await chain();
    const sgMeeting = plan(stuurgroep.id, "2026-12-10");
    const down = addAgendaItem({
      viewer: secretary,
      meetingId: sgMeeting,
      input: { section: "B", subject: "Opdracht", proposalMarkdown: "", isConfidential: false },
    });
    expect(() => proposeHandoff({ viewer: secretary, agendaItemId: down.id, toBodyId: theme.id })).toThrow(
      /boven dit gremium/,
    );

    const themeMeeting = plan(theme.id, "2026-10-08");
    const item = addAgendaItem({
      viewer: secretary,
      meetingId: themeMeeting,
      input: { section: "B", subject: "Signaal", proposalMarkdown: "", isConfidential: false },
    });
    const { id } = proposeHandoff({ viewer: secretary, agendaItemId: item.id, toBodyId: expert.id });
    const outsider = await makeViewer({ role: "secretariaat", memberBodyIds: [theme.id] });
    const expertMeeting = plan(expert.id, "2026-11-19");
    expect(() => acceptHandoff({ viewer: outsider, handoffId: id, meetingId: expertMeeting })).toThrow(Forbidden);
    expect(() => acceptHandoff({ viewer: secretary, handoffId: id, meetingId: themeMeeting })).toThrow(Forbidden);
  });

  it("records an item handed up before Gremium kept it, for the receiving secretariaat, once and upward only", async () => {
    const { theme, expert, secretary, plan } = await chain();
    const item = (meetingId: number, subject: string) =>
      addAgendaItem({
        viewer: secretary,
        meetingId,
        input: { section: "B", subject, proposalMarkdown: "", isConfidential: false },
      }).id;
    const original = item(plan(theme.id, "2026-10-08"), "Signaal arbeidsmigratie");
    const upstairs = item(plan(expert.id, "2026-11-19"), "Signaal arbeidsmigratie (themagroep)");
    const sameBody = item(plan(theme.id, "2026-12-03"), "Signaal arbeidsmigratie, vervolg");

    const themeOnly = await makeViewer({ role: "secretariaat", memberBodyIds: [theme.id] });
    expect(() => recordHandoff({ viewer: themeOnly, fromAgendaItemId: original, toAgendaItemId: upstairs })).toThrow(
      Forbidden,
    );
    expect(() => recordHandoff({ viewer: secretary, fromAgendaItemId: upstairs, toAgendaItemId: original })).toThrow(
      /onder dit gremium/,
    );
    // A later meeting of the same body is a follow-up, not a hand-off.
    expect(() => recordHandoff({ viewer: secretary, fromAgendaItemId: original, toAgendaItemId: sameBody })).toThrow(
      /onder dit gremium/,
    );

    recordHandoff({ viewer: secretary, fromAgendaItemId: original, toAgendaItemId: upstairs });
    expect(() => recordHandoff({ viewer: secretary, fromAgendaItemId: original, toAgendaItemId: upstairs })).toThrow(
      /al eerder doorgezet/,
    );
    expect(listHandoffsForItems({ viewer: secretary, agendaItemIds: [original] })).toEqual([
      expect.objectContaining({ status: "geaccepteerd", toAgendaItemId: upstairs }),
    ]);
  });
});
