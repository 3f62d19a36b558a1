-- Shipments group the documents of one consignment (order, waybill, list, 总分单, arrival, departure …).
create table shipment (
    id            varchar(36)  primary key,
    enterprise_id varchar(36)  not null,
    trade_mode    varchar(4)   not null,
    name          varchar(200),
    warnings      varchar(2000),
    created_at    timestamp not null
);
create index shipment_enterprise on shipment (enterprise_id);
alter table document add shipment_id varchar(36);
create index document_shipment on document (shipment_id);
