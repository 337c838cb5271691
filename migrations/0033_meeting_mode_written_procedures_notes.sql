CREATE TABLE `personal_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`author_user_id` integer NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`document_id` integer,
	`text_markdown` text NOT NULL,
	`text_html` text NOT NULL,
	`is_shared` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `personal_notes_author_idx` ON `personal_notes` (`author_user_id`);--> statement-breakpoint
CREATE INDEX `personal_notes_item_idx` ON `personal_notes` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `personal_notes_document_idx` ON `personal_notes` (`document_id`);--> statement-breakpoint
CREATE TABLE `written_procedure_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`procedure_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`answer` text,
	`remark` text DEFAULT '' NOT NULL,
	`answered_at` integer,
	`token_hash` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`procedure_id`) REFERENCES `written_procedures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `written_procedure_answers_token_hash_unique` ON `written_procedure_answers` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `written_procedure_answers_person_idx` ON `written_procedure_answers` (`procedure_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `written_procedure_answers_person_only_idx` ON `written_procedure_answers` (`person_id`);--> statement-breakpoint
CREATE TABLE `written_procedures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`proposal_markdown` text NOT NULL,
	`proposal_html` text NOT NULL,
	`is_confidential` integer DEFAULT false NOT NULL,
	`deadline_at` integer NOT NULL,
	`rule` text NOT NULL,
	`quorum_percent` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`outcome` text,
	`sent_at` integer NOT NULL,
	`reminded_at` integer,
	`closed_at` integer,
	`created_by_user_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `written_procedures_reference_unique` ON `written_procedures` (`reference`);--> statement-breakpoint
CREATE INDEX `written_procedures_body_idx` ON `written_procedures` (`body_id`,`closed_at`);--> statement-breakpoint
ALTER TABLE `bodies` ADD `written_rule` text DEFAULT 'tenzij-bezwaar' NOT NULL;--> statement-breakpoint
ALTER TABLE `bodies` ADD `written_quorum_percent` integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `current_item_id` integer REFERENCES agenda_items(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `current_item_since` integer;
--> statement-breakpoint
-- Personal notes are searchable for those who may read them (their author, and the body's members for a
-- shared note); the search query decides that from the live table, like every other kind.
CREATE TRIGGER `search_personal_notes_insert` AFTER INSERT ON `personal_notes` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT 'Notitie bij ' || (select subject from agenda_items where id = new.agenda_item_id), new.text_markdown, 'note', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000 + 3600, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_personal_notes_update` AFTER UPDATE OF `text_markdown` ON `personal_notes` BEGIN DELETE FROM `search_index` WHERE kind = 'note' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT 'Notitie bij ' || (select subject from agenda_items where id = new.agenda_item_id), new.text_markdown, 'note', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000 + 3600, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;
--> statement-breakpoint
CREATE TRIGGER `search_personal_notes_delete` AFTER DELETE ON `personal_notes` BEGIN DELETE FROM `search_index` WHERE kind = 'note' AND record_id = old.id; END;
