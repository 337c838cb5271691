CREATE TABLE `meeting_guests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`name` text NOT NULL,
	`organisation` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_guests_meeting_idx` ON `meeting_guests` (`meeting_id`);--> statement-breakpoint
ALTER TABLE `meeting_invitees` ADD `attendance` text;--> statement-breakpoint
ALTER TABLE `meeting_invitees` ADD `attendance_note` text;