CREATE TABLE `handoffs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_agenda_item_id` integer NOT NULL,
	`to_body_id` integer NOT NULL,
	`status` text DEFAULT 'voorgesteld' NOT NULL,
	`to_agenda_item_id` integer,
	`created_by_user_id` integer,
	`accepted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`from_agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handoffs_from_item_idx` ON `handoffs` (`from_agenda_item_id`);--> statement-breakpoint
CREATE INDEX `handoffs_to_body_idx` ON `handoffs` (`to_body_id`);--> statement-breakpoint
CREATE INDEX `handoffs_to_item_idx` ON `handoffs` (`to_agenda_item_id`);--> statement-breakpoint
CREATE INDEX `handoffs_creator_idx` ON `handoffs` (`created_by_user_id`);