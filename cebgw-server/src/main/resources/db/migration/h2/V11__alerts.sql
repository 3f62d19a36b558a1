-- Alerts that are firing: each is sent once when it starts, again every cebgw.alerts.repeat while it lasts, and a
-- "resolved" message when it ends; kept here so that a restart or another node neither repeats nor forgets one.
create table alert_state (
    alert_key    varchar(200)  primary key,
    text_zh      varchar(1000) not null,
    text_en      varchar(1000) not null,
    first_at     timestamp     not null,
    last_sent_at timestamp     not null
);
