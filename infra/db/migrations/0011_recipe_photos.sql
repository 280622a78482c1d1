CREATE TABLE "photo_objects" (
	"key" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"etag" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recipes" ADD COLUMN "photo" jsonb;--> statement-breakpoint
ALTER TABLE "recipes" DROP COLUMN "image_url";--> statement-breakpoint
-- WebP is compressed already: TOAST compression of the bytes would only spend CPU.
ALTER TABLE "photo_objects" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
