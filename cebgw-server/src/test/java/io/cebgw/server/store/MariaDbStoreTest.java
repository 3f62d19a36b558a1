package io.cebgw.server.store;

import javax.sql.DataSource;

class MariaDbStoreTest extends StoreContract {
    @Override
    DataSource dataSource() {
        return Databases.mariadb();
    }
}
