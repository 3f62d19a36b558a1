-- CEB Gateway schema (MariaDB and MySQL). Every row belongs to one enterprise.
create table enterprise (
    id                varchar(36)  primary key,
    name              varchar(200) not null,
    customs_code      varchar(18)  not null,
    credit_code       varchar(18),
    dxp_id            varchar(16)  not null unique,
    roles             varchar(100) not null,
    signing_profile   mediumtext,
    transport_profile mediumtext,
    onboarding        mediumtext,
    created_at        datetime(3)    not null
);

create table api_key (
    key_hash      varchar(64)  primary key,
    enterprise_id varchar(36)  not null references enterprise (id),
    label         varchar(100),
    created_at    datetime(3)    not null
);

create table document (
    id              varchar(36)  primary key,
    enterprise_id   varchar(36)  not null references enterprise (id),
    message_type    varchar(20)  not null,
    business_key    varchar(255) not null,
    guid            varchar(36)  not null,
    app_type        varchar(1)   not null,
    app_status      varchar(1)   not null,
    status          varchar(10),
    status_time     varchar(50),
    final_state     boolean      not null,
    cop_msg_id      varchar(64),
    idempotency_key varchar(100),
    findings        mediumtext,
    unsigned_xml    longblob        not null,
    signed_xml      longblob,
    envelope        longblob,
    created_at      datetime(3)    not null,
    updated_at      datetime(3)    not null,
    constraint document_idempotency unique (enterprise_id, idempotency_key)
);
create index document_key on document (enterprise_id, message_type, business_key);
create index document_cop_msg_id on document (cop_msg_id);

create table outbox (
    id              bigint auto_increment primary key,
    enterprise_id   varchar(36)  not null,
    document_id     varchar(36)  not null,
    cop_msg_id      varchar(64)  not null,
    payload         longblob        not null,
    attempts        integer      not null,
    next_attempt_at datetime(3)    not null,
    claimed_by      varchar(64),
    claimed_at      datetime(3),
    state           varchar(10)  not null,
    last_error      varchar(1000),
    created_at      datetime(3)    not null
);
create index outbox_due on outbox (state, next_attempt_at);

create table receipt (
    id            bigint auto_increment primary key,
    enterprise_id varchar(36),
    document_id   varchar(36),
    message_type  varchar(30)  not null,
    return_status varchar(10)  not null,
    return_time   varchar(50),
    return_info   mediumtext,
    cop_msg_id    varchar(255),
    outcome       varchar(20)  not null,
    received_at   datetime(3)    not null
);
create index receipt_document on receipt (document_id);

create table status_transition (
    id          bigint auto_increment primary key,
    document_id varchar(36) not null,
    from_status varchar(10),
    to_status   varchar(10) not null,
    return_time varchar(50),
    happened_at          datetime(3)   not null
);
create index status_transition_document on status_transition (document_id);

create table archive_entry (
    seq           bigint       primary key,
    direction     varchar(3)   not null,
    enterprise_id varchar(36),
    document_id   varchar(36),
    cop_msg_id    varchar(255),
    sha256        varchar(64)  not null,
    chain_hash    varchar(64)  not null,
    content       longblob        not null,
    happened_at            datetime(3)    not null
);
