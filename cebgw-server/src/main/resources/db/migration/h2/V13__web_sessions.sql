-- Web sessions in the database (Spring Session JDBC's tables and columns), so that every gateway node serves a signed-in
-- user; expired sessions are removed every five minutes (spring.session.jdbc.cleanup-cron).
create table SPRING_SESSION (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on SPRING_SESSION (session_id);
create index spring_session_ix2 on SPRING_SESSION (expiry_time);
create index spring_session_ix3 on SPRING_SESSION (principal_name);

create table SPRING_SESSION_ATTRIBUTES (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    varbinary(1000000)  not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references SPRING_SESSION (primary_id) on delete cascade
);
