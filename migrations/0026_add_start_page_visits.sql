ALTER TABLE `users` ADD `start_page_visited_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `start_page_marks_since` integer;