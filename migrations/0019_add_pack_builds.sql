CREATE TABLE `pack_builds` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`meeting_id` integer NOT NULL,
	`input_json` text NOT NULL,
	`status` text DEFAULT 'wachtrij' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 1 NOT NULL,
	`requested_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
