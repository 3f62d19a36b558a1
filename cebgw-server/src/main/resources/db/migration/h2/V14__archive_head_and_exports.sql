-- The archive's chain head, one row. Every append locks it (select … for update) until its transaction ends, so the
-- entries of all gateway nodes on this database form one chain; before, each process kept the head in memory.
create table archive_head (
    id         integer     primary key,
    seq        bigint      not null,
    chain_hash varchar(64) not null
);
insert into archive_head (id, seq, chain_hash)
select 1, coalesce(max(seq), 0),
       coalesce(max(case when seq = (select max(seq) from archive_entry) then chain_hash end), '0000000000000000000000000000000000000000000000000000000000000000')
from archive_entry;

-- Retention: the oldest archive entries (and old receipts) written to a file, then removed from the database. One row
-- per file, oldest first; the chain continues from last_chain_hash, so cebgw archive verify checks the files and what
-- remains as one chain.
create table archive_export (
    first_seq        bigint       primary key,
    last_seq         bigint       not null,
    previous_hash    varchar(64)  not null,
    last_chain_hash  varchar(64)  not null,
    entries          bigint       not null,
    receipts         bigint       not null,
    file_name        varchar(255) not null,
    file_sha256      varchar(64)  not null,
    exported_at      timestamp    not null,
    purged_at        timestamp
);
