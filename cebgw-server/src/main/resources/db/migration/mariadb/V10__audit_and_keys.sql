-- The audit trail: who (a web user, an API key, the admin key) did what (create, modify, declare, resend, delete,
-- import, key, user, enterprise and relationship changes), when, from which address, to which document or object.
create table audit_event (
    id            bigint auto_increment primary key,
    at            datetime(3)     not null,
    enterprise_id varchar(36),
    actor_kind    varchar(10)   not null,
    actor         varchar(100)  not null,
    address       varchar(64),
    action        varchar(40)   not null,
    target        varchar(100),
    detail        varchar(1000)
);
create index audit_enterprise on audit_event (enterprise_id, id);
create index audit_target on audit_event (target);

-- API keys get a name, scopes (read, declare, admin), an expiry, a revocation and their last use.
alter table api_key add column id varchar(36);
alter table api_key add column scopes varchar(100) default 'read,declare,admin' not null;
alter table api_key add column expires_at datetime(3);
alter table api_key add column revoked_at datetime(3);
alter table api_key add column last_used_at datetime(3);
update api_key set id = substring(key_hash, 1, 32);
