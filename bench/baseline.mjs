// The baseline for the benchmark: a bare node:http server that answers the same pages from the same
// database with one hand-written SQL query each and a minimal HTML string. No framework, no React,
// no sessions, no visibility rules beyond "public": the floor against which Gremium's throughput is
// reported. Usage: node bench/baseline.mjs <database> <port>
import Database from "better-sqlite3";
import { createServer } from "node:http";

const [databasePath, port] = process.argv.slice(2);
const db = new Database(databasePath, { readonly: true });
db.pragma("journal_mode = WAL");

const escape = (text) =>
  String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
const page = (title, rows) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><ul>${rows
    .map((row) => `<li>${Object.values(row).map(escape).join(" · ")}</li>`)
    .join("")}</ul></body></html>`;

const queries = {
  home: db.prepare(
    "select m.id, b.name, m.starts_at, m.location from meetings m join bodies b on b.id = m.body_id where m.is_public = 1 and m.status != 'concept' order by m.starts_at desc limit 10",
  ),
  meeting: db.prepare(
    "select a.section, a.position, case when a.is_confidential then 'Besloten agendapunt' else a.subject end as subject, case when a.is_confidential then '' else a.proposal_html end as proposal from agenda_items a join meetings m on m.id = a.meeting_id where m.id = ? and m.is_public = 1 order by a.section, a.position",
  ),
  decisionList: db.prepare(
    "select d.reference, a.subject, d.outcome, d.text_html from decisions d join agenda_items a on a.id = d.agenda_item_id where a.meeting_id = ? and d.is_confidential = 0 and a.is_confidential = 0 order by a.section, a.position",
  ),
  register: db.prepare(
    "select d.reference, a.subject, d.outcome, m.starts_at from decisions d join agenda_items a on a.id = d.agenda_item_id join meetings m on m.id = a.meeting_id join decision_lists l on l.meeting_id = m.id where m.body_id = ? and m.is_public = 1 and l.status = 'vastgesteld' and d.is_confidential = 0 and a.is_confidential = 0 and m.starts_at >= ? and m.starts_at < ? order by m.starts_at desc limit 50",
  ),
  actions: db.prepare(
    "select x.id, x.description, x.due_on, x.status from actions x join decisions d on d.id = x.decision_id join agenda_items a on a.id = d.agenda_item_id join meetings m on m.id = a.meeting_id where x.body_id = ? and x.status in ('open', 'in_uitvoering') and m.is_public = 1 and d.is_confidential = 0 order by x.due_on limit 50",
  ),
  objective: db.prepare(
    "select o.title, (select count(*) from goal_links g where g.objective_id = o.id) as links from objectives o join programmes p on p.id = o.programme_id where p.slug = ? and o.number = ?",
  ),
  newsletter: db.prepare(
    "select s.title, s.body_markdown from newsletter_sections s join newsletter_editions e on e.id = s.edition_id where e.slug = ? and e.status = 'gepubliceerd' order by s.position",
  ),
  search: db.prepare(
    "select kind, record_id, title from search_index where search_index match ? order by bm25(search_index) limit 20",
  ),
  api: db.prepare(
    "select d.id, d.reference, d.outcome from decisions d join agenda_items a on a.id = d.agenda_item_id join meetings m on m.id = a.meeting_id join decision_lists l on l.meeting_id = m.id where m.is_public = 1 and l.status = 'vastgesteld' and d.is_confidential = 0 and a.is_confidential = 0 order by d.id limit 50",
  ),
};

function answer(url) {
  const parts = url.pathname.split("/").filter(Boolean);
  const query = url.searchParams;
  if (url.pathname === "/") return page("Gremium", queries.home.all());
  if (parts[0] === "vergaderingen" && parts.length === 2)
    return page("Vergadering", queries.meeting.all(Number(parts[1])));
  if (parts[0] === "vergaderingen" && parts[2] === "besluitenlijst")
    return page("Besluitenlijst", queries.decisionList.all(Number(parts[1])));
  if (url.pathname === "/besluiten") {
    const year = Number(query.get("jaar"));
    return page(
      "Besluiten",
      queries.register.all(Number(query.get("gremium")), Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)),
    );
  }
  if (url.pathname === "/acties") return page("Acties", queries.actions.all(Number(query.get("gremium"))));
  if (parts[0] === "programmas") return page("Opgave", queries.objective.all(parts[1], Number(parts[2])));
  if (parts[0] === "nieuwsbrieven") return page("Nieuwsbrief", queries.newsletter.all(parts[1]));
  if (url.pathname === "/zoeken")
    return page("Zoeken", queries.search.all(`"${(query.get("q") ?? "").replace(/"/g, "")}"*`));
  if (url.pathname.startsWith("/api/v1/besluiten")) return JSON.stringify({ resultaten: queries.api.all() });
  return null;
}

createServer((request, response) => {
  const url = new URL(request.url, "http://localhost");
  const body = answer(url);
  response.writeHead(body === null ? 404 : 200, {
    "content-type": url.pathname.startsWith("/api") ? "application/json" : "text/html; charset=utf-8",
  });
  response.end(body ?? "");
}).listen(Number(port), "127.0.0.1", () => process.stdout.write("luistert\n"));
