-- An enterprise's own alert settings (thresholds, its own robots and e-mail recipients: properties text, secrets only
-- as .env/.file references), and the enterprise an alert is about, so that a "resolved" message reaches its channels too.
alter table enterprise add column alert_profile text;
alter table alert_state add column enterprise varchar(64);
