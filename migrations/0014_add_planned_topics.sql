CREATE TABLE `planned_topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`subject` text NOT NULL,
	`purpose` text NOT NULL,
	`owner_name` text,
	`meeting_id` integer,
	`quarter` text,
	`is_confidential` integer DEFAULT false NOT NULL,
	`origin_plan_goal_id` integer,
	`origin_action_id` integer,
	`agenda_item_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`origin_plan_goal_id`) REFERENCES `plan_goals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`origin_action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `planned_topics_body_idx` ON `planned_topics` (`body_id`);--> statement-breakpoint
CREATE INDEX `planned_topics_meeting_idx` ON `planned_topics` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `planned_topics_goal_idx` ON `planned_topics` (`origin_plan_goal_id`);--> statement-breakpoint
CREATE INDEX `planned_topics_action_idx` ON `planned_topics` (`origin_action_id`);--> statement-breakpoint
CREATE INDEX `planned_topics_item_idx` ON `planned_topics` (`agenda_item_id`);