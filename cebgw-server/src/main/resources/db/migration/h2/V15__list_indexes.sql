-- Lists and searches at millions of documents (issue 20): an enterprise's documents newest first, and by status (also
-- drafts and unanswered ones: status null). Without them a list sorted every one of an enterprise's documents before
-- showing fifty.
create index document_newest on document (enterprise_id, created_at desc, id);
create index document_status_newest on document (enterprise_id, status, created_at desc, id);
