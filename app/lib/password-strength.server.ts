import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

// NIST SP 800-63B: length (12 or more, checked by the form schema), no composition rules, but refuse
// passwords that appear in lists of common and breached passwords or are guessed from the person's
// own details. zxcvbn estimates the guesses an attacker with such lists, keyboard patterns, dates and
// repeats needs; under 10^10 (its highest score, "strong even against an offline attack on a leaked
// database") a password is refused: "Welkom2026!!" takes 10^8.6, four random words more than 10^20.

/** Words that people of this network reach for first; the common lists are mostly English. */
const DUTCH_OBVIOUS = [
  "wachtwoord",
  "welkom",
  "geheim",
  "gremium",
  "gemeente",
  "gemeenschappelijk",
  "veiligheid",
  "zorg",
  "straf",
  "twente",
  "enschede",
  "hengelo",
  "almelo",
  "oldenzaal",
  "burgemeester",
  "stuurgroep",
  "bestuur",
  "voorjaar",
  "zomer",
  "najaar",
  "herfst",
  "winter",
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
  "maandag",
  "dinsdag",
  "woensdag",
  "donderdag",
  "vrijdag",
  "zaterdag",
  "zondag",
];

let factory: ZxcvbnFactory | undefined;
function estimator() {
  // Built on first use: the dictionaries take a few megabytes that a process without a password form
  // (the background worker) never needs.
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, gremium: DUTCH_OBVIOUS },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

export const MINIMUM_GUESSES_LOG10 = 10;

/**
 * Why this password is refused, in Dutch, or null when it may be used. `personal` are the person's
 * own details (name, e-mail address), which make a password easy to guess for anyone who knows them.
 */
export function weakPasswordReason(password: string, personal: string[] = []): string | null {
  const words = personal
    .flatMap((detail) => detail.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length >= 3);
  const result = estimator().check(password, words);
  const personalHit = result.sequence.some(
    (match) => match.pattern === "dictionary" && "dictionaryName" in match && match.dictionaryName === "userInputs",
  );
  // A long passphrase may mention a name; a short password built around one may not.
  const needed = personalHit ? MINIMUM_GUESSES_LOG10 + 4 : MINIMUM_GUESSES_LOG10;
  if (result.guessesLog10 >= needed) return null;
  const patterns = new Set(result.sequence.map((match) => match.pattern));
  if (personalHit)
    return "Dit wachtwoord bevat uw naam of e-mailadres en is daardoor makkelijk te raden. Kies iets anders.";
  if (patterns.has("repeat") || patterns.has("sequence") || patterns.has("spatial"))
    return "Dit wachtwoord bestaat uit herhalingen, reeksen of toetsenbordpatronen en is makkelijk te raden. Kies een zin van een paar losse woorden.";
  return "Dit wachtwoord komt voor in lijsten van veelgebruikte of gelekte wachtwoorden, of lijkt daar te veel op. Kies een zin van een paar losse woorden.";
}
