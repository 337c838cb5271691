// Builds the benchmark database: ten years of a network like ZVS Twente, at the scale of issue 10
// (12 bodies, ~1 400 meetings, ~20 000 agenda items, ~12 000 decisions, ~15 000 actions, 3 000
// documents with text, 4 programmes, 120 plans, 40 newsletters, 5 000 subscribers). Deterministic:
// the same generator version gives the same database, which is cached in bench/data/.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { migrateDatabase, openDatabase } from "../app/lib/db.server";
import { renderMarkdown } from "../app/lib/markdown.server";

export const GENERATOR_VERSION = 2;
export const benchDatabasePath = resolve(`bench/data/bench-v${GENERATOR_VERSION}.db`);

const words = `aanpak afschalen agenda ambitie analyse arbeidsmigratie begroting besluit bestuur bewoners
 casuistiek coordinatie convenant crisis detentie doelgroep domein escalatie evaluatie expertise gemeente
 gegevensdeling geintegreerde gezinnen handelingskader huisverbod huiselijk geweld informatie inzet jeugd
 jongeren kindermishandeling kwartiermaker leren levensloop meldcode mensenhandel monitoring nazorg netwerk
 onbegrepen gedrag ondersteuning opgave opvolging overleg partners politie preventie privacy procesregie
 radicalisering re-integratie reclassering regie regio risico samenwerking signalen sociaal stuurgroep
 toezicht triage uitbuiting veiligheid verslaving voortgang werkwijze wijkteam zorg zorgmijding zorgmelding`
  .split(/\s+/)
  .filter(Boolean);

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate({ force = false } = {}) {
  if (existsSync(benchDatabasePath) && !force) return benchDatabasePath;
  mkdirSync(dirname(benchDatabasePath), { recursive: true });
  rmSync(benchDatabasePath, { force: true });
  const db = openDatabase(benchDatabasePath);
  migrateDatabase(db);
  const sqlite = db.$client;
  const rnd = random(20261126);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  // Real text has a large vocabulary with a Zipf distribution: a few words are everywhere, most are
  // rare. Pseudo-words from Dutch-looking syllables fill the vocabulary; the domain words sit at the
  // ranks where words like "zorg" and "convenant" sit in the real documents.
  const syllables = [
    "be",
    "ver",
    "ge",
    "ont",
    "aan",
    "over",
    "on",
    "der",
    "hei",
    "lijk",
    "ing",
    "tie",
    "sta",
    "wer",
    "ken",
    "rol",
    "grens",
    "plan",
    "raad",
    "dienst",
    "wijk",
    "huis",
    "straf",
    "recht",
    "zicht",
    "kracht",
    "baar",
    "schap",
  ];
  const vocabulary: string[] = [];
  const seen = new Set(words);
  while (vocabulary.length < 6000) {
    const w = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(syllables)).join("");
    if (!seen.has(w)) {
      seen.add(w);
      vocabulary.push(w);
    }
  }
  words.forEach((w, i) => vocabulary.splice(20 + i * 4, 0, w));
  const weights = vocabulary.map((_, rank) => 1 / Math.pow(rank + 1, 1.05));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const totalWeight = cumulative[cumulative.length - 1]!;
  const zipf = () => {
    const target = rnd() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const sentence = (n: number) =>
    Array.from({ length: n }, zipf)
      .join(" ")
      .replace(/^./, (c) => c.toUpperCase());
  const start = Date.UTC(2016, 0, 1);
  const day = 24 * 60 * 60_000;

  sqlite.transaction(() => {
    const org = sqlite.prepare("insert into organisations (slug, name, kind) values (?, ?, ?)");
    for (let i = 1; i <= 22; i++) org.run(`org-${i}`, `Organisatie ${i}`, i <= 14 ? "gemeente" : "partner");
    const person = sqlite.prepare("insert into people (slug, name, email, organisation_id) values (?, ?, ?, ?)");
    for (let i = 1; i <= 300; i++)
      person.run(`persoon-${i}`, `Persoon ${i}`, `persoon${i}@bench.example`, 1 + (i % 22));
    const body = sqlite.prepare(
      "insert into bodies (slug, name, kind, active_from, purpose_markdown, purpose_html) values (?, ?, ?, '2015-01-01', '', '')",
    );
    const kinds = ["stuurgroep", "expertgroep", ...Array(8).fill("themagroep"), "bestuur", "overleg"];
    kinds.forEach((kind, i) => body.run(`gremium-${i + 1}`, `Gremium ${i + 1} ${pick(words)}`, kind));
    const membership = sqlite.prepare(
      "insert into memberships (body_id, person_id, role, starts_on) values (?, ?, 'lid', '2015-01-01')",
    );
    for (let p = 1; p <= 300; p++) membership.run(1 + (p % 12), p);

    const meeting = sqlite.prepare(
      "insert into meetings (body_id, starts_at, ends_at, location, is_public, status, published_at) values (?, ?, ?, ?, ?, ?, ?)",
    );
    const item = sqlite.prepare(
      "insert into agenda_items (meeting_id, section, position, subject, proposal_markdown, proposal_html, is_confidential) values (?, ?, ?, ?, ?, ?, ?)",
    );
    const list = sqlite.prepare("insert into decision_lists (meeting_id, status) values (?, ?)");
    const decision = sqlite.prepare(
      "insert into decisions (agenda_item_id, reference, outcome, text_markdown, text_html, is_confidential) values (?, ?, 'conform', ?, ?, ?)",
    );
    const action = sqlite.prepare(
      "insert into actions (body_id, description, owner_person_id, organisation_id, decision_id, agenda_item_id, meeting_id, due_on, status, closed_at, closing_note, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const update = sqlite.prepare(
      "insert into action_updates (action_id, author_name, note, created_at) values (?, 'Secretariaat', ?, ?)",
    );
    const doc = sqlite.prepare(
      "insert into documents (agenda_item_id, title, kind, is_confidential) values (?, ?, 'note', ?)",
    );
    const version = sqlite.prepare(
      "insert into document_versions (document_id, number, note_markdown, note_html) values (?, 1, ?, ?)",
    );
    let decisions = 0;
    let actions = 0;
    let documents = 0;
    for (let m = 0; m < 1400; m++) {
      const bodyId = 1 + (m % 12);
      const startsAt = start + Math.floor((m / 1400) * 3650) * day + 13 * 3600_000;
      const held = startsAt < Date.now();
      const { lastInsertRowid: meetingId } = meeting.run(
        bodyId,
        startsAt,
        startsAt + 2 * 3600_000,
        `Vergaderzaal ${1 + (m % 9)}`,
        bodyId === 11 ? 1 : m % 3 === 0 ? 1 : 0,
        held ? "vergaderd" : "gepubliceerd",
        startsAt - 7 * day,
      );
      list.run(meetingId, held && m < 1390 ? "vastgesteld" : "concept");
      for (let i = 1; i <= 14; i++) {
        const section = i <= 2 ? "opening" : i <= 4 ? "A" : i <= 12 ? "B" : i === 13 ? "C" : "D";
        const subject = sentence(4);
        const proposal = `1. ${sentence(12)}\n2. ${sentence(10)}`;
        const confidential = rnd() < 0.05 ? 1 : 0;
        const { lastInsertRowid: itemId } = item.run(
          meetingId,
          section,
          i,
          subject,
          proposal,
          renderMarkdown(proposal),
          confidential,
        );
        if (section === "B" && decisions < 12000 && rnd() < 1.1) {
          const text = sentence(20);
          const { lastInsertRowid: decisionId } = decision.run(
            itemId,
            `G${bodyId}-${m}-B${i}`,
            text,
            renderMarkdown(text),
            rnd() < 0.04 ? 1 : 0,
          );
          decisions++;
          if (actions < 15000 && rnd() < 0.6) {
            const due = new Date(startsAt + 60 * day).toISOString().slice(0, 10);
            const closed = rnd() < 0.7 && held;
            const { lastInsertRowid: actionId } = action.run(
              bodyId,
              sentence(6),
              1 + Math.floor(rnd() * 300),
              1 + Math.floor(rnd() * 22),
              decisionId,
              itemId,
              meetingId,
              due,
              closed ? "afgerond" : "open",
              closed ? startsAt + 50 * day : null,
              closed ? sentence(5) : null,
              startsAt,
              startsAt,
            );
            actions++;
            update.run(actionId, sentence(8), startsAt + 20 * day);
          }
        }
        if (documents < 3000 && section === "B" && rnd() < 0.27) {
          const text = Array.from({ length: 8 }, () => sentence(14)).join(". ");
          const { lastInsertRowid: documentId } = doc.run(itemId, `Notitie ${sentence(3)}`, rnd() < 0.05 ? 1 : 0);
          version.run(documentId, text, renderMarkdown(text));
          documents++;
        }
      }
    }
    // Standalone actions to reach the number.
    while (actions < 15000) {
      action.run(
        1 + (actions % 12),
        sentence(6),
        1 + (actions % 300),
        1 + (actions % 22),
        null,
        null,
        null,
        "2026-12-31",
        "open",
        null,
        null,
        Date.now(),
        Date.now(),
      );
      actions++;
    }
    const programme = sqlite.prepare(
      "insert into programmes (slug, title, starts_on, ends_on, owner_body_id, description_markdown, description_html) values (?, ?, ?, ?, 1, ?, '')",
    );
    const objective = sqlite.prepare(
      "insert into objectives (programme_id, number, title, description_markdown) values (?, ?, ?, ?)",
    );
    for (let p = 1; p <= 4; p++) {
      const { lastInsertRowid: programmeId } = programme.run(
        `programma-${p}`,
        `Programma ${p}`,
        `${2014 + p * 2}-01-01`,
        `${2016 + p * 2}-12-31`,
        sentence(30),
      );
      for (let n = 1; n <= 6; n++) objective.run(programmeId, n, sentence(4), sentence(25));
    }
    const plan = sqlite.prepare(
      "insert into annual_plans (body_id, year, title, status) values (?, ?, ?, 'vastgesteld')",
    );
    const chapter = sqlite.prepare(
      "insert into plan_chapters (plan_id, position, title, body_markdown) values (?, 1, ?, ?)",
    );
    for (let b = 1; b <= 12; b++)
      for (let y = 2016; y <= 2025; y++) {
        const { lastInsertRowid: planId } = plan.run(b, y, `Jaarplan ${y} gremium ${b}`);
        chapter.run(planId, "Inleiding", sentence(60));
      }
    const edition = sqlite.prepare(
      "insert into newsletter_editions (slug, title, status, published_at) values (?, ?, 'gepubliceerd', ?)",
    );
    const section = sqlite.prepare(
      "insert into newsletter_sections (edition_id, position, kind, title, body_markdown, body_html) values (?, ?, 'nieuws', ?, ?, '')",
    );
    for (let e = 1; e <= 40; e++) {
      const { lastInsertRowid: editionId } = edition.run(`editie-${e}`, `Nieuwsbrief ${e}`, start + e * 90 * day);
      for (let s = 1; s <= 6; s++) section.run(editionId, s, sentence(3), sentence(80));
    }
    const subscriber = sqlite.prepare(
      "insert into subscribers (email, email_hash, status, unsubscribe_token) values (?, ?, 'bevestigd', ?)",
    );
    for (let s = 1; s <= 5000; s++) subscriber.run(`lezer${s}@bench.example`, `hash-${s}`, `token-${s}`);
  })();
  sqlite.exec("analyze");
  sqlite.close();
  return benchDatabasePath;
}
