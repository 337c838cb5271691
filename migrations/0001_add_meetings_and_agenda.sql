CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`section` text NOT NULL,
	`position` integer NOT NULL,
	`subject` text NOT NULL,
	`proposal_markdown` text DEFAULT '' NOT NULL,
	`proposal_html` text DEFAULT '' NOT NULL,
	`presenter` text,
	`planned_minutes` integer,
	`is_confidential` integer DEFAULT false NOT NULL,
	`changed_after_publish_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `agenda_items` (`meeting_id`,`section`,`position`);--> statement-breakpoint
CREATE TABLE `agenda_template_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`section` text NOT NULL,
	`position` integer NOT NULL,
	`subject` text NOT NULL,
	`proposal_markdown` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_template_items_body_idx` ON `agenda_template_items` (`body_id`,`section`,`position`);--> statement-breakpoint
CREATE TABLE `meeting_invitees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_invitees_meeting_person_idx` ON `meeting_invitees` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `meeting_invitees_person_idx` ON `meeting_invitees` (`person_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`previous_starts_at` integer,
	`location` text NOT NULL,
	`chair_name` text,
	`secretary_name` text,
	`invitees_note` text,
	`is_public` integer DEFAULT false NOT NULL,
	`registration_number` text,
	`status` text DEFAULT 'concept' NOT NULL,
	`published_at` integer,
	`cancelled_at` integer,
	`cancellation_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_body_idx` ON `meetings` (`body_id`);--> statement-breakpoint
CREATE INDEX `meetings_starts_at_idx` ON `meetings` (`starts_at`);