DROP INDEX `objectives_programme_number_idx`;--> statement-breakpoint
ALTER TABLE `objectives` ADD `suffix` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `objectives` ADD `focus_from_year` integer;--> statement-breakpoint
ALTER TABLE `objectives` ADD `focus_to_year` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `objectives_programme_number_suffix_idx` ON `objectives` (`programme_id`,`number`,`suffix`);--> statement-breakpoint
ALTER TABLE `programmes` ADD `objective_term` text DEFAULT 'opgaven' NOT NULL;--> statement-breakpoint
-- Focus years written as text ("2023–2026", "Focus 2027–2028", "2025") become the structured period;
-- any other wording stays as the note it is.
UPDATE `objectives` SET `focus_from_year` = CAST(substr(trim(`focus`), -9, 4) AS integer), `focus_to_year` = CAST(substr(trim(`focus`), -4) AS integer), `focus` = NULL WHERE trim(replace(`focus`, 'Focus ', '')) GLOB '[12][0-9][0-9][0-9]?[12][0-9][0-9][0-9]';--> statement-breakpoint
UPDATE `objectives` SET `focus_from_year` = CAST(trim(replace(`focus`, 'Focus ', '')) AS integer), `focus_to_year` = CAST(trim(replace(`focus`, 'Focus ', '')) AS integer), `focus` = NULL WHERE trim(replace(`focus`, 'Focus ', '')) GLOB '[12][0-9][0-9][0-9]';
