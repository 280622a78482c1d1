ALTER TABLE "one_time_tokens" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD COLUMN "password_hash" text;