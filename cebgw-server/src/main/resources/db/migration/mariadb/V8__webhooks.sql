-- Webhooks: an enterprise's subscriptions (URL, events, secret), the deliveries waiting or done (the same outbox
-- pattern as sending: claimed with a lease, retried with back-off, dead-lettered, replayed), and a log of each attempt.
create table webhook (
    id            varchar(36)   primary key,
    enterprise_id varchar(36)   not null,
    url           varchar(2000) not null,
    events        varchar(500)  not null,
    secret        varchar(200)  not null,
    description   varchar(200),
    active        boolean       not null,
    created_at    datetime(3)     not null
);
create index webhook_enterprise on webhook (enterprise_id);

create table webhook_delivery (
    id              bigint auto_increment primary key,
    webhook_id      varchar(36)   not null,
    enterprise_id   varchar(36)   not null,
    event_id        varchar(80)   not null,
    event_type      varchar(40)   not null,
    payload         mediumtext          not null,
    state           varchar(10)   not null,
    attempts        integer       not null,
    next_attempt_at datetime(3)     not null,
    claimed_by      varchar(64),
    claimed_at      datetime(3),
    last_status     integer,
    last_error      varchar(1000),
    created_at      datetime(3)     not null,
    delivered_at    datetime(3)
);
create index webhook_delivery_due on webhook_delivery (state, next_attempt_at);
create index webhook_delivery_hook on webhook_delivery (webhook_id, id);

create table webhook_attempt (
    id           bigint auto_increment primary key,
    delivery_id  bigint        not null,
    attempted_at datetime(3)     not null,
    http_status  integer,
    error        varchar(1000),
    millis       integer       not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id);

-- How far the status changes have been turned into deliveries; starts after what exists (no back-fill of history).
create table event_cursor (
    name     varchar(40) primary key,
    position bigint      not null
);
insert into event_cursor (name, position) select 'webhooks', coalesce(max(id), 0) from status_transition;

-- A shipment's "final" event is sent once.
alter table shipment add column final_event_at datetime(3);
