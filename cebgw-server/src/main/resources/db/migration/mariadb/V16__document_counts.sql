-- Documents per enterprise, message type and status, kept as they change (io.cebgw.server.store.DocumentCounts):
-- counting a million documents' statuses for each overview page took over a second. Changes are inserted into
-- document_count_delta (no row that concurrent transactions fight over) and folded into document_count every few
-- seconds; document_count_fold is the row a folding node locks.
create table document_count (
    enterprise_id varchar(36) not null,
    message_type  varchar(20) not null,
    status_key    varchar(10) not null,
    n             bigint      not null,
    primary key (enterprise_id, message_type, status_key)
);
create table document_count_delta (
    id            bigint auto_increment primary key,
    enterprise_id varchar(36) not null,
    message_type  varchar(20) not null,
    status_key    varchar(10) not null,
    n             integer     not null
);
create index document_count_delta_enterprise on document_count_delta (enterprise_id);
create table document_count_fold (id integer primary key);
insert into document_count_fold (id) values (1);

insert into document_count (enterprise_id, message_type, status_key, n)
select enterprise_id, message_type, case when cop_msg_id is null then 'draft' else coalesce(status, 'none') end, count(*)
from document
group by enterprise_id, message_type, case when cop_msg_id is null then 'draft' else coalesce(status, 'none') end;

-- The overview's "waiting too long for a receipt": an enterprise's documents not final, oldest change first.
create index document_not_final on document (enterprise_id, final_state, updated_at);

-- A document's outbox rows (its page, the API's document, resend): without it each read scanned the whole outbox.
create index outbox_document on outbox (document_id);
