CREATE TABLE `meeting_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`summary` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`location` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_series_body_idx` ON `meeting_series` (`body_id`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `series_id` integer REFERENCES meeting_series(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `meetings_series_idx` ON `meetings` (`series_id`);--> statement-breakpoint
ALTER TABLE `planned_topics` ADD `origin_handoff_id` integer REFERENCES handoffs(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `planned_topics_handoff_idx` ON `planned_topics` (`origin_handoff_id`);