-- Receipts are matched by type and business key, whatever the enterprise.
create index document_type_key on document (message_type, business_key);
