CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`description` text NOT NULL,
	`person_id` integer,
	`organisation_id` integer,
	`due_on` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitments_decision_idx` ON `commitments` (`decision_id`);--> statement-breakpoint
CREATE INDEX `commitments_person_idx` ON `commitments` (`person_id`);--> statement-breakpoint
CREATE INDEX `commitments_organisation_idx` ON `commitments` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `decision_amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`previous_text_markdown` text NOT NULL,
	`new_text_markdown` text NOT NULL,
	`amended_by_meeting_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`amended_by_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_amendments_decision_idx` ON `decision_amendments` (`decision_id`);--> statement-breakpoint
CREATE INDEX `decision_amendments_meeting_idx` ON `decision_amendments` (`amended_by_meeting_id`);--> statement-breakpoint
CREATE TABLE `decision_lists` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`status` text DEFAULT 'concept' NOT NULL,
	`adopted_at` integer,
	`adopted_by_meeting_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`adopted_by_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_lists_adopted_by_idx` ON `decision_lists` (`adopted_by_meeting_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
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
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_reference_unique` ON `decisions` (`reference`);--> statement-breakpoint
CREATE INDEX `decisions_item_idx` ON `decisions` (`agenda_item_id`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `adopts_meeting_id` integer REFERENCES meetings(id);--> statement-breakpoint
CREATE INDEX `agenda_items_adopts_idx` ON `agenda_items` (`adopts_meeting_id`);--> statement-breakpoint
ALTER TABLE `bodies` ADD `code` text;