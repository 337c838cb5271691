import { isIsoDate } from "~/lib/format";
import { odsMeetingTypes } from "./values";

// The query parameters of the ODS standard that mean something for Gremium's records, per collection.
// A standard client may send them; each is checked here into a value or a Dutch reason for a 400.

export const odsMeetingStatuses = ["gepland", "gehouden", "geannuleerd"] as const;

export type Filters = {
  status?: (typeof odsMeetingStatuses)[number];
  vergaderdatum?: string;
  vergaderingstype?: (typeof odsMeetingTypes)[number];
  vergaderingsIdentificatie?: number;
  agendapuntIdentificatie?: number;
};

type FilterSpec = {
  description: string;
  schema: Record<string, unknown>;
  parse: (raw: string) => { value: Filters[keyof Filters] } | { reason: string };
};

const oneOf = <T extends string>(values: readonly T[]) => ({
  schema: { type: "string", enum: values },
  parse: (raw: string) =>
    (values as readonly string[]).includes(raw)
      ? { value: raw as T }
      : { reason: `Kies een van: ${values.join(", ")}.` },
});

const identification = (what: string): FilterSpec => ({
  description: `Alleen records bij ${what} met deze id.`,
  schema: { type: "string", pattern: "^[1-9][0-9]*$" },
  parse: (raw) =>
    /^[1-9]\d{0,15}$/.test(raw) ? { value: Number(raw) } : { reason: "Moet een id zijn: een geheel getal vanaf 1." },
});

const meetingFilters: Record<string, FilterSpec> = {
  status: { description: "Alleen vergaderingen met deze status.", ...oneOf(odsMeetingStatuses) },
  vergaderdatum: {
    description: "Alleen vergaderingen op deze dag (JJJJ-MM-DD, Nederlandse tijd).",
    schema: { type: "string", format: "date" },
    parse: (raw) => (isIsoDate(raw) ? { value: raw } : { reason: "Moet een datum zijn als 2026-12-10." }),
  },
  vergaderingstype: { description: "Alleen vergaderingen van dit type.", ...oneOf(odsMeetingTypes) },
};

export const collectionFilters: Record<string, Record<string, FilterSpec>> = {
  vergaderingen: meetingFilters,
  agendapunten: { vergaderingsIdentificatie: identification("de vergadering") },
  informatieobjecten: {
    vergaderingsIdentificatie: identification("de vergadering"),
    agendapuntIdentificatie: identification("het agendapunt"),
  },
};

/**
 * The standard's parameters for a municipality, province or water board: Gremium publishes for a
 * network of partners and does not divide its records that way, so these get a reason, not silence.
 */
export const regionParams = ["gemeentecode", "provincie", "waterschapcode"] as const;
export const REGION_REASON =
  "Gremium deelt zijn gegevens niet in per gemeente, provincie of waterschap: het publiceert voor het samenwerkingsverband. Laat deze parameter weg.";
