ALTER TYPE "public"."token_purpose" ADD VALUE 'email_change';--> statement-breakpoint
ALTER TYPE "public"."token_purpose" ADD VALUE 'email_undo';--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD COLUMN "email" text;