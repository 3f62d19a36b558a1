package io.cebgw.server.store;

import javax.sql.DataSource;

class H2StoreTest extends StoreContract {
    @Override
    DataSource dataSource() {
        return Databases.h2();
    }
}
