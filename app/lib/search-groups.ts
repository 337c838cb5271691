/** Result groups as the page shows them; some index kinds fold into one group. */
export const searchGroups = {
  meeting: { label: "Vergaderingen", kinds: ["meeting"] },
  agenda_item: { label: "Agendapunten", kinds: ["agenda_item"] },
  decision: { label: "Besluiten", kinds: ["decision"] },
  action: { label: "Acties", kinds: ["action"] },
  document: { label: "Stukken", kinds: ["document"] },
  programme: { label: "Programma's en opgaven", kinds: ["programme", "objective"] },
  plan: { label: "Jaarplannen", kinds: ["plan", "plan_chapter", "plan_goal"] },
  planning: { label: "Bestuursagenda", kinds: ["planned_topic"] },
  edition: { label: "Nieuwsbrieven", kinds: ["edition", "newsletter_section"] },
  note: { label: "Notities", kinds: ["note"] },
} as const;
export type SearchGroup = keyof typeof searchGroups;
export const searchGroupKeys = Object.keys(searchGroups) as SearchGroup[];
