-- People who sign in to the web pages (方式一). An enterprise user sees its own enterprise only; a platform
-- administrator (enterprise_id null) sees the enterprises listed for it in user_enterprise.
create table app_user (
    id            varchar(36)  primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(200) not null,
    enterprise_id varchar(36)  references enterprise (id),
    role          varchar(16)  not null,
    display_name  varchar(128),
    created_at    timestamp not null
);
create table user_enterprise (
    user_id       varchar(36) not null references app_user (id),
    enterprise_id varchar(36) not null references enterprise (id),
    primary key (user_id, enterprise_id)
);
