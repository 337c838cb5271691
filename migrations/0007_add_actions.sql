CREATE TABLE `action_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner_name` text,
	`organisation_name` text,
	`status_before` text NOT NULL,
	`due_on_before` text,
	`last_update_note` text,
	`result` text NOT NULL,
	`new_due_on` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_reviews_meeting_action_idx` ON `action_reviews` (`meeting_id`,`action_id`);--> statement-breakpoint
CREATE INDEX `action_reviews_action_idx` ON `action_reviews` (`action_id`);--> statement-breakpoint
CREATE TABLE `action_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`author_user_id` integer,
	`author_name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status_from` text,
	`status_to` text,
	`due_on_from` text,
	`due_on_to` text,
	`meeting_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `action_updates_action_idx` ON `action_updates` (`action_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `action_updates_author_idx` ON `action_updates` (`author_user_id`);--> statement-breakpoint
CREATE INDEX `action_updates_meeting_idx` ON `action_updates` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `actions` (
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
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_body_status_idx` ON `actions` (`body_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `actions_owner_idx` ON `actions` (`owner_person_id`,`status`);--> statement-breakpoint
CREATE INDEX `actions_organisation_idx` ON `actions` (`organisation_id`,`status`);--> statement-breakpoint
CREATE INDEX `actions_decision_idx` ON `actions` (`decision_id`);--> statement-breakpoint
CREATE INDEX `actions_item_idx` ON `actions` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `actions_meeting_idx` ON `actions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `actions_creator_idx` ON `actions` (`created_by_user_id`);--> statement-breakpoint
CREATE TABLE `reminder_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`sent_on` text NOT NULL,
	`action_ids` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reminder_deliveries_email_idx` ON `reminder_deliveries` (`email`,`sent_on`);--> statement-breakpoint
ALTER TABLE `people` ADD `is_organisation_contact` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Every toezegging recorded so far becomes an action of the body whose meeting decided it.
INSERT INTO `actions` (`body_id`, `description`, `owner_person_id`, `organisation_id`, `decision_id`, `agenda_item_id`, `meeting_id`, `due_on`, `created_at`, `updated_at`)
SELECT `meetings`.`body_id`, `commitments`.`description`, `commitments`.`person_id`,
  coalesce(`commitments`.`organisation_id`, (SELECT `organisation_id` FROM `people` WHERE `people`.`id` = `commitments`.`person_id`)),
  `commitments`.`decision_id`, `decisions`.`agenda_item_id`, `agenda_items`.`meeting_id`, `commitments`.`due_on`,
  `commitments`.`created_at`, `commitments`.`created_at`
FROM `commitments`
JOIN `decisions` ON `decisions`.`id` = `commitments`.`decision_id`
JOIN `agenda_items` ON `agenda_items`.`id` = `decisions`.`agenda_item_id`
JOIN `meetings` ON `meetings`.`id` = `agenda_items`.`meeting_id`;
