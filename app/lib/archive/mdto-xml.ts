// MDTO 1.0.2 (Nationaal Archief) as Gremium writes it: an informatieobject (a meeting's dossier, or an
// archiefstuk: agenda, besluitenlijst, paper) and a bestand (one file with its checksum and format).
// Every element in the order of the schema's sequences; values from the MDTO begrippenlijsten.

const NS = "https://www.nationaalarchief.nl/mdto";
export const SOURCE = "Gremium";

const escape = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

type Begrip = { label: string; code?: string; list: string };
const begrip = (tag: string, { label, code, list }: Begrip) =>
  `<${tag}><begripLabel>${escape(label)}</begripLabel>${code ? `<begripCode>${escape(code)}</begripCode>` : ""}<begripBegrippenlijst><verwijzingNaam>${escape(list)}</verwijzingNaam></begripBegrippenlijst></${tag}>`;
const reference = (tag: string, name: string, id?: string) =>
  `<${tag}><verwijzingNaam>${escape(name)}</verwijzingNaam>${id ? `<verwijzingIdentificatie><identificatieKenmerk>${escape(id)}</identificatieKenmerk><identificatieBron>${SOURCE}</identificatieBron></verwijzingIdentificatie>` : ""}</${tag}>`;
const identification = (id: string) =>
  `<identificatie><identificatieKenmerk>${escape(id)}</identificatieKenmerk><identificatieBron>${SOURCE}</identificatieBron></identificatie>`;
const document = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<MDTO xmlns="${NS}">\n${body}\n</MDTO>\n`;

export type Appraisal = {
  /** B: blijvend te bewaren; V: vernietigen na de bewaartermijn. */
  waardering: "B" | "V";
  /** ISO 8601 duration for V ("P10Y"); none for B. */
  bewaartermijn?: string;
  /** The selectielijst category it was taken from ("1.1.2"), and the list's name. */
  categorie: string;
  selectielijst: string;
};

export type Restriction = { openbaar: true } | { openbaar: false; reden: string };

export type InformationObject = {
  id: string;
  name: string;
  level: "Dossier" | "Archiefstuk";
  description?: string;
  /** When the record came into being (a meeting's day, a paper's upload). */
  created: string;
  /** The day from which a V record's bewaartermijn runs (the meeting's day). */
  termStart: string;
  appraisal: Appraisal;
  restriction: Restriction;
  creator: { name: string; id: string };
  partOf?: { name: string; id: string };
  parts?: { name: string; id: string }[];
  representations?: { name: string; id: string }[];
};

/** An informatieobject: a dossier per meeting, an archiefstuk per agenda, list and paper. */
export function informationObjectXml(o: InformationObject) {
  const appraisal =
    o.appraisal.waardering === "B"
      ? { label: "Blijvend te bewaren", code: "B" }
      : { label: "Tijdelijk te bewaren", code: "V" };
  const term =
    o.appraisal.waardering === "V" && o.appraisal.bewaartermijn
      ? `<bewaartermijn><termijnStartdatumLooptijd>${o.termStart}</termijnStartdatumLooptijd><termijnLooptijd>${o.appraisal.bewaartermijn}</termijnLooptijd></bewaartermijn>`
      : "";
  const restriction = o.restriction.openbaar
    ? `<beperkingGebruik>${begrip("beperkingGebruikType", { label: "Openbaar", list: "Begrippenlijst BeperkingGebruik Gremium" })}</beperkingGebruik>`
    : `<beperkingGebruik>${begrip("beperkingGebruikType", { label: "Niet openbaar", list: "Begrippenlijst BeperkingGebruik Gremium" })}<beperkingGebruikNadereBeschrijving>${escape(o.restriction.reden)}</beperkingGebruikNadereBeschrijving></beperkingGebruik>`;
  return document(
    [
      "<informatieobject>",
      identification(o.id),
      `<naam>${escape(o.name)}</naam>`,
      begrip("aggregatieniveau", { label: o.level, list: "Begrippenlijst Aggregatieniveaus MDTO" }),
      o.description ? `<omschrijving>${escape(o.description)}</omschrijving>` : "",
      "<taal>nl</taal>",
      `<event>${begrip("eventType", { label: "Creatie", list: "Begrippenlijst EventTypeLijst MDTO" })}<eventTijd>${o.created}</eventTijd></event>`,
      begrip("waardering", { ...appraisal, list: "Begrippenlijst Waarderingen MDTO" }),
      term,
      begrip("informatiecategorie", {
        label: o.appraisal.categorie,
        code: o.appraisal.categorie,
        list: o.appraisal.selectielijst,
      }),
      o.partOf ? reference("isOnderdeelVan", o.partOf.name, o.partOf.id) : "",
      ...(o.parts ?? []).map((part) => reference("bevatOnderdeel", part.name, part.id)),
      ...(o.representations ?? []).map((file) => reference("heeftRepresentatie", file.name, file.id)),
      reference("archiefvormer", o.creator.name, o.creator.id),
      restriction,
      "</informatieobject>",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

export type FileObject = {
  id: string;
  name: string;
  size: number;
  format: { label: string; pronom: string };
  sha256: string;
  /** When the checksum was taken: the moment the file was stored, so a second export is identical. */
  checksumAt: string;
  of: { name: string; id: string };
};

/** A bestand: one file of an archiefstuk, with size, PRONOM format and SHA-256 checksum. */
export function fileXml(f: FileObject) {
  return document(
    [
      "<bestand>",
      identification(f.id),
      `<naam>${escape(f.name)}</naam>`,
      `<omvang>${f.size}</omvang>`,
      begrip("bestandsformaat", { label: f.format.label, code: f.format.pronom, list: "PRONOM-register" }),
      `<checksum>${begrip("checksumAlgoritme", { label: "SHA256", list: "Begrippenlijst ChecksumAlgoritme MDTO" })}<checksumWaarde>${f.sha256}</checksumWaarde><checksumDatum>${f.checksumAt}</checksumDatum></checksum>`,
      reference("isRepresentatieVan", f.of.name, f.of.id),
      "</bestand>",
    ].join("\n"),
  );
}
