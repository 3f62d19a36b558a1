-- The envelope of a document's outbox row is the document's own (document.envelope): not stored twice.
-- payload stays for rows whose bytes are not a document's envelope.
alter table outbox modify payload longblob null;
