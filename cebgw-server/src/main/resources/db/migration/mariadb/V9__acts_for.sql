-- The enterprises an enterprise may declare for besides itself (an agent for its clients, a platform for its merchants,
-- a forwarder for the carrier it books with): a document naming another enterprise as its sender (agentCode, ebcCode,
-- logisticsCode as the type has it) is refused unless that enterprise is listed here.
create table enterprise_acts_for (
    enterprise_id varchar(36)  not null,
    code          varchar(18)  not null,
    name          varchar(200),
    kind          varchar(20)  not null,
    created_at    datetime(3)    not null,
    primary key (enterprise_id, code)
);
