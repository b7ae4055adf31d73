package io.plugmate.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path temp;

    @Test
    void aThrowawayServerAnswersSqlAndLeavesNothingBehind() throws Exception {
        PostgresServer server = PostgresServer.start(PostgresServer.Options.throwaway(temp.resolve("pg.log")));
        long pid = server.pid();
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                var result = connection.createStatement().executeQuery("select version()")) {
            result.next();
            assertThat(result.getString(1)).startsWith("PostgreSQL 17");
        } finally {
            server.close();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.readString(temp.resolve("pg.log"))).isNotEmpty();
    }

    @Test
    void aPersistentServerKeepsItsDataAcrossRestarts() throws Exception {
        var options = new PostgresServer.Options(0, temp.resolve("data"), temp.resolve("pg.log"));
        try (PostgresServer first = PostgresServer.start(options);
                var connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password())) {
            connection.createStatement().execute("create table kept (id int); insert into kept values (42)");
        }
        try (PostgresServer second = PostgresServer.start(options);
                var connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
                var result = connection.createStatement().executeQuery("select id from kept")) {
            result.next();
            assertThat(result.getInt(1)).isEqualTo(42);
        }
    }
}
