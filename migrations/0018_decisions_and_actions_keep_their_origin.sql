-- Decisions and actions no longer go along when what they hang on is deleted: an agenda item that
-- carries a decision, or a decision with toezeggingen, is refused by the model with a Dutch message,
-- and a forgotten check now fails on the constraint instead of silently deleting a legal record.
-- SQLite changes a foreign key only by rebuilding the table. migrateDatabase runs migrations with
-- foreign keys off (a DROP TABLE would otherwise delete the children through their cascades) and
-- checks them afterwards; the legacy rename keeps SQLite from re-checking the triggers of other
-- tables that name the table while it is briefly gone. Dropping a table drops its own triggers: the
-- search index and action-visibility triggers on both tables are created again below, unchanged.
PRAGMA legacy_alter_table=ON;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner_person_id` integer,
	`organisation_id` integer,
	`decision_id` integer,
	`agenda_item_id` integer,
	`meeting_id` integer,
	`due_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` integer,
	`closing_note` text,
	`created_by_user_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`public_origin` integer DEFAULT false NOT NULL,
	`confidential_origin` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_actions`("id", "body_id", "description", "owner_person_id", "organisation_id", "decision_id", "agenda_item_id", "meeting_id", "due_on", "status", "closed_at", "closing_note", "created_by_user_id", "version", "public_origin", "confidential_origin", "created_at", "updated_at") SELECT "id", "body_id", "description", "owner_person_id", "organisation_id", "decision_id", "agenda_item_id", "meeting_id", "due_on", "status", "closed_at", "closing_note", "created_by_user_id", "version", "public_origin", "confidential_origin", "created_at", "updated_at" FROM `actions`;--> statement-breakpoint
DROP TABLE `actions`;--> statement-breakpoint
ALTER TABLE `__new_actions` RENAME TO `actions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `actions_body_status_idx` ON `actions` (`body_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `actions_owner_idx` ON `actions` (`owner_person_id`,`status`);--> statement-breakpoint
CREATE INDEX `actions_organisation_idx` ON `actions` (`organisation_id`,`status`);--> statement-breakpoint
CREATE INDEX `actions_decision_idx` ON `actions` (`decision_id`);--> statement-breakpoint
CREATE INDEX `actions_item_idx` ON `actions` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `actions_meeting_idx` ON `actions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `actions_creator_idx` ON `actions` (`created_by_user_id`);--> statement-breakpoint
CREATE TRIGGER `action_flags_insert` AFTER INSERT ON `actions` BEGIN UPDATE `actions` SET `public_origin` = exists (select 1 from decisions d join agenda_items i on i.id = d.agenda_item_id join meetings m on m.id = i.meeting_id join decision_lists l on l.meeting_id = m.id where d.id = actions.decision_id and d.is_confidential = 0 and i.is_confidential = 0 and m.is_public = 1 and m.published_at is not null and l.status = 'vastgesteld'), `confidential_origin` = (exists (select 1 from decisions d join agenda_items i on i.id = d.agenda_item_id where d.id = actions.decision_id and (d.is_confidential = 1 or i.is_confidential = 1)) or exists (select 1 from agenda_items i2 where i2.id = actions.agenda_item_id and i2.is_confidential = 1)) WHERE id = new.id; END;--> statement-breakpoint
CREATE TRIGGER `action_flags_origin_update` AFTER UPDATE OF `decision_id`, `agenda_item_id` ON `actions` BEGIN UPDATE `actions` SET `public_origin` = exists (select 1 from decisions d join agenda_items i on i.id = d.agenda_item_id join meetings m on m.id = i.meeting_id join decision_lists l on l.meeting_id = m.id where d.id = actions.decision_id and d.is_confidential = 0 and i.is_confidential = 0 and m.is_public = 1 and m.published_at is not null and l.status = 'vastgesteld'), `confidential_origin` = (exists (select 1 from decisions d join agenda_items i on i.id = d.agenda_item_id where d.id = actions.decision_id and (d.is_confidential = 1 or i.is_confidential = 1)) or exists (select 1 from agenda_items i2 where i2.id = actions.agenda_item_id and i2.is_confidential = 1)) WHERE id = new.id; END;--> statement-breakpoint
CREATE TRIGGER `search_actions_delete` AFTER DELETE ON `actions` BEGIN DELETE FROM `search_index` WHERE kind = 'action' AND record_id = old.id; END;--> statement-breakpoint
CREATE TRIGGER `search_actions_insert` AFTER INSERT ON `actions` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.description, '', 'action', new.id, new.body_id, strftime('%Y', new.created_at / 1000, 'unixepoch'); END;--> statement-breakpoint
CREATE TRIGGER `search_actions_update` AFTER UPDATE OF `description`, `body_id`, `created_at` ON `actions` BEGIN DELETE FROM `search_index` WHERE kind = 'action' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.description, '', 'action', new.id, new.body_id, strftime('%Y', new.created_at / 1000, 'unixepoch'); END;--> statement-breakpoint
CREATE TABLE `__new_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`reference` text NOT NULL,
	`outcome` text NOT NULL,
	`text_markdown` text DEFAULT '' NOT NULL,
	`text_html` text DEFAULT '' NOT NULL,
	`discussion_markdown` text DEFAULT '' NOT NULL,
	`discussion_html` text DEFAULT '' NOT NULL,
	`is_confidential` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_decisions`("id", "agenda_item_id", "reference", "outcome", "text_markdown", "text_html", "discussion_markdown", "discussion_html", "is_confidential", "version", "created_at", "updated_at") SELECT "id", "agenda_item_id", "reference", "outcome", "text_markdown", "text_html", "discussion_markdown", "discussion_html", "is_confidential", "version", "created_at", "updated_at" FROM `decisions`;--> statement-breakpoint
DROP TABLE `decisions`;--> statement-breakpoint
ALTER TABLE `__new_decisions` RENAME TO `decisions`;--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_reference_unique` ON `decisions` (`reference`);--> statement-breakpoint
CREATE INDEX `decisions_item_idx` ON `decisions` (`agenda_item_id`);--> statement-breakpoint
CREATE TRIGGER `action_flags_decision_update` AFTER UPDATE OF `is_confidential`, `agenda_item_id` ON `decisions` BEGIN UPDATE `actions` SET `public_origin` = exists (select 1 from decisions d join agenda_items i on i.id = d.agenda_item_id join meetings m on m.id = i.meeting_id join decision_lists l on l.meeting_id = m.id where d.id = actions.decision_id and d.is_confidential = 0 and i.is_confidential = 0 and m.is_public = 1 and m.published_at is not null and l.status = 'vastgesteld'), `confidential_origin` = (exists (select 1 from decisions d join agenda_items i on i.id = d.agenda_item_id where d.id = actions.decision_id and (d.is_confidential = 1 or i.is_confidential = 1)) or exists (select 1 from agenda_items i2 where i2.id = actions.agenda_item_id and i2.is_confidential = 1)) WHERE decision_id = new.id; END;--> statement-breakpoint
CREATE TRIGGER `search_decisions_delete` AFTER DELETE ON `decisions` BEGIN DELETE FROM `search_index` WHERE kind = 'decision' AND record_id = old.id; END;--> statement-breakpoint
CREATE TRIGGER `search_decisions_insert` AFTER INSERT ON `decisions` BEGIN INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.reference || ' ' || (select subject from agenda_items where id = new.agenda_item_id), new.text_markdown || ' ' || new.discussion_markdown, 'decision', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;--> statement-breakpoint
CREATE TRIGGER `search_decisions_update` AFTER UPDATE ON `decisions` BEGIN DELETE FROM `search_index` WHERE kind = 'decision' AND record_id = old.id; INSERT INTO `search_index` (title, body, kind, record_id, body_id, year) SELECT new.reference || ' ' || (select subject from agenda_items where id = new.agenda_item_id), new.text_markdown || ' ' || new.discussion_markdown, 'decision', new.id, (select m.body_id from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id), (select strftime('%Y', m.starts_at / 1000, 'unixepoch') from meetings m join agenda_items i on i.meeting_id = m.id where i.id = new.agenda_item_id); END;--> statement-breakpoint
PRAGMA legacy_alter_table=OFF;
