-- Lists and searches at millions of documents (issue 20): an enterprise's documents newest first, by status (also
-- drafts and unanswered ones: status null), and by part of a business key. Without them a list sorted every one of an
-- enterprise's documents before showing fifty.
create index document_newest on document (enterprise_id, created_at desc, id);
create index document_status_newest on document (enterprise_id, status, created_at desc, id);

-- "number contains …": a trigram index where the pg_trgm extension is there and may be created (PostgreSQL 13+ lets a
-- database's owner create it); otherwise such a search reads the enterprise's documents in order, and the migration
-- says so instead of failing.
do $$
begin
    create extension if not exists pg_trgm;
    create index document_key_trigram on document using gin (business_key gin_trgm_ops);
exception
    when undefined_file or insufficient_privilege or feature_not_supported then
        raise notice 'pg_trgm cannot be created here (%): searches by part of a business key read the enterprise''s documents in order', sqlerrm;
end $$;
