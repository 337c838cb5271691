import { countOf, type ConfirmationText } from "~/lib/confirmation";

// What the editor's steps that send or delete will do, asked the same with and without JavaScript.

export function publishEditionText(subscribers: number): ConfirmationText {
  return {
    title: "Publiceren en versturen?",
    question:
      subscribers === 0
        ? "De editie verschijnt op de website. Er zijn nog geen abonnees, dus niemand krijgt haar per e-mail."
        : `De editie verschijnt op de website en ${countOf(subscribers, "abonnee krijgt", "abonnees krijgen")} deze editie per e-mail. Versturen kan niet worden teruggedraaid.`,
    confirmLabel: "Publiceren en versturen",
    danger: false,
  };
}

export function removeSectionText(title: string): ConfirmationText {
  return {
    title: "Blok verwijderen?",
    question: `Het blok ‘${title}’ verdwijnt uit deze editie, met zijn tekst.`,
    confirmLabel: "Blok verwijderen",
    danger: true,
  };
}
