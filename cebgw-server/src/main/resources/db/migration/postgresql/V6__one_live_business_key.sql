-- "One live business key" kept by the database, not only by a read before the insert: a new declaration
-- (appType 1) holds its key in live_key until customs refuses it or it fails (Lifecycle.holdsKey: 100, negative
-- codes, exchange errors E…, format errors 900 free the key); modifications and deletions (appType 2, 3) hold none.
-- Two parallel creates of one key, on one gateway or several, cannot both commit.
alter table document add column live_key varchar(255);

-- Existing rows: the newest key-holding new declaration of each key keeps it.
update document set live_key = business_key
where id in (select id from (
    select d.id from document d
    where d.app_type = '1'
      and (d.status is null or not (d.status = '100' or d.status = '900' or d.status like 'E%' or d.status like '-%'))
      and not exists (select 1 from document o
                      where o.enterprise_id = d.enterprise_id and o.message_type = d.message_type and o.business_key = d.business_key
                        and o.app_type = '1'
                        and (o.status is null or not (o.status = '100' or o.status = '900' or o.status like 'E%' or o.status like '-%'))
                        and (o.created_at > d.created_at or (o.created_at = d.created_at and o.id > d.id)))
) newest);

create unique index document_live_key on document (enterprise_id, message_type, live_key);
