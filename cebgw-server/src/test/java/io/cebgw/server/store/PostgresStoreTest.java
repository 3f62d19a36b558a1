package io.cebgw.server.store;

import javax.sql.DataSource;

class PostgresStoreTest extends StoreContract {
    @Override
    DataSource dataSource() {
        return Databases.postgres();
    }
}
