-- Every document belongs to a shipment: those created through POST /api/v1/shipments are declared by the gateway
-- in order (auto_declare); the ones it forms itself around documents entered by hand, imported or sent one by one
-- only group them — a draft there waits for its declarant.
alter table shipment add column auto_declare boolean default true not null;
