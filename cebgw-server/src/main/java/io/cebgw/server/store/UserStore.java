package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Web users and, for platform administrators, the enterprises they manage. */
public final class UserStore {
    private final JdbcClient jdbc;

    public UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UserRow u) {
        jdbc.sql("insert into app_user (id, username, password_hash, enterprise_id, role, display_name, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(u.id(), u.username(), u.passwordHash(), u.enterpriseId(), u.role(), u.displayName(), Timestamp.from(u.createdAt()))
                .update();
    }

    public Optional<UserRow> byUsername(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username).query(UserStore::row).optional();
    }

    /** Lets a platform administrator see and act for an enterprise. */
    public void manage(String userId, String enterpriseId) {
        jdbc.sql("insert into user_enterprise (user_id, enterprise_id) values (?, ?)").params(userId, enterpriseId).update();
    }

    /** The enterprises a user may act for: its own, or those it manages (platform administrators). */
    public List<String> enterprisesOf(UserRow user) {
        if (user.enterpriseId() != null) {
            return List.of(user.enterpriseId());
        }
        return jdbc.sql("select enterprise_id from user_enterprise where user_id = ? order by enterprise_id").param(user.id())
                .query(String.class).list();
    }

    private static UserRow row(ResultSet rs, int n) throws SQLException {
        return new UserRow(rs.getString("id"), rs.getString("username"), rs.getString("password_hash"), rs.getString("enterprise_id"),
                rs.getString("role"), rs.getString("display_name"), rs.getTimestamp("created_at").toInstant());
    }
}
